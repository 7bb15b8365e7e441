// "Deploy" and "Show Plan" above the first line of every zenml.deployer.yaml (trusted workspaces).
import * as vscode from 'vscode';

export class DeployCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  /** Trust granted later: the lenses appear. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: '$(rocket) Deploy', command: 'zenmlAppRunner.deploy', arguments: [document.uri], tooltip: 'Plan, confirm and deploy this file to App Runner' }),
      new vscode.CodeLens(top, { title: 'Show Plan', command: 'zenmlAppRunner.showPlan', arguments: [document.uri], tooltip: 'The AWS calls a deploy would make, without making them' }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
