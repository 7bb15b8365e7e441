// Create Sample Config: writes a valid zenml.deployer.yaml into the workspace (never over an
// existing file) and opens it.
import * as vscode from 'vscode';
import { SAMPLE_CONFIG, SAMPLE_FILE_NAME } from '../samples/sampleConfig';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function createSampleConfig(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: 'zenml-deployer-yaml', content: SAMPLE_CONFIG });
    await vscode.window.showTextDocument(document);
    return;
  }
  let target = vscode.Uri.joinPath(folder.uri, SAMPLE_FILE_NAME);
  for (let n = 2; await exists(target); n++) target = vscode.Uri.joinPath(folder.uri, `sample-${n}.${SAMPLE_FILE_NAME}`);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(SAMPLE_CONFIG));
  await vscode.window.showTextDocument(target);
}
