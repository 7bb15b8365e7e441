// Restricted mode: reading a file is safe, acting on AWS with the user's credentials is not.
// package.json disables these commands with `enablement: isWorkspaceTrusted`; this check covers
// callers that bypass enablement (other extensions, keybindings) and says why.
import * as vscode from 'vscode';

export const RESTRICTED_EXPLANATION =
  'This workspace is in Restricted Mode, so ZenML App Runner does not deploy, delete, invoke or use your AWS credentials here. ' +
  'Trust the workspace (Manage Workspace Trust) to enable them; checking zenml.deployer.yaml files keeps working.';

/** True when trusted; otherwise explains, offers to manage trust, and returns false. */
export function requireTrust(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(RESTRICTED_EXPLANATION, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return false;
}
