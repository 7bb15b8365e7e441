// Pause, resume and redeploy a service from the tree's context menu or the palette, under a
// cancellable progress notification, the row saying "Pausing…" from the moment the user confirms.
// Loaded on the first of these commands (commands/index.ts registers them).
import * as vscode from 'vscode';
import { pauseService, resumeService, startDeployment } from '../../../common/src/aws/appRunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { engineDeps } from '../../../common/src/deploy/engineDeps';
import { changeDeployment } from '../../../common/src/deploy/lifecycle';
import type { ServiceAction } from '../../../common/src/deploy/lifecycle';
import { reportFailure, reportSuccess } from '../deploy/outcome';
import { claimDeployment } from '../deploy/runningDeploys';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { labelOf, type ServiceEntry } from '../explorer/explorerState';
import { productLog } from '../productLog';
import { pickService, type CommandContext } from './context';
import { withCancellableProgress } from './progress';
import { requireTrust } from './trust';

const DOING: Record<ServiceAction, string> = { pause: 'Pausing', resume: 'Resuming', redeploy: 'Redeploying' };
const DONE: Record<ServiceAction, string> = { pause: 'paused', resume: 'running again', redeploy: 'redeployed and running' };
const DIRECT: Record<ServiceAction, (clients: AwsClients, arn: string) => Promise<unknown>> = { pause: pauseService, resume: resumeService, redeploy: startDeployment };

async function deploymentOf(ctx: CommandContext, service: ServiceEntry): Promise<string | undefined> {
  if (!service.managed) return undefined;
  if (service.deploymentName !== undefined) return service.deploymentName;
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
  const ended = ctx.tree.operationStarting({ region: service.region, name: labelOf(service), arn: service.arn, description: `${DOING[action]}…` });
  const clients = await ctx.connection.ownClients(service.region);
  try {
    await withCancellableProgress(title, async (report, signal) => {
      if (deploymentName === undefined) {
        await DIRECT[action](clients, service.arn);
        return;
      }
      // App Runner's own lines ("Service status is set to PAUSED.") say more than our step names.
      const deps = engineDeps(clients, { signal, onProgress: (event) => event.kind === 'log' && report(event.message.replace(/^\[AppRunner\]\s*/, '')) });
      await changeDeployment(deps, deploymentName, action);
    });
    ended();
    if (deploymentName !== undefined) await reportSuccess(`${shown} is ${DONE[action]}.`, action === 'pause' || service.url === '' ? undefined : ctx.connection.serviceUrl(service.url), logs);
  } catch (error) {
    ended();
    await reportFailure(title, error, logs);
  } finally {
    clients.destroy();
    release();
  }
}

const isRunning = (service: ServiceEntry): boolean => service.presentation.state === 'running';

export async function pause(ctx: CommandContext, node?: ExplorerNode): Promise<void> {
  if (!requireTrust()) return;
  const service = await pickService(ctx.tree, node, isRunning, 'paused');
  if (!service) return;
  const confirm = await vscode.window.showWarningMessage(
    `Pause ${labelOf(service)}?`,
    { modal: true, detail: 'A paused service serves no traffic and costs nothing for compute. Anything the pipeline keeps in memory is lost; resuming starts fresh instances.' },
    'Pause',
  );
  if (confirm === 'Pause') await act(ctx, service, 'pause');
}

export async function resume(ctx: CommandContext, node?: ExplorerNode): Promise<void> {
  if (!requireTrust()) return;
  const service = await pickService(ctx.tree, node, (s) => s.presentation.state === 'paused', 'resumed');
  if (service) await act(ctx, service, 'resume');
}

export async function redeploy(ctx: CommandContext, node?: ExplorerNode): Promise<void> {
  if (!requireTrust()) return;
  const service = await pickService(ctx.tree, node, isRunning, 'redeployed');
  if (service) await act(ctx, service, 'redeploy');
}
