// One parse per document version, shared by every feature (diagnostics, code actions, hover,
// completion, symbols, inlay hints), as yaml-language-server keeps one. Dropped on close.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDeployerFile, type ParsedFile } from '../../../common/src/language/deployerDocument';

interface Entry {
  version: number;
  file: ParsedFile;
}

export class ParsedDocuments {
  private readonly entries = new Map<string, Entry>();

  /** The document's parse for its current version (parsed now if the version is new). */
  of(document: TextDocument): ParsedFile {
    const cached = this.entries.get(document.uri);
    if (cached?.version === document.version) return cached.file;
    const file = parseDeployerFile(document.getText());
    this.entries.set(document.uri, { version: document.version, file });
    return file;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
