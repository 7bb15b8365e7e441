// esbuild splits code only into ES modules, and VS Code's extension host and the language
// server's Node process load CommonJS. The split build writes ES modules to a staging folder;
// this plugin then turns each of them into CommonJS in the real output folder, where `import()`
// becomes a `require` made when it runs: a module reached only through `import()` is read from
// disk on first use, and code two entry points share is one file. Source maps carry through to
// the TypeScript sources.
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export function commonJsSplitting({ outdir, chunks }) {
  return {
    name: 'common-js-splitting',
    setup(build) {
      const staging = build.initialOptions.outdir;
      build.onStart(() => rmSync(staging, { recursive: true, force: true }));
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const modules = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
        // Chunk names carry a content hash: last build's chunks would otherwise ship as well.
        rmSync(join(outdir, chunks), { recursive: true, force: true });
        await esbuild.build({
          entryPoints: modules,
          outbase: staging,
          outdir,
          format: 'cjs',
          platform: 'node',
          target: build.initialOptions.target,
          supported: { 'dynamic-import': false },
          sourcemap: true,
          minify: true,
          logLevel: 'warning',
        });
      });
    },
  };
}
