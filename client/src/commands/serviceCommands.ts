// Actions on one service from the tree's context menu or the palette: pause, resume, redeploy,
// open or copy its URL, copy its ARN. Long calls run under a cancellable progress notification.
import * as vscode from 'vscode';
import { pauseService, resumeService, startDeployment } from '../../../common/src/aws/appRunner';
import { changeDeployment, engineDeps } from '../../../common/src/deploy/engine';
import { reportFailure, reportSuccess } from '../deploy/outcome';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import type { AwsConnection } from '../aws/connection';
import type { ServiceEntry } from '../explorer/deploymentsModel';
import type { DeploymentsTreeProvider, ExplorerNode } from '../explorer/deploymentsTreeProvider';
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
    { title: 'ZenML App Runner', placeHolder: `Choose the service to be ${verb}` },
  );
  return picked?.service;
}

type Action = 'pause' | 'resume' | 'redeploy';
const DONE: Record<Action, string> = { pause: 'paused', resume: 'running again', redeploy: 'redeployed and running' };

/**
 * Pause, resume or redeploy. A ZenML deployment goes through the engine, which waits until the
 * operation settles and says how it ended; another service gets the single call, and the tree
 * polls until it settles.
 */
async function act(ctx: CommandContext, service: ServiceEntry, action: Action, title: string, direct: (clients: AwsClients) => Promise<unknown>): Promise<void> {
  let deploymentName: string | undefined;
  try {
    deploymentName = service.managed ? (await ctx.tree.detailsOf(service)).deployment?.name : undefined;
  } catch {
    deploymentName = undefined; // the direct call below names the problem, if there is one
  }
  const logs = deploymentName ? { deploymentName, region: service.region } : undefined;
  try {
    const clients = await ctx.connection.clientsForRegion(service.region);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: deploymentName !== undefined }, async (progress, token) => {
      if (deploymentName === undefined) {
        await direct(clients);
        return;
      }
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort(new Error('cancelled in VS Code')));
      ctx.tree.operationStarted();
      const deps = engineDeps(clients, { signal: abort.signal, onProgress: (event) => event.kind !== 'log' && progress.report({ message: event.message }) });
      await changeDeployment(deps, deploymentName, action);
    });
    ctx.tree.operationStarted();
    if (deploymentName !== undefined) await reportSuccess(`${service.name} is ${DONE[action]}.`, action === 'pause' || service.url === '' ? undefined : ctx.connection.serviceUrl(service.url), logs);
  } catch (error) {
    ctx.tree.refresh();
    await reportFailure(title, error, logs);
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
      if (confirm === 'Pause') await act(ctx, service, 'pause', `Pausing ${service.name}`, (clients) => pauseService(clients, service.arn));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.resumeService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, (s) => s.presentation.state === 'paused', 'resumed');
      if (service) await act(ctx, service, 'resume', `Resuming ${service.name}`, (clients) => resumeService(clients, service.arn));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.redeployService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, isRunning, 'redeployed');
      if (service) await act(ctx, service, 'redeploy', `Redeploying ${service.name}`, (clients) => startDeployment(clients, service.arn));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.openServiceUrl', async (node?: ExplorerNode) => {
      const service = await pickService(tree, node, (s) => s.url !== '', 'opened');
      if (service) await vscode.env.openExternal(vscode.Uri.parse(ctx.connection.serviceUrl(service.url)));
    }),
    vscode.commands.registerCommand('zenmlAppRunner.copyServiceUrl', async (node?: ExplorerNode) => {
      const service = await pickService(tree, node, (s) => s.url !== '', 'copied');
      if (!service) return;
      const url = ctx.connection.serviceUrl(service.url);
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
