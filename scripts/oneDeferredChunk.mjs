// An esbuild plugin for the split build. Every `import()` in the extension's code (client/src) is
// something activation defers: a command's work, the AWS clients, the Deployments view's reads.
// Left alone, esbuild makes each of them, and each set of modules two of them share, a chunk of
// its own: some 50 files, each with its own module glue and compressed apart in the .vsix. This
// plugin sends them all through one generated module, so what activation defers is one chunk
// (with the few chunks it shares with activation and the language server), read on first use.
// Targets listed in `apart` (relative to the folder) keep a chunk of their own: the LSP client,
// which the server's start reads right after activation, has nothing to do with the AWS work.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const DEFERRED = 'deferred-modules';
const DYNAMIC_IMPORT = /\bimport\((['"])(\.{1,2}\/[^'"\n]+)\1\)/g;

/** The .ts file a relative `import()` names (`./x.js` is x.ts under node16 resolution). */
function targetOf(from, specifier) {
  return resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
}

function tsFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? tsFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

export function oneDeferredChunk({ folder, apart = [] }) {
  const root = resolve(folder);
  const keyOf = (file) => relative(root, file).replace(/\W/g, '_');
  const deferred = (file) => !apart.includes(relative(root, file));
  return {
    name: 'one-deferred-chunk',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(`${root}/`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import(')) return undefined;
        const contents = text.replace(DYNAMIC_IMPORT, (call, quote, specifier) => {
          const target = targetOf(args.path, specifier);
          return deferred(target) ? `import('${DEFERRED}').then((modules) => modules.${keyOf(target)})` : call;
        });
        return { contents, loader: 'ts' };
      });
      build.onResolve({ filter: new RegExp(`^${DEFERRED}$`) }, () => ({ path: DEFERRED, namespace: DEFERRED }));
      // Read when esbuild first meets the module, maybe before it has loaded every importer: so
      // the list comes from the sources themselves.
      build.onLoad({ filter: /.*/, namespace: DEFERRED }, () => {
        const targets = new Set(tsFiles(root).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORT)].map((match) => targetOf(file, match[2])).filter(deferred)));
        const contents = [...targets].sort().map((file) => `export * as ${keyOf(file)} from ${JSON.stringify(file)};`).join('\n');
        return { contents, loader: 'ts', resolveDir: root, watchFiles: tsFiles(root) };
      });
    },
  };
}
