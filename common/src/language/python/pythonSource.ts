// A Python module as a source of ZenML settings: parsed with tree-sitter, its ZenML imports read,
// its scopes built and given the Python editor. The scopes keep only offsets and values, never
// syntax nodes: a tree lives in WebAssembly memory and is freed (or kept for the next version).
import { SourceText } from '../sourceText';
import { otherSource, type SourceFile } from '../sources/sourceFile';
import { mentionsZenml, zenmlImports } from './imports';
import { PythonEditor } from './pythonEditor';
import { pythonScopes } from './pythonScopes';
import type { ParsedText, PythonParser, Tree } from './treeSitter';

/** The source of one text, parsed from scratch. */
export function pythonSource(text: string, parser: PythonParser): SourceFile {
  if (!mentionsZenml(text)) return otherSource(text);
  const tree = parser.parse(text);
  try {
    return fromTree(text, tree, parser);
  } finally {
    tree.delete();
  }
}

/** The sources of one document's versions: each parsed incrementally from the last. Dispose when the document closes. */
export class PythonDocumentSource {
  private last: ParsedText | undefined;

  constructor(private readonly parser: PythonParser) {}

  of(text: string): SourceFile {
    if (!mentionsZenml(text)) {
      this.dispose();
      return otherSource(text);
    }
    const tree = this.parser.parse(text, this.last);
    this.last?.tree.delete();
    this.last = { text, tree };
    return fromTree(text, tree, this.parser);
  }

  dispose(): void {
    this.last?.tree.delete();
    this.last = undefined;
  }
}

function fromTree(text: string, tree: Tree, parser: PythonParser): SourceFile {
  const imports = zenmlImports(tree.rootNode, text);
  if (!imports.any) return otherSource(text);
  const source = new SourceText(text);
  const scopes = pythonScopes(tree.rootNode, source, imports);
  for (const scope of scopes) scope.editor = new PythonEditor(scope);
  return { kind: 'python', source, scopes, python: parser };
}
