// A Python module as a source of ZenML settings: parsed with Lezer's Python grammar, its ZenML
// imports read, its scopes built and given the Python editor. The scopes keep only offsets and
// values, never syntax nodes; the file keeps its parse for completion.
import { SourceText } from '../sourceText';
import { otherSource, type SourceFile } from '../sources/sourceFile';
import { mentionsZenml, zenmlImports } from './imports';
import { parsePython, type ParsedText } from './pythonParser';
import { PythonEditor } from './pythonEditor';
import { pythonScopes } from './pythonScopes';

/** The source of one text: parsed from scratch, or incrementally from a previous version's parse. */
export function pythonSource(text: string, previous?: ParsedText): SourceFile {
  return mentionsZenml(text) ? fromParse({ text, tree: parsePython(text, previous) }) : otherSource(text);
}

/** The sources of one document's versions: each parsed incrementally from the last. */
export class PythonDocumentSource {
  private last: ParsedText | undefined;

  of(text: string): SourceFile {
    if (!mentionsZenml(text)) {
      this.last = undefined;
      return otherSource(text);
    }
    this.last = { text, tree: parsePython(text, this.last) };
    return fromParse(this.last);
  }
}

function fromParse(parsed: ParsedText): SourceFile {
  const { text, tree } = parsed;
  const imports = zenmlImports(tree, text);
  if (!imports.any) return otherSource(text);
  const source = new SourceText(text);
  const scopes = pythonScopes(tree, source, imports);
  for (const scope of scopes) scope.editor = new PythonEditor(scope);
  return { kind: 'python', source, scopes, python: parsed };
}
