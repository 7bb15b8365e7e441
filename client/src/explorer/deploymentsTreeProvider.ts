// The "Deployments" tree: regions, then services (labelled with their deployment's name), then a
// service's details. It translates the plain data of explorerState/serviceDetails into tree items;
// all AWS reading happens in deploymentsModel/serviceDetailsLoader, loaded on first use.
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import type { SettingsReader } from '../language/languageClient';
import { lazyModule } from '../lazyModule';
import { productLog } from '../productLog';
import { anyBusy, explorerStateOf, labelOf, listingFingerprint, type RegionListing, type ServiceEntry, type ServiceFilter } from './explorerState';
import type { DeploymentNames } from './deploymentsModel';
import { OperationPoller, type PollSchedule } from './operationPoller';
import { PendingOperations, type PendingOperation } from './pendingOperations';
import { detailRows, tooltipMarkdown, type DetailRow, type ServiceDetails } from './serviceDetails';
import { serviceContextValue } from './serviceStatus';
import { SettingsFilesIndex } from './settingsFilesIndex';

const model = lazyModule(() => import('./deploymentsModel.js'));
const detailsLoader = lazyModule(() => import('./serviceDetailsLoader.js'));
const metrics = lazyModule(() => import('../../../common/src/metrics/index.js'));

export type ExplorerNode =
  | { kind: 'region'; listing: RegionListing }
  | { kind: 'service'; service: ServiceEntry }
  | { kind: 'detail'; row: DetailRow; service: ServiceEntry }
  | { kind: 'message'; text: string; icon: string; command?: vscode.Command };

function pollSchedule(): PollSchedule {
  const config = vscode.workspace.getConfiguration('zenmlAppRunner.explorer');
  const firstMs = Math.max(1, config.get<number>('pollFirstSeconds', 2)) * 1000;
  return { firstMs, maxMs: Math.max(firstMs, Math.max(1, config.get<number>('pollMaxSeconds', 30)) * 1000), factor: 1.5 };
}

const logFailure = (what: string, error: unknown): void => productLog.warn(what, error);

