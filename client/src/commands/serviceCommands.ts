// Actions on one service from the tree's context menu or the palette: pause, resume, redeploy,
// open or copy its URL, copy its ARN. Long calls run under a cancellable progress notification.
import * as vscode from 'vscode';
import { pauseService, resumeService, startDeployment } from '../../../common/src/aws/appRunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import type { AwsConnection } from '../aws/connection';
import type { ServiceEntry } from '../explorer/deploymentsModel';
import type { DeploymentsTreeProvider, ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { serviceUrl } from '../explorer/serviceDetails';
import { requireTrust } from './trust';

export interface CommandContext {
  connection: AwsConnection;
  tree: DeploymentsTreeProvider;
}

/** The service a command acts on: the clicked node, or one picked from the listed services. */
export async function pickService(tree: DeploymentsTreeProvider, node: ExplorerNode | undefined, fits: (service: ServiceEntry) => boolean, verb: string): Promise<ServiceEntry | undefined> {
  if (node?.kind === 'service') return node.service;
  if (tree.services.length === 0) await tree.reload();
  const candidates = tree.services.filter(fits);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`No listed service can be ${verb} now.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((service) => ({ label: service.name, description: `${service.region} · ${service.presentation.description}`, service })),
    { title: `Service to ${verb.replace(/d$/, '')}`, placeHolder: 'Choose a service' },
  );
  return picked?.service;
}

/** Runs one state-changing call with progress; the tree then polls until the operation settles. */
async function act(ctx: CommandContext, service: ServiceEntry, title: string, run: (clients: AwsClients) => Promise<unknown>): Promise<void> {
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, async () => {
      await run(await ctx.connection.clientsForRegion(service.region));
    });
    ctx.tree.operationStarted();
  } catch (error) {
    void vscode.window.showErrorMessage(`${title} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const isRunning = (service: ServiceEntry): boolean => service.presentation.state === 'running';

export function registerServiceCommands(ctx: CommandContext): vscode.Disposable[] {
  const { tree } = ctx;
  return [
    vscode.commands.registerCommand('zenmlAppRunner.pauseService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, isRunning, 'paused');
      if (!service) return;
      const confirm = await vscode.window.showWarningMessage(
        `Pause ${service.name}?`,
        { modal: true, detail: 'A paused service serves no traffic and costs nothing for compute. Anything the pipeline keeps in memory is lost; resuming starts fresh instances.' },
        'Pause',
      );
      if (confirm === 'Pause') await act(ctx, service, `Pausing ${service.name}`, (clients) => pauseService(clients, service.arn));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.resumeService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, (s) => s.presentation.state === 'paused', 'resumed');
      if (service) await act(ctx, service, `Resuming ${service.name}`, (clients) => resumeService(clients, service.arn));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.redeployService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, isRunning, 'redeployed');
      if (service) await act(ctx, service, `Redeploying ${service.name}`, (clients) => startDeployment(clients, service.arn));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.openServiceUrl', async (node?: ExplorerNode) => {
      const service = await pickService(tree, node, (s) => s.url !== '', 'opened');
      const url = serviceUrl(service?.url);
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.copyServiceUrl', async (node?: ExplorerNode) => {
      const service = await pickService(tree, node, (s) => s.url !== '', 'copied');
      const url = serviceUrl(service?.url);
      if (!url) return;
      await vscode.env.clipboard.writeText(url);
      void vscode.window.setStatusBarMessage(`Copied ${url}`, 3000);
    }),
    vscode.commands.registerCommand('zenmlAppRunner.copyServiceArn', async (node?: ExplorerNode) => {
      const service = await pickService(tree, node, () => true, 'copied');
      if (!service) return;
      await vscode.env.clipboard.writeText(service.arn);
      void vscode.window.setStatusBarMessage(`Copied ${service.arn}`, 3000);
    }),
  ];
}
