// The read-only documents the extension shows: a deploy's plan (rendered as Markdown), an Invoke
// answer (JSON) and Search Logs' results (a log). Virtual documents under one scheme: they close
// without a save prompt, and each kind is one document, so showing a new plan replaces the text
// in the editor that is already open instead of opening another.
import * as vscode from 'vscode';

export const DOCUMENT_SCHEME = 'zenml-apprunner';

export type DocumentKind = 'plan' | 'invoke' | 'search';

const PATHS: Record<DocumentKind, string> = {
  plan: '/Deploy Plan.md',
  invoke: '/Invoke Answer.json',
  search: '/Log Search.log',
};

export function documentUri(kind: DocumentKind): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path: PATHS[kind] });
}

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DOCUMENT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** Replaces the document's text and shows it beside the editor (a plan as a Markdown preview). */
  async show(kind: DocumentKind, text: string, options: { beside?: boolean; preserveFocus?: boolean } = {}): Promise<void> {
    const uri = documentUri(kind);
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
    const viewColumn = options.beside === false ? vscode.ViewColumn.Active : vscode.ViewColumn.Beside;
    if (kind === 'plan') {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false, viewColumn, preserveFocus: options.preserveFocus ?? false });
    // A document VS Code still held from before may have come back with its old text.
    if (document.getText() !== text) this.changed.fire(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
