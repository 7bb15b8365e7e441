// Open a service's URL in the browser, copy it, or copy its ARN (where the Local Sandbox serves
// it, when the service is the sandbox's).
import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { pickService, type CommandContext } from './context';
import { requireTrust } from './trust';

export function registerUrlCommands(ctx: CommandContext): vscode.Disposable[] {
  const { tree } = ctx;
  return [
    vscode.commands.registerCommand('zenmlAppRunner.openServiceUrl', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, (s) => s.url !== '', 'opened');
      if (service) await vscode.env.openExternal(vscode.Uri.parse(ctx.connection.serviceUrl(service.url)));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.copyServiceUrl', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, (s) => s.url !== '', 'copied');
      if (!service) return;
      const url = ctx.connection.serviceUrl(service.url);
      await vscode.env.clipboard.writeText(url);
      void vscode.window.setStatusBarMessage(`Copied ${url}`, 3000);
    }),
    vscode.commands.registerCommand('zenmlAppRunner.copyServiceArn', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, () => true, 'copied');
      if (!service) return;
      await vscode.env.clipboard.writeText(service.arn);
      void vscode.window.setStatusBarMessage(`Copied ${service.arn}`, 3000);
    }),
  ];
}
