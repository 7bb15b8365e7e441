// Show Dashboard: a service's App Runner metrics from CloudWatch in a webview panel, one panel per
// service. Registered from the extension with `registerDashboard`; the panel and the metrics code
// load on the first Show Dashboard. The command takes a tree node (a service row's context menu)
// or asks for a service from the palette.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { lazyModule } from '../lazyModule';
import type { DashboardPanel } from './dashboardPanel';

export const SHOW_DASHBOARD = 'zenmlAppRunner.showDashboard';

const dashboard = lazyModule(() => import('./dashboardCommand.js'));

export function registerDashboard(context: vscode.ExtensionContext, ctx: CommandContext): vscode.Disposable[] {
  const panels = new Map<string, DashboardPanel>();
  return [
    vscode.commands.registerCommand(SHOW_DASHBOARD, async (node?: ExplorerNode) => (await dashboard()).showDashboard(context, ctx, panels, node, Date.now())),
    { dispose: () => [...panels.values()].forEach((panel) => panel.dispose()) },
  ];
}
