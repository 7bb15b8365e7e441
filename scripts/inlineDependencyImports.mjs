// An esbuild plugin for the split build: an `import()` inside a dependency (the AWS SDK loads each
// credential provider so) is bundled as a `require` run at the same moment, so it stays in the
// chunk of the code that calls it instead of becoming a file of its own. Evaluation stays lazy
// (esbuild runs a bundled module when first required); what changes is the number of files: one
// per dependency `import()` cost the .vsix about 1 KB each of module glue and lost compression,
// and kept the SDK's unused browser user-agent parser as a chunk.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const DYNAMIC_IMPORT = /\bimport\((["'][^"'\n]+["'])\)/g;

export function inlineDependencyImports() {
  return {
    name: 'inline-dependency-imports',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import(')) return undefined;
        return { contents: text.replace(DYNAMIC_IMPORT, 'Promise.resolve().then(() => require($1))'), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}
