// The "Deployments" tree: regions, then services, then a service's details. It translates the
// plain data of deploymentsModel/serviceDetails into tree items; all AWS reading happens there.
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import { anyBusy, explorerStateOf, loadRegion, type RegionListing, type ServiceEntry, type ServiceFilter } from './deploymentsModel';
import { OperationPoller, type PollSchedule } from './operationPoller';
import { detailRows, loadServiceDetails, tooltipMarkdown, type DetailRow, type ServiceDetails } from './serviceDetails';
import { productLog } from '../productLog';
import { findSettingsFile } from './settingsFiles';

export type ExplorerNode =
  | { kind: 'region'; listing: RegionListing }
  | { kind: 'service'; service: ServiceEntry }
  | { kind: 'detail'; row: DetailRow; service: ServiceEntry }
  | { kind: 'message'; text: string; icon: string };

function pollSchedule(): PollSchedule {
  const config = vscode.workspace.getConfiguration('zenmlAppRunner.explorer');
  const firstMs = Math.max(1, config.get<number>('pollFirstSeconds', 2)) * 1000;
  return { firstMs, maxMs: Math.max(firstMs, Math.max(1, config.get<number>('pollMaxSeconds', 30)) * 1000), factor: 1.5 };
}

export class DeploymentsTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private listings: RegionListing[] | undefined;
  private loading: Promise<RegionListing[]> | undefined;
  private details = new Map<string, Promise<ServiceDetails>>();
  readonly poller: OperationPoller;
  private view: vscode.TreeView<ExplorerNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly connection: AwsConnection) {
    this.poller = new OperationPoller(() => this.reload().then(anyBusy), pollSchedule());
    this.disposables.push(
      connection.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('zenmlAppRunner.explorer.serviceFilter')) this.refresh();
        if (event.affectsConfiguration('zenmlAppRunner.explorer')) this.poller.updateSchedule(pollSchedule());
      }),
    );
  }

  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.view = view;
  }

  /** The services currently listed (tests and commands read them). */
  get services(): ServiceEntry[] {
    return (this.listings ?? []).flatMap((listing) => ('services' in listing ? listing.services : []));
  }

  /** Reloads everything now; polling picks up if an operation runs. */
  refresh(): void {
    void this.reload().then((listings) => this.poller.settle(anyBusy(listings)));
  }

  /** An action just started an operation: show it and poll until it settles. */
  operationStarted(): void {
    this.refresh();
    this.poller.kick();
  }

  /** Resolves when a reload finishes (one at a time; a reload asked during another follows it). */
  reload(): Promise<RegionListing[]> {
    const previous = this.loading ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(() => this.load());
    this.loading = next;
    return next;
  }

  private async load(): Promise<RegionListing[]> {
    const filter = vscode.workspace.getConfiguration('zenmlAppRunner.explorer').get<ServiceFilter>('serviceFilter', 'zenml');
    let listings: RegionListing[] = [];
    let state: string;
    // Restricted mode: no credential is touched, the welcome view explains why.
    const resolved = vscode.workspace.isTrusted ? await this.connection.resolve() : undefined;
    if (!resolved) {
      state = 'restricted';
    } else if (!resolved.ok) {
      state = 'noRegion';
    } else {
      listings = await Promise.all(resolved.regions.map((region) => loadRegion(this.connection.clientsFor(region, resolved), filter, (what, error) => productLog.warn(what, error))));
      state = explorerStateOf(listings);
    }
    this.listings = listings;
    this.details.clear();
    await vscode.commands.executeCommand('setContext', 'zenmlAppRunner.explorerState', state);
    await vscode.commands.executeCommand('setContext', 'zenmlAppRunner.serviceFilter', filter);
    for (const listing of listings) if ('error' in listing) productLog.error(`Listing the App Runner services of ${listing.region}`, listing.error);
    if (this.view) {
      const failure = listings.find((listing): listing is Extract<RegionListing, { error: unknown }> => 'error' in listing);
      this.view.message = state === 'unreachable' && failure ? failure.error.message : undefined;
      this.view.description = resolved?.ok && resolved.sandbox ? 'Local Sandbox' : undefined;
    }
    this.changed.fire(undefined);
    return listings;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      const listings = this.listings ?? (await this.reload());
      const state = explorerStateOf(listings);
      // An empty root lets the welcome view (viewsWelcome) speak instead.
      if (listings.length === 0 || state === 'empty' || state === 'noCredentials' || state === 'unreachable') return [];
      return listings.map((listing) => ({ kind: 'region', listing }));
    }
    if (node.kind === 'region') {
      if ('error' in node.listing) return [{ kind: 'message', text: node.listing.error.message, icon: 'error' }];
      const rows: ExplorerNode[] = node.listing.services.map((service) => ({ kind: 'service', service }));
      if (rows.length === 0) {
        const hidden = node.listing.hidden;
        rows.push({ kind: 'message', text: hidden > 0 ? `No ZenML deployments (${hidden} other services hidden by the filter)` : 'No App Runner services', icon: 'info' });
      }
      return rows;
    }
    if (node.kind === 'service') {
      try {
        const details = await this.detailsOf(node.service);
        const rows: ExplorerNode[] = detailRows(details).map((row) => ({ kind: 'detail', row, service: node.service }));
        const file = details.deployment ? await findSettingsFile(details.deployment.name) : undefined;
        if (file) rows.push({ kind: 'detail', row: { kind: 'file', label: 'Settings file', description: vscode.workspace.asRelativePath(file), icon: 'file-code', link: file.toString() }, service: node.service });
        return rows;
      } catch (error) {
        return [{ kind: 'message', text: error instanceof Error ? error.message : String(error), icon: 'error' }];
      }
    }
    if (node.kind === 'detail') return (node.row.children ?? []).map((row) => ({ kind: 'detail', row, service: node.service }));
    return [];
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.kind) {
      case 'region': {
        const count = 'services' in node.listing ? `${node.listing.services.length} service${node.listing.services.length === 1 ? '' : 's'}` : 'unavailable';
        const item = new vscode.TreeItem(node.listing.region, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `region:${node.listing.region}`;
        item.description = count;
        item.iconPath = new vscode.ThemeIcon('globe');
        item.contextValue = 'zenmlAppRunner.region';
        return item;
      }
      case 'service': {
        const { service } = node;
        const item = new vscode.TreeItem(service.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `service:${service.arn}`;
        item.description = service.presentation.description;
        const color = service.presentation.iconColor;
        item.iconPath = new vscode.ThemeIcon(service.presentation.icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = service.contextValue;
        item.accessibilityInformation = { label: `${service.name}, ${service.presentation.description}` };
        return item;
      }
      case 'detail': {
        const { row } = node;
        const item = new vscode.TreeItem(row.label, row.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = row.description;
        item.iconPath = new vscode.ThemeIcon(row.icon);
        item.contextValue = `zenmlAppRunner.detail.${row.kind}`;
        if (row.link && row.kind === 'url') item.command = { command: 'vscode.open', title: 'Open URL', arguments: [vscode.Uri.parse(row.link)] };
        if (row.link && row.kind === 'file') item.command = { command: 'vscode.open', title: 'Open settings file', arguments: [vscode.Uri.parse(row.link)] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.text;
        return item;
      }
    }
  }

  /** Hovering a service reads its details once per refresh for the markdown tooltip. */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'service') return item;
    try {
      const details = await this.detailsOf(node.service);
      item.tooltip = new vscode.MarkdownString(tooltipMarkdown(details, node.service.presentation.description));
    } catch (error) {
      item.tooltip = error instanceof Error ? error.message : String(error);
    }
    return item;
  }

  detailsOf(service: ServiceEntry): Promise<ServiceDetails> {
    let pending = this.details.get(service.arn);
    if (!pending) {
      pending = this.connection.clientsForRegion(service.region).then((clients) => loadServiceDetails(clients, service.arn, (what, error) => productLog.warn(what, error)));
      pending.catch((error: unknown) => {
        productLog.warn(`Reading the details of ${service.name}`, error);
        this.details.delete(service.arn);
      });
      this.details.set(service.arn, pending);
    }
    return pending;
  }

  dispose(): void {
    this.poller.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}
