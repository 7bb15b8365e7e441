// Which zenml.deployer.yaml of the workspace declares each deployment (by `deployment.name`), so a
// service row offers "Open zenml.deployer.yaml" only where there is one. Read once, read again
// when such a file is created, changed or deleted.
import * as vscode from 'vscode';
import type { SettingsReader } from '../language/languageClient';
import { productLog } from '../productLog';

export const SETTINGS_FILE_GLOB = '**/{zenml.deployer.yaml,*.zenml.deployer.yaml}';

/** Every settings file of the workspace (node_modules excluded). */
export function findSettingsFiles(): Thenable<vscode.Uri[]> {
  return vscode.workspace.findFiles(SETTINGS_FILE_GLOB, '**/node_modules/**', 200);
}

export class SettingsFilesIndex implements vscode.Disposable {
  private index: Promise<Map<string, vscode.Uri>> | undefined;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(SETTINGS_FILE_GLOB);
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly reader: SettingsReader) {
    const invalidate = (): void => {
      this.index = undefined;
      this.changed.fire();
    };
    this.watcher.onDidCreate(invalidate);
    this.watcher.onDidChange(invalidate);
    this.watcher.onDidDelete(invalidate);
  }

  /** The file declaring `deploymentName`, if the workspace has one. */
  async fileOf(deploymentName: string): Promise<vscode.Uri | undefined> {
    this.index ??= this.read();
    return (await this.index).get(deploymentName);
  }

  private async read(): Promise<Map<string, vscode.Uri>> {
    const index = new Map<string, vscode.Uri>();
    for (const uri of await findSettingsFiles()) {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        for (const entry of await this.reader.deploymentsIn(text)) if (!index.has(entry.deploymentName)) index.set(entry.deploymentName, uri);
      } catch (error) {
        productLog.warn(`Reading ${uri.fsPath}`, error);
      }
    }
    return index;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
