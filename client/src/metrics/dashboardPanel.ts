// One webview panel per service: its CloudWatch metrics as charts (media/dashboard/dashboard.ts
// draws them with uPlot). One GetMetricData call per refresh; refreshes every 60 s only while the
// panel is visible; errors are shown in the panel with Retry. The page loads nothing but the
// extension's own script and styles (CSP with a nonce, resources only from dist/ and media/).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { productLog } from '../productLog';
import { RefreshSchedule } from './refreshSchedule';
import { DEFAULT_RANGE, isRangeId, RANGES, type DashboardData, type FromWebview, type RangeId, type ToWebview } from './protocol';


export interface DashboardTarget {
  /** Identifies the panel (the service ARN). */
  key: string;
  /** Shown until the deployment name is known. */
  serviceName: string;
  region: string;
}

export interface DashboardSource {
  /** One refresh: reads the metrics for `range` and shapes them for the page. */
  load(range: RangeId, automatic: boolean): Promise<DashboardData>;
  /** The deployment's name for the title, when the service belongs to one. */
  deploymentName(): Promise<string | undefined>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class DashboardPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private range: RangeId = DEFAULT_RANGE;
  private readonly schedule = new RefreshSchedule(() => void this.refresh(true));
  private last: ToWebview | undefined;
  private generation = 0;
  private painted = false;
  /** Milestones after openedAt (ms), for the first-paint log line. */
  private readonly milestones: { ready?: number; data?: number } = {};
  /** The first load, started with the panel so it runs while the page loads. */
  private firstLoad: Promise<void> | undefined;
  /** Whether the page's script runs and listens (the page is dropped while the panel is hidden). */
  private pageReady = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly target: DashboardTarget,
    private readonly source: DashboardSource,
    /** When Show Dashboard was run (Date.now()), for the first-paint figure. */
    private readonly openedAt: number,
  ) {
    this.panel = vscode.window.createWebviewPanel('zenmlAppRunner.dashboard', `Dashboard: ${target.serviceName}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      this.panel.onDidChangeViewState(() => this.onVisibility()),
      this.panel.onDidDispose(() => this.dispose()),
    );
    this.source.deploymentName().then(
      (name) => {
        if (name) this.panel.title = `Dashboard: ${name}`;
      },
      (error: unknown) => productLog.warn(`Dashboard of ${target.serviceName}: could not read its deployment name`, error),
    );
    this.firstLoad = this.refresh(false);
    this.onVisibility();
  }

  reveal(): void {
    this.panel.reveal();
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready': {
        this.pageReady = true;
        this.milestones.ready ??= Date.now() - this.openedAt;
        // The page (re)loaded: the first time it gets the load started with the panel; after being
        // hidden (the page is not kept), what it showed, or a fresh load when that is old.
        const first = this.firstLoad;
        this.firstLoad = undefined;
        if (first) void first.then(() => this.last && this.post(this.last));
        else if (this.last && this.schedule.fresh) void this.post(this.last);
        else void this.refresh(false);
        return;
      }
      case 'range':
        if (isRangeId(message.range) && message.range !== this.range) {
          this.range = message.range;
          void this.refresh(false);
        }
        return;
      case 'refresh':
      case 'retry':
        void this.refresh(false);
        return;
      case 'painted':
        if (!this.painted) {
          this.painted = true;
          const { ready, data } = this.milestones;
          productLog.info(
            `Dashboard first paint for ${this.target.serviceName}: ${Date.now() - this.openedAt} ms after Show Dashboard ` +
              `(${message.charts} charts; page script ready at ${ready ?? '?'} ms, metrics read at ${data ?? '?'} ms, in the page: script at ${Math.round(message.scriptStart)} ms, data at ${Math.round(message.dataAt ?? -1)} ms, painted at ${Math.round(message.sinceStart)} ms)`,
          );
        }
        return;
    }
  }

  /** Refreshes on a timer only while visible; coming back after a while refreshes at once. */
  private onVisibility(): void {
    if (!this.panel.visible) this.pageReady = false;
    this.schedule.setVisible(this.panel.visible);
  }

  async refresh(automatic: boolean): Promise<void> {
    const generation = ++this.generation;
    const range = this.range;
    if (!automatic) await this.post({ type: 'loading', range });
    try {
      const data = await this.source.load(range, automatic);
      if (generation !== this.generation) return; // a newer refresh (another range) won
      this.schedule.loaded();
      this.milestones.data ??= Date.now() - this.openedAt;
      await this.post({ type: 'data', data });
    } catch (error) {
      if (generation !== this.generation) return;
      productLog.warn(`Dashboard of ${this.target.serviceName} (${this.target.region}): reading metrics failed`, error);
      await this.post({ type: 'error', message: error instanceof Error ? error.message : String(error), range });
    }
  }

  /** Sends to the page once it listens; what it missed meanwhile is sent on 'ready'. */
  private async post(message: ToWebview): Promise<void> {
    if (message.type !== 'loading') this.last = message;
    if (!this.pageReady) return;
    try {
      await this.panel.webview.postMessage(message);
    } catch {
      // The panel went away while loading.
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'dashboard.css'));
    const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource} 'nonce-${nonce}'`, `img-src ${webview.cspSource} data:`].join('; ');
    const ranges = RANGES.map(
      (range) => `<button type="button" class="range" data-range="${range.id}" aria-pressed="${range.id === this.range}" title="The last ${range.words}">${range.label}</button>`,
    ).join('');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}" nonce="${nonce}">
<title>Dashboard: ${escapeHtml(this.target.serviceName)}</title>
</head>
<body data-range="${this.range}" data-region="${escapeHtml(this.target.region)}">
<header class="toolbar">
  <div class="heading"><h1>${escapeHtml(this.target.serviceName)}</h1><span class="meta" id="meta">${escapeHtml(this.target.region)}</span></div>
  <div class="controls">
    <div class="ranges" role="group" aria-label="Time range">${ranges}</div>
    <button type="button" id="refresh" title="Read the metrics again">Refresh</button>
  </div>
</header>
<div id="status" class="status" role="status" aria-live="polite">Loading metrics…</div>
<div id="error" class="error" role="alert" hidden><p id="error-message"></p><button type="button" id="retry">Retry</button></div>
<div id="empty" class="empty" hidden></div>
<section id="summary" class="summary" aria-label="Summary"></section>
<main id="charts" class="charts"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private closed = false;

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.schedule.stop();
    this.generation++;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}
