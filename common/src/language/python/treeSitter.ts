// The Python parser: tree-sitter's runtime and its Python grammar, both WebAssembly, from
// @vscode/tree-sitter-wasm (the build VS Code itself uses). Loaded once and only when first asked
// for (the first Python document, or `validate` given a .py file), so nothing of it costs anything
// to an editor or a CLI run that never meets Python. The .wasm files sit next to the bundle in
// dist/ (esbuild.mjs copies them); compiled tests find them in the package.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Parser, Tree } from '@vscode/tree-sitter-wasm';

export type { Node as SyntaxNode, Tree } from '@vscode/tree-sitter-wasm';

export const RUNTIME_WASM = 'tree-sitter.wasm';
export const PYTHON_WASM = 'tree-sitter-python.wasm';

/** Parses Python text into a syntax tree; synchronous once loaded. */
export interface PythonParser {
  parse(text: string): Tree;
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
    parse(text: string): Tree {
      const tree = parser.parse(text);
      if (!tree) throw new Error('tree-sitter returned no tree');
      return tree;
    },
  };
}
