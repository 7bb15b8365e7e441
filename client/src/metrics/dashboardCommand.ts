// Show Dashboard's handler: the service (clicked or picked), its panel (reused when open), and the
// source that reads its metrics through the current AWS target.
import type * as vscode from 'vscode';
import { loadServiceMetrics, parseDuration, rangeEndingNow } from '../../../common/src/metrics';
import { pickService, type CommandContext } from '../commands/context';
import { requireTrust } from '../commands/trust';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import type { ServiceEntry } from '../explorer/explorerState';
import { buildDashboardData } from './dashboardModel';
import { DashboardPanel, type DashboardSource } from './dashboardPanel';

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
      return service.deploymentName ?? (service.managed ? (await ctx.tree.detailsOf(service)).deployment?.name : undefined);
    },
  };
}

export async function showDashboard(context: vscode.ExtensionContext, ctx: CommandContext, panels: Map<string, DashboardPanel>, node: ExplorerNode | undefined, openedAt: number): Promise<void> {
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
}
