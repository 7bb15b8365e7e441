// Actions on one service from the tree's context menu or the palette: pause, resume, redeploy,
// open or copy its URL, copy its ARN. Long calls run under a cancellable progress notification.
import * as vscode from 'vscode';
import { pauseService, resumeService, startDeployment } from '../../../common/src/aws/appRunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { changeDeployment, engineDeps } from '../../../common/src/deploy/engine';
import type { ServiceAction } from '../../../common/src/deploy/lifecycle';
import type { AwsConnection } from '../aws/connection';
import { reportFailure, reportSuccess } from '../deploy/outcome';
import { claimDeployment } from '../deploy/runningDeploys';
import type { ServiceEntry } from '../explorer/deploymentsModel';
import type { DeploymentsTreeProvider, ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { productLog } from '../productLog';
import { withCancellableProgress } from './progress';
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

const DOING: Record<ServiceAction, string> = { pause: 'Pausing', resume: 'Resuming', redeploy: 'Redeploying' };
const DONE: Record<ServiceAction, string> = { pause: 'paused', resume: 'running again', redeploy: 'redeployed and running' };
const DIRECT: Record<ServiceAction, (clients: AwsClients, arn: string) => Promise<unknown>> = { pause: pauseService, resume: resumeService, redeploy: startDeployment };

async function deploymentOf(ctx: CommandContext, service: ServiceEntry): Promise<string | undefined> {
  if (!service.managed) return undefined;
  try {
    return (await ctx.tree.detailsOf(service)).deployment?.name;
  } catch (error) {
    productLog.warn(`Reading the tags of ${service.name}`, error);
    return undefined; // the direct call below names the problem, if there is one
  }
}

/**
 * Pause, resume or redeploy. A ZenML deployment goes through the engine, which waits until the
 * operation settles and says how it ended; another service gets the single call, and the tree
 * polls until it settles.
 */
async function act(ctx: CommandContext, service: ServiceEntry, action: ServiceAction): Promise<void> {
  const deploymentName = await deploymentOf(ctx, service);
  const shown = deploymentName ?? service.name;
  const title = `${DOING[action]} ${shown}`;
  const logs = deploymentName ? { deploymentName, region: service.region } : undefined;
  const release = claimDeployment(service.region, shown);
  if (!release) {
    void vscode.window.showWarningMessage(`Another action on ${shown} is in progress in this window: wait for it to finish.`);
    return;
  }
  const clients = await ctx.connection.ownClients(service.region);
  try {
    await withCancellableProgress(title, async (report, signal) => {
      ctx.tree.operationStarted();
      if (deploymentName === undefined) {
        await DIRECT[action](clients, service.arn);
        return;
      }
      // App Runner's own lines ("Service status is set to PAUSED.") say more than our step names.
      const deps = engineDeps(clients, { signal, onProgress: (event) => event.kind === 'log' && report(event.message.replace(/^\[AppRunner\]\s*/, '')) });
      await changeDeployment(deps, deploymentName, action);
    });
    ctx.tree.operationStarted();
    if (deploymentName !== undefined) await reportSuccess(`${shown} is ${DONE[action]}.`, action === 'pause' || service.url === '' ? undefined : ctx.connection.serviceUrl(service.url), logs);
  } catch (error) {
    ctx.tree.refresh();
    await reportFailure(title, error, logs);
  } finally {
    clients.destroy();
    release();
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
      if (confirm === 'Pause') await act(ctx, service, 'pause');
    }),
    vscode.commands.registerCommand('zenmlAppRunner.resumeService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, (s) => s.presentation.state === 'paused', 'resumed');
      if (service) await act(ctx, service, 'resume');
    }),
    vscode.commands.registerCommand('zenmlAppRunner.redeployService', async (node?: ExplorerNode) => {
      if (!requireTrust()) return;
      const service = await pickService(tree, node, isRunning, 'redeployed');
      if (service) await act(ctx, service, 'redeploy');
    }),
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
