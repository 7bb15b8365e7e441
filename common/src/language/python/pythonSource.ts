// A Python module as a source of ZenML settings: parsed with tree-sitter, its ZenML imports read,
// its scopes built and given the Python editor. The syntax tree lives in WebAssembly memory and is
// freed before returning: the scopes keep only offsets and values.
import { SourceText } from '../sourceText';
import { otherSource, type SourceFile } from '../sources/sourceFile';
import { mentionsZenml, zenmlImports } from './imports';
import { PythonEditor } from './pythonEditor';
import { pythonScopes } from './pythonScopes';
import type { PythonParser } from './treeSitter';

export function pythonSource(text: string, parser: PythonParser): SourceFile {
  if (!mentionsZenml(text)) return otherSource(text);
  const tree = parser.parse(text);
  try {
    const imports = zenmlImports(tree.rootNode);
    if (!imports.any) return otherSource(text);
    const source = new SourceText(text);
    const scopes = pythonScopes(tree.rootNode, source, imports);
    for (const scope of scopes) scope.editor = new PythonEditor(scope);
    return { kind: 'python', source, scopes, python: parser };
  } finally {
    tree.delete();
  }
}
