// Every command of the extension, registered at activation; the ones that reach AWS load their
// module (and with it the AWS SDK) on first use, so activation stays cheap.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { lazyModule } from '../lazyModule';
import type { CommandContext } from './context';
import { registerExplorerCommands } from './explorerCommands';
import { createSampleConfig } from './sampleConfigCommand';
import { registerSettingsFileCommand } from './settingsFileCommand';
import { registerUrlCommands } from './urlCommands';

const deployModule = lazyModule(() => import('./deployCommands.js'));
const serviceModule = lazyModule(() => import('./serviceCommands.js'));
const invokeModule = lazyModule(() => import('./invokeCommand.js'));

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const on = (id: string, handler: (...args: never[]) => Promise<unknown>): vscode.Disposable => vscode.commands.registerCommand(id, handler);
  return [
    on('zenmlAppRunner.deploy', async (uri?: vscode.Uri) => (await deployModule()).deploy(ctx, uri)),
    on('zenmlAppRunner.showPlan', async (uri?: vscode.Uri) => (await deployModule()).showPlanCommand(ctx, uri)),
    on('zenmlAppRunner.deleteService', async (node?: ExplorerNode) => (await deployModule()).deleteCommand(ctx, node)),
    on('zenmlAppRunner.pauseService', async (node?: ExplorerNode) => (await serviceModule()).pause(ctx, node)),
    on('zenmlAppRunner.resumeService', async (node?: ExplorerNode) => (await serviceModule()).resume(ctx, node)),
    on('zenmlAppRunner.redeployService', async (node?: ExplorerNode) => (await serviceModule()).redeploy(ctx, node)),
    on('zenmlAppRunner.invokeService', async (node?: ExplorerNode) => (await invokeModule()).invoke(ctx, node)),
    on('zenmlAppRunner.clearSecrets', async () => (await invokeModule()).clearSecrets(ctx.secrets)),
    on('zenmlAppRunner.createSampleConfig', createSampleConfig),
    ...registerExplorerCommands(ctx),
    ...registerUrlCommands(ctx),
    registerSettingsFileCommand(ctx),
  ];
}
