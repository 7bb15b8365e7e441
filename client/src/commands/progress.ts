// Long AWS actions run under a progress notification whose Cancel button aborts the signal the
// action gets; the engine then stops waiting and says where things are.
import * as vscode from 'vscode';

export type ReportStep = (message: string) => void;

export function withCancellableProgress<T>(title: string, task: (report: ReportStep, signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token): Promise<T> => {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort(new Error('cancelled in VS Code')));
    return task((message) => progress.report({ message }), abort.signal).finally(() => {
      subscription.dispose();
    });
  });
}
