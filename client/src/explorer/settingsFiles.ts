// The workspace's `zenml.deployer.yaml` that deploys a given deployment, found by its
// `deployment.name` (any YAML document of the file).
import * as vscode from 'vscode';
import { deploymentsInText } from '../../../common/src/language/fileDeployments';

export const SETTINGS_FILE_GLOB = '**/{zenml.deployer.yaml,*.zenml.deployer.yaml}';

/** Every settings file of the workspace (node_modules excluded). */
export function findSettingsFiles(): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(SETTINGS_FILE_GLOB, '**/node_modules/**', 200);
}

export async function findSettingsFile(deploymentName: string): Promise<vscode.Uri | undefined> {
  for (const uri of await findSettingsFiles()) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    if (deploymentsInText(text).some((entry) => entry.deploymentName === deploymentName)) return uri;
  }
  return undefined;
}
