// Show Dashboard: a service's App Runner metrics from CloudWatch in a webview panel, one panel per
// service. Registered from extension.ts with `registerDashboard`; the command takes a tree node
// (a service row's context menu) or asks for a service from the palette.
import * as vscode from 'vscode';
import { loadServiceMetrics, parseDuration, rangeEndingNow } from '../../../common/src/metrics';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import type { ServiceEntry } from '../explorer/deploymentsModel';
import { pickService, type CommandContext } from '../commands/serviceCommands';
import { requireTrust } from '../commands/trust';
import { buildDashboardData } from './dashboardModel';
import { DashboardPanel, type DashboardSource } from './dashboardPanel';

export const SHOW_DASHBOARD = 'zenmlAppRunner.showDashboard';

/** Reads through the current AWS target; the service's status comes from the tree (no extra call). */
function sourceFor(ctx: CommandContext, service: ServiceEntry): DashboardSource {
  return {
    async load(range, automatic) {
      const clients = await ctx.connection.clientsForRegion(service.region);
      const loaded = await loadServiceMetrics(clients, { serviceName: service.name, serviceId: service.id }, rangeEndingNow(parseDuration(range)!));
      const status = ctx.tree.services.find((listed) => listed.arn === service.arn)?.status ?? service.status;
      return buildDashboardData(loaded, status, range, Date.now(), automatic);
    },
    async deploymentName() {
      return service.managed ? (await ctx.tree.detailsOf(service)).deployment?.name : undefined;
    },
  };
}

export function registerDashboard(context: vscode.ExtensionContext, ctx: CommandContext): vscode.Disposable[] {
  const panels = new Map<string, DashboardPanel>();
  return [
    vscode.commands.registerCommand(SHOW_DASHBOARD, async (node?: ExplorerNode) => {
      const openedAt = Date.now();
      if (!requireTrust()) return;
      const service = await pickService(ctx.tree, node, (candidate) => candidate.status !== 'DELETED', 'shown');
      if (!service) return;
      const existing = panels.get(service.arn);
      if (existing) {
        existing.reveal();
        return;
      }
      const panel = new DashboardPanel(context.extensionUri, { key: service.arn, serviceName: service.name, region: service.region }, sourceFor(ctx, service), openedAt);
      panels.set(service.arn, panel);
      panel.onDidDispose(() => panels.delete(service.arn));
    }),
    { dispose: () => [...panels.values()].forEach((panel) => panel.dispose()) },
  ];
}
