// One parse per document version, shared by every feature (diagnostics, code actions, hover,
// completion, symbols, inlay hints), as yaml-language-server keeps one. Dropped on close. A Python
// document that mentions zenml keeps its last tree, so the next version parses incrementally;
// other Python files are never parsed (PythonDocumentSource looks once per version).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PythonDocumentSource } from '../../../common/src/language/python/pythonSource';
import { deployerSource, yamlSource, type SourceFile } from '../../../common/src/language/sources/sourceFile';
import { documentKind } from './documentFilter';

interface Entry {
  version: number;
  file: SourceFile;
}

export class ParsedDocuments {
  private readonly entries = new Map<string, Entry>();
  /** Per Python document, its last tree, so the next version parses incrementally. */
  private readonly python = new Map<string, PythonDocumentSource>();

  /** The document's parse for its current version (parsed now if the version is new); `undefined` when it is not ours. */
  of(document: TextDocument): SourceFile | undefined {
    const cached = this.entries.get(document.uri);
    if (cached?.version === document.version) return cached.file;
    const file = this.parse(document);
    if (file) this.entries.set(document.uri, { version: document.version, file });
    return file;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.python.delete(uri);
  }

  private parse(document: TextDocument): SourceFile | undefined {
    switch (documentKind(document)) {
      case 'deployer':
        return deployerSource(document.getText());
      case 'yaml':
        return yamlSource(document.getText());
      case 'python': {
        let source = this.python.get(document.uri);
        if (!source) {
          source = new PythonDocumentSource();
          this.python.set(document.uri, source);
        }
        return source.of(document.getText());
      }
      default:
        return undefined;
    }
  }
}
