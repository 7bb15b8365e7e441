// The read-only document that shows Search Logs' results: a virtual document under the scheme
// `zenml-apprunner-search`, so it closes without a save prompt; one document for every search, so
// a new search replaces the text in the editor that is already open. Its name ends in `.log`, so
// VS Code colours times and levels as in any log file.
import * as vscode from 'vscode';

export const SEARCH_SCHEME = 'zenml-apprunner-search';
export const SEARCH_DOCUMENT_URI = vscode.Uri.from({ scheme: SEARCH_SCHEME, path: '/Log Search.log' });

export class SearchDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private text = '';

  provideTextDocumentContent(): string {
    return this.text;
  }

  /** Replaces the results and shows them (the open editor if there is one). */
  async show(text: string): Promise<void> {
    this.text = text;
    this.changed.fire(SEARCH_DOCUMENT_URI);
    const document = await vscode.workspace.openTextDocument(SEARCH_DOCUMENT_URI);
    await vscode.window.showTextDocument(document, { preview: false });
    // A document VS Code still held from an earlier search may have come back with its old text.
    if (document.getText() !== text) this.changed.fire(SEARCH_DOCUMENT_URI);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerSearchDocuments(documents: SearchDocuments): vscode.Disposable {
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SEARCH_SCHEME, documents), documents);
}
