// Open Settings File: the workspace's zenml.deployer.yaml that deploys a service (by the
// deployment name in its tags).
import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { findSettingsFile } from '../explorer/settingsFiles';
import { pickService, type CommandContext } from './serviceCommands';

export function registerSettingsFileCommand(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('zenmlAppRunner.openSettingsFile', async (node?: ExplorerNode) => {
    const service = await pickService(ctx.tree, node, (s) => s.managed, 'opened');
    if (!service) return;
    const deployment = (await ctx.tree.detailsOf(service)).deployment;
    const file = deployment ? await findSettingsFile(deployment.name) : undefined;
    if (file) {
      await vscode.window.showTextDocument(file);
      return;
    }
    const why = deployment ? `No zenml.deployer.yaml in this workspace declares deployment.name: ${deployment.name}.` : `${service.name} carries no ZenML deployment tags.`;
    const choice = await vscode.window.showInformationMessage(why, 'Create Sample Config');
    if (choice) await vscode.commands.executeCommand('zenmlAppRunner.createSampleConfig');
  });
}
