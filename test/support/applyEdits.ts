// Applies LSP-style text edits (zero-based line/character ranges, all on the original text) as
// an editor does, with vscode-languageserver-textdocument's own implementation; overlapping
// edits throw.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../../common/src/language/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited', 'yaml', 0, text), [...edits]);
}
