// The Python parser: tree-sitter's runtime and its Python grammar, both WebAssembly, from
// @vscode/tree-sitter-wasm (the build VS Code itself uses). Loaded once and only when first asked
// for (the first Python document, or `validate` given a .py file), so nothing of it costs anything
// to an editor or a CLI run that never meets Python. The .wasm files sit next to the bundle in
// dist/ (esbuild.mjs copies them); compiled tests find them in the package.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Edit, Parser, Point, Tree } from '@vscode/tree-sitter-wasm';

export type { Node as SyntaxNode, Tree } from '@vscode/tree-sitter-wasm';

export const RUNTIME_WASM = 'tree-sitter.wasm';
export const PYTHON_WASM = 'tree-sitter-python.wasm';

/** A text and its tree, kept to parse the next version of the text incrementally. */
export interface ParsedText {
  text: string;
  tree: Tree;
}

/**
 * Parses Python text into a syntax tree; synchronous once loaded. With the previous version's
 * text and tree, only what changed is parsed again (a keystroke in a 2,000-line module: well
 * under a millisecond instead of about 15); the previous tree is edited to match and stays the
 * caller's to delete. Every tree lives in WebAssembly memory until `delete()`.
 */
export interface PythonParser {
  parse(text: string, previous?: ParsedText): Tree;
}

let loading: Promise<PythonParser> | undefined;
let loaded: PythonParser | undefined;

/** The folder holding both .wasm files: beside the bundle, else the installed package's. */
export function wasmFolder(): string {
  if (existsSync(path.join(__dirname, PYTHON_WASM))) return __dirname;
  // Compiled (not bundled) code: the installed package's. createRequire keeps the bundler out of it.
  return path.join(path.dirname(createRequire(__filename).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}

/** The parser, loading it on first call; later calls share the same load. */
export function loadPythonParser(): Promise<PythonParser> {
  loading ??= load().then(
    (parser) => (loaded = parser),
    (error: unknown) => {
      loading = undefined; // a failed load (a missing file) may be retried
      throw error;
    },
  );
  return loading;
}

/** The parser if it has loaded, else `undefined` (callers that cannot wait do without). */
export function pythonParserIfLoaded(): PythonParser | undefined {
  return loaded;
}

async function load(): Promise<PythonParser> {
  const folder = wasmFolder();
  // Imported here, not at the top: the runtime's JavaScript is evaluated only when Python is met.
  const imported = await import('@vscode/tree-sitter-wasm');
  // The package is CommonJS: its exports are the namespace's `default`, under Node and in the bundle.
  const treeSitter = imported.default;
  await treeSitter.Parser.init({ locateFile: (file: string) => path.join(folder, file) });
  const language = await treeSitter.Language.load(new Uint8Array(await readFile(path.join(folder, PYTHON_WASM))));
  const parser: Parser = new treeSitter.Parser();
  parser.setLanguage(language);
  return {
    parse(text: string, previous?: ParsedText): Tree {
      if (previous) previous.tree.edit(editBetween(previous.text, text));
      const tree = parser.parse(text, previous?.tree);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    },
  };
}

/** The one edit that turns `before` into `after`: their common prefix and suffix stay. */
function editBetween(before: string, after: string): Edit {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: pointAt(before, start),
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAt(after, newEnd),
  };
}

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let next = text.indexOf('\n'); next !== -1 && next < index; next = text.indexOf('\n', next + 1)) {
    row++;
    lineStart = next + 1;
  }
  return { row, column: index - lineStart };
}
