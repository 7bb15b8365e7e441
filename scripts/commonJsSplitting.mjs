// esbuild splits code only into ES modules, and VS Code's extension host and the language
// server's Node process load CommonJS. The split build writes ES modules to a staging folder;
// this plugin then turns each of them into CommonJS in the real output folder, where `import()`
// becomes a `require` made when it runs: a module reached only through `import()` is read from
// disk on first use, and code two entry points share is one file. Source maps carry through to
// the TypeScript sources.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Writes `contents` unless the file already holds it: a build that changes nothing touches no file. */
function writeIfChanged(path, contents) {
  if (existsSync(path) && Buffer.compare(readFileSync(path), contents) === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

export function commonJsSplitting({ outdir, chunks }) {
  return {
    name: 'common-js-splitting',
    setup(build) {
      const staging = build.initialOptions.outdir;
      build.onStart(() => rmSync(staging, { recursive: true, force: true }));
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const modules = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
        const converted = await esbuild.build({
          entryPoints: modules,
          outbase: staging,
          outdir,
          format: 'cjs',
          platform: 'node',
          target: build.initialOptions.target,
          supported: { 'dynamic-import': false },
          sourcemap: true,
          minify: true,
          write: false,
          logLevel: 'warning',
        });
        // Tests and a running extension may be reading these files while a build runs (packaging
        // builds first): unchanged files stay as they are, and a chunk goes only once its
        // replacement is written (chunk names carry a content hash).
        for (const file of converted.outputFiles) writeIfChanged(file.path, file.contents);
        const written = new Set(converted.outputFiles.map((file) => file.path));
        const chunkFolder = resolve(outdir, chunks);
        for (const name of existsSync(chunkFolder) ? readdirSync(chunkFolder) : []) {
          if (!written.has(join(chunkFolder, name))) rmSync(join(chunkFolder, name));
        }
      });
    },
  };
}
