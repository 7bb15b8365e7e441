// The product's import graph (client/src, server/src, common/src, cli/src), read with the
// TypeScript compiler's own import scanner: no cycle anywhere, and the layers only import
// downwards. ESLint's no-restricted-imports says the same per import (eslint.config.mjs); this
// test sees what lint cannot: cycles, and `require()` or `import()` calls.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..', '..');
const PRODUCT_FOLDERS = ['client/src', 'server/src', 'common/src', 'cli/src'];

/** Repository-relative path with `/`, as the messages print it. */
type FilePath = string;

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

function repoPath(absolute: string): FilePath {
  return relative(ROOT, absolute).split(sep).join('/');
}

/** The file a relative specifier names, as TypeScript resolves it here (`x` or `x.js` -> `x.ts`, `x/index.ts`). */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  // `import('./x.js')` names x.ts (the spelling dynamic imports need under node16 resolution).
  const ts = base.endsWith('.js') ? [`${base.slice(0, -3)}.ts`] : [];
  return [...ts, `${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

interface Graph {
  /** Every product file's relative imports of other product `.ts` files, in source order. */
  edges: Map<FilePath, FilePath[]>;
  unresolved: string[];
}

function importGraph(): Graph {
  const edges = new Map<FilePath, FilePath[]>();
  const unresolved: string[] = [];
  for (const folder of PRODUCT_FOLDERS) {
    for (const file of sourceFiles(join(ROOT, folder))) {
      // Static imports and re-exports, `import type`, `import()` and `require()` alike.
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets: FilePath[] = [];
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue; // packages and node: builtins
        const target = resolveRelative(file, fileName);
        if (!target) unresolved.push(`${repoPath(file)} imports '${fileName}'`);
        else if (target.endsWith('.ts')) targets.push(repoPath(target)); // JSON (the schema) is data
      }
      edges.set(repoPath(file), targets);
    }
  }
  return { edges, unresolved };
}

/** Each import cycle once, as `a -> b -> ... -> a` (Tarjan's strongly connected components). */
function cycles(edges: ReadonlyMap<FilePath, readonly FilePath[]>): string[] {
  const index = new Map<FilePath, number>();
  const low = new Map<FilePath, number>();
  const stack: FilePath[] = [];
  const onStack = new Set<FilePath>();
  const found: string[] = [];
  let next = 0;
  const visit = (file: FilePath): void => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = new Set<FilePath>();
    let member: FilePath;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== file);
    if (component.size > 1 || (edges.get(file) ?? []).includes(file)) found.push(cycleThrough(file, component, edges));
  };
  for (const file of edges.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** One concrete cycle inside a strongly connected component, from `start` back to it. */
function cycleThrough(start: FilePath, component: ReadonlySet<FilePath>, edges: ReadonlyMap<FilePath, readonly FilePath[]>): string {
  const cameFrom = new Map<FilePath, FilePath>();
  const queue: FilePath[] = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const target of edges.get(file) ?? []) {
      if (target === start) {
        const path = [start];
        for (let at: FilePath | undefined = file; at !== undefined && at !== start; at = cameFrom.get(at)) path.splice(1, 0, at);
        return [...path, start].join(' -> ');
      }
      if (component.has(target) && !cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return [...component].join(', ');
}

/** Which layer a file belongs to: a product folder, or a folder of common/src. */
function layerOf(file: FilePath): string {
  const common = /^common\/src\/([^/]+)\//.exec(file);
  if (common) return `common/src/${common[1]}`;
  return PRODUCT_FOLDERS.find((folder) => file.startsWith(`${folder}/`)) ?? file;
}

/** What each layer must not import (the layers above it). */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  'common/src/domain': ['common/src/language', 'common/src/deploy', 'common/src/aws', 'common/src/logs'],
  'common/src/language': ['common/src/deploy', 'common/src/aws', 'common/src/logs'],
};

/** Product folders: each imports itself and common/src only; common/src none of the others. */
function forbiddenFolders(file: FilePath): string[] {
  const own = PRODUCT_FOLDERS.find((folder) => file.startsWith(`${folder}/`));
  return PRODUCT_FOLDERS.filter((folder) => folder !== own && folder !== 'common/src');
}

function violations(edges: ReadonlyMap<FilePath, readonly FilePath[]>): string[] {
  const found: string[] = [];
  for (const [file, targets] of edges) {
    const forbidden = [...(FORBIDDEN[layerOf(file)] ?? []), ...forbiddenFolders(file)];
    for (const target of targets) {
      const layer = forbidden.find((folder) => target.startsWith(`${folder}/`));
      if (layer) found.push(`${file} imports ${target} (${layerOf(file)} must not import ${layer})`);
    }
  }
  return found;
}

void describe('the import graph of the product code', () => {
  const graph = importGraph();

  void it('reads every product file and resolves every relative import', () => {
    assert.ok(graph.edges.size > 100, `only ${graph.edges.size} files found under ${PRODUCT_FOLDERS.join(', ')}`);
    assert.deepEqual(graph.unresolved, []);
  });

  void it('has no import cycle', () => {
    assert.deepEqual(cycles(graph.edges), []);
  });

  void it('imports only downwards: client, server and cli use common; domain and language import nothing above them', () => {
    assert.deepEqual(violations(graph.edges), []);
  });

  void it('finds a cycle and a wrong-way import when there is one (the checks themselves)', () => {
    const edges = new Map<FilePath, FilePath[]>([
      ['common/src/domain/a.ts', ['common/src/domain/b.ts']],
      ['common/src/domain/b.ts', ['common/src/language/c.ts']],
      ['common/src/language/c.ts', ['common/src/domain/a.ts', 'common/src/deploy/d.ts']],
      ['common/src/deploy/d.ts', ['common/src/deploy/d.ts']],
      ['server/src/e.ts', ['client/src/f.ts']],
    ]);
    assert.deepEqual(cycles(edges).sort(), [
      'common/src/deploy/d.ts -> common/src/deploy/d.ts',
      'common/src/domain/a.ts -> common/src/domain/b.ts -> common/src/language/c.ts -> common/src/domain/a.ts',
    ]);
    assert.deepEqual(violations(edges), [
      'common/src/domain/b.ts imports common/src/language/c.ts (common/src/domain must not import common/src/language)',
      'common/src/language/c.ts imports common/src/deploy/d.ts (common/src/language must not import common/src/deploy)',
      'server/src/e.ts imports client/src/f.ts (server/src must not import client/src)',
    ]);
  });
});