export class DeploymentsTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** What AWS said at the last load, before pending operations are applied. */
  private listings: RegionListing[] | undefined;
  private loading: Promise<RegionListing[]> | undefined;
  private details = new Map<string, Promise<ServiceDetails>>();
  /** Deployment names by service ARN, per target: tags are read once per service. */
  private names: DeploymentNames = new Map();
  private readonly pending = new PendingOperations();
  private readonly files: SettingsFilesIndex;
  private withFile = new Set<string>();
  /** What the last reload showed: a reload that finds the same redraws nothing. */
  private shownFingerprint = '';
  readonly poller: OperationPoller;
  private view: vscode.TreeView<ExplorerNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly connection: AwsConnection,
    reader: SettingsReader,
  ) {
    this.files = new SettingsFilesIndex(reader);
    this.poller = new OperationPoller(() => this.reload().then((listings) => anyBusy(listings) || this.pending.active), pollSchedule());
    this.disposables.push(
      this.files,
      connection.onDidChange(() => {
        this.names = new Map();
        this.refresh();
      }),
      this.files.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('zenmlAppRunner.explorer.serviceFilter')) this.refresh();
        if (event.affectsConfiguration('zenmlAppRunner.explorer')) this.poller.updateSchedule(pollSchedule());
      }),
    );
  }

  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.view = view;
  }

  /** The services listed now, pending operations applied (commands pick from them). */
  get services(): ServiceEntry[] {
    return this.shown().flatMap((listing) => ('services' in listing ? listing.services : []));
  }

  private shown(): RegionListing[] {
    return (this.listings ?? []).map((listing) => this.pending.apply(listing));
  }

  /**
   * Reloads everything now; polling picks up if an operation runs. `force` (the Refresh button)
   * redraws and re-reads details even when the listing is unchanged.
   */
  refresh(force = false): void {
    void this.reload(force).then((listings) => this.poller.settle(anyBusy(listings) || this.pending.active));
  }

  /**
   * An action is about to start an operation: its row says so at once ("Pausing…", or a new row
   * for a deployment being created), and the view polls until the returned function is called,
   * when the action has seen the operation end.
   */
  operationStarting(operation: PendingOperation): () => void {
    const end = this.pending.start(operation);
    this.shownFingerprint = '';
    this.changed.fire(undefined);
    this.poller.kick();
    return () => {
      end();
      this.refresh();
    };
  }

  /** Resolves when a reload finishes (one at a time; a reload asked during another follows it). */
  reload(force = false): Promise<RegionListing[]> {
    const previous = this.loading ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(() => this.load(force));
    this.loading = next;
    return next;
  }

  private async load(force: boolean): Promise<RegionListing[]> {
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
      const { loadRegion } = await model();
      const regions = [...new Set([...resolved.regions, ...this.pending.regions()])];
      listings = await Promise.all(regions.map(async (region) => loadRegion(await this.connection.clientsFor(region, resolved), filter, this.names, logFailure)));
      state = explorerStateOf(listings);
    }
    for (const listing of listings) if ('error' in listing) productLog.error(`Listing the App Runner services of ${listing.region}`, listing.error);
    this.withFile = await this.declaredInFiles(listings);
    this.listings = listings;
    await vscode.commands.executeCommand('setContext', 'zenmlAppRunner.explorerState', state);
    await vscode.commands.executeCommand('setContext', 'zenmlAppRunner.serviceFilter', filter);
    if (this.view) this.view.description = resolved?.ok && resolved.sandbox ? 'Local Sandbox' : undefined;
    // A redraw drops VS Code's handles to the rows until it asks for them again: a menu command
    // run in that moment gets no row. Reloads that find nothing new (a file saved, an idle poll)
    // therefore leave the rows, and the details read on expand, as they are.
    const fingerprint = `${state}|${filter}|${listingFingerprint(this.shown(), this.withFile)}`;
    if (force || fingerprint !== this.shownFingerprint) {
      this.shownFingerprint = fingerprint;
      this.details.clear();
      this.changed.fire(undefined);
    }
    return listings;
  }

  /** The deployments a zenml.deployer.yaml of the workspace declares, among those listed. */
  private async declaredInFiles(listings: readonly RegionListing[]): Promise<Set<string>> {
    const names = new Set(listings.flatMap((listing) => ('services' in listing ? listing.services.flatMap((entry) => (entry.deploymentName ? [entry.deploymentName] : [])) : [])));
    const declared = new Set<string>();
    for (const name of names) if (await this.files.fileOf(name)) declared.add(name);
    return declared;
  }

  private withContext(service: ServiceEntry): ServiceEntry {
    const hasFile = service.deploymentName !== undefined && this.withFile.has(service.deploymentName);
    return hasFile ? { ...service, contextValue: serviceContextValue(service.presentation.state, service.managed, true) } : service;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      if (!this.listings) await this.reload();
      const listings = this.shown();
      const state = explorerStateOf(listings);
      if (state === 'unreachable') return this.unreachableRows(listings);
      // An empty root lets the welcome view (viewsWelcome) speak instead.
      if (listings.length === 0 || state === 'empty' || state === 'noCredentials') return [];
      return listings.map((listing) => ({ kind: 'region', listing }));
    }
    if (node.kind === 'region') {
      if ('error' in node.listing) return [{ kind: 'message', text: node.listing.error.message, icon: 'error' }];
      const rows: ExplorerNode[] = node.listing.services.map((service) => ({ kind: 'service', service: this.withContext(service) }));
      if (rows.length === 0) {
        const hidden = node.listing.hidden;
        rows.push({ kind: 'message', text: hidden > 0 ? `No ZenML deployments (${hidden} other services hidden by the filter)` : 'No App Runner services', icon: 'info' });
      }
      return rows;
    }
    if (node.kind === 'service') {
      if (node.service.arn === '') return [{ kind: 'message', text: 'App Runner is creating the service…', icon: 'loading~spin' }];
      try {
        const details = await this.detailsOf(node.service);
        const rows: ExplorerNode[] = detailRows(details, node.service.url ? this.connection.serviceUrl(node.service.url) : undefined).map((row) => ({ kind: 'detail', row, service: node.service }));
        const file = details.deployment ? await this.files.fileOf(details.deployment.name) : undefined;
        if (file) rows.push({ kind: 'detail', row: { kind: 'file', label: 'zenml.deployer.yaml', description: vscode.workspace.asRelativePath(file), icon: 'file-code', link: file.toString() }, service: node.service });
        return rows;
      } catch (error) {
        return [{ kind: 'message', text: error instanceof Error ? error.message : String(error), icon: 'error' }];
      }
    }
    if (node.kind === 'detail') return (node.row.children ?? []).map((row) => ({ kind: 'detail', row, service: node.service }));
    return [];
  }

  /** What failed, and the two ways on: try again, or fix the settings. */
  private unreachableRows(listings: readonly RegionListing[]): ExplorerNode[] {
    const reasons = [...new Set(listings.flatMap((listing) => ('error' in listing ? [listing.error.message] : [])))];
    return [
      ...reasons.map((text): ExplorerNode => ({ kind: 'message', text, icon: 'error' })),
      { kind: 'message', text: 'Retry', icon: 'refresh', command: { command: 'zenmlAppRunner.refresh', title: 'Retry' } },
      { kind: 'message', text: 'Open Settings', icon: 'gear', command: { command: 'workbench.action.openSettings', title: 'Open Settings', arguments: ['zenmlAppRunner'] } },
    ];
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    if (node.kind !== 'service') return undefined;
    const listing = this.shown().find((candidate) => candidate.region === node.service.region);
    return listing ? { kind: 'region', listing } : undefined;
  }

  /** The workspace's zenml.deployer.yaml declaring `deploymentName`, if there is one. */
  settingsFileOf(deploymentName: string): Promise<vscode.Uri | undefined> {
    return this.files.fileOf(deploymentName);
  }

  /** Shows a deployment's row (expanding its region), once a reload lists it. */
  async reveal(region: string, name: string): Promise<void> {
    if (!this.view) return;
    const service = this.services.find((entry) => entry.region === region && labelOf(entry) === name);
    if (service) await this.view.reveal({ kind: 'service', service: this.withContext(service) }, { select: true, focus: false, expand: false });
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
        const label = labelOf(service);
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = service.arn !== '' ? `service:${service.arn}` : `pending:${service.region}/${label}`;
        item.description = service.presentation.description;
        const color = service.presentation.iconColor;
        item.iconPath = new vscode.ThemeIcon(service.presentation.icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = service.contextValue;
        item.tooltip = `${label} · ${service.presentation.description}\nService: ${service.name || '(not created yet)'}`;
        item.accessibilityInformation = { label: `${label}, ${service.presentation.description}` };
        return item;
      }
      case 'detail': {
        const { row } = node;
        const item = new vscode.TreeItem(row.label, row.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = row.description;
        item.iconPath = new vscode.ThemeIcon(row.icon);
        item.contextValue = `zenmlAppRunner.detail.${row.kind}`;
        if (row.tooltip) item.tooltip = row.tooltip;
        if (row.link && row.kind === 'url') item.command = { command: 'vscode.open', title: 'Open URL', arguments: [vscode.Uri.parse(row.link)] };
        if (row.link && row.kind === 'file') item.command = { command: 'vscode.open', title: 'Open zenml.deployer.yaml', arguments: [vscode.Uri.parse(row.link)] };
        if (row.command) item.command = { command: row.command, title: row.label, arguments: [{ kind: 'service', service: node.service }] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.text;
        if (node.command) item.command = node.command;
        return item;
      }
    }
  }

  /** Hovering a service reads its details (and its last hour's traffic) once per refresh for the markdown tooltip. */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    if (node.kind !== 'service' || node.service.arn === '') return item;
    try {
      const [details, health] = await Promise.all([this.detailsOf(node.service), this.healthOf(node.service)]);
      const url = node.service.url ? this.connection.serviceUrl(node.service.url) : undefined;
      const markdown = new vscode.MarkdownString(tooltipMarkdown(details, node.service.presentation.description, url, health), true);
      item.tooltip = markdown;
    } catch (error) {
      item.tooltip = error instanceof Error ? error.message : String(error);
    }
    return item;
  }

  /** "Last hour: 120 requests, 0.8 % errors (5xx)"; undefined when CloudWatch cannot be read (logged). */
  private async healthOf(service: ServiceEntry): Promise<string | undefined> {
    if (service.presentation.state !== 'running') return undefined;
    try {
      const { healthSummaryLine, loadHealthCounts } = await metrics();
      const clients = await this.connection.clientsForRegion(service.region);
      return healthSummaryLine(await loadHealthCounts(clients, { serviceName: service.name, serviceId: service.id }));
    } catch (error) {
      productLog.warn(`Reading the last hour's metrics of ${service.name}`, error);
      return undefined;
    }
  }

  detailsOf(service: ServiceEntry): Promise<ServiceDetails> {
    let pending = this.details.get(service.arn);
    if (!pending) {
      pending = Promise.all([this.connection.clientsForRegion(service.region), detailsLoader()]).then(([clients, loader]) => loader.loadServiceDetails(clients, service.arn, logFailure));
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
