// The dashboard webview: draws what the panel sends (client/src/metrics/protocol.ts) with uPlot,
// one chart per metric, in the editor theme's colours (VS Code's CSS variables, re-read when the
// theme changes). Bundled by esbuild into dist/dashboard.js and dist/dashboard.css; it loads
// nothing else and talks only to the extension.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './dashboard.css';
import type { Chart, DashboardData, FromWebview, RangeId, SummaryItem, ToWebview } from '../../client/src/metrics/protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const scriptStart = performance.now();
const vscode = acquireVsCodeApi();
const CHART_HEIGHT = 170;
const plots = new Map<string, uPlot>();
let current: DashboardData | undefined;
let paintedSent = false;
let dataAt: number | undefined;

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the dashboard page lacks #${id}`);
  return found as T;
}

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function formatValue(unit: Chart['unit'], value: number): string {
  if (value === 0) return unit === 'Percent' ? '0 %' : unit === 'Milliseconds' ? '0 ms' : '0';
  if (unit === 'Percent') return `${value.toFixed(value >= 10 ? 0 : 1)} %`;
  if (unit === 'Milliseconds') return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 10 ? 0 : 1)} ms`;
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}

function setRange(range: RangeId): void {
  document.body.dataset.range = range;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.range')) button.setAttribute('aria-pressed', String(button.dataset.range === range));
}

function setStatus(text: string, busy: boolean): void {
  element('status').textContent = text;
  document.body.classList.toggle('busy', busy);
}

function renderSummary(items: readonly SummaryItem[]): void {
  const summary = element('summary');
  summary.replaceChildren(
    ...items.map((item) => {
      const card = document.createElement('div');
      card.className = item.warn ? 'stat warn' : 'stat';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = item.label;
      const value = document.createElement('span');
      value.className = 'value';
      value.textContent = item.value;
      card.append(label, value);
      return card;
    }),
  );
}

function renderEmpty(data: DashboardData): void {
  const empty = element('empty');
  empty.hidden = data.empty === undefined;
  empty.dataset.kind = data.empty?.kind ?? '';
  empty.textContent = data.empty?.message ?? '';
}

/** The width a chart's plot area has in its card (the grid decides one or two columns). */
function plotWidth(target: HTMLElement): number {
  return Math.max(240, Math.floor(target.clientWidth));
}

function plotOptions(chart: Chart, data: DashboardData, width: number): uPlot.Options {
  const foreground = themeColour('--vscode-foreground', '#cccccc');
  const grid = themeColour('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)');
  const axis = (values?: uPlot.Axis['values']): uPlot.Axis => ({
    stroke: foreground,
    grid: { stroke: grid, width: 1 },
    ticks: { stroke: grid, width: 1 },
    font: `11px ${themeColour('--vscode-font-family', 'sans-serif')}`,
    ...(values ? { values, size: 64 } : {}),
  });
  return {
    width,
    height: CHART_HEIGHT,
    scales: {
      // The whole range is drawn even where CloudWatch has no points.
      x: { time: true, range: () => [data.start, data.end] },
      y: { range: (_u, _min, max) => [0, max !== null && max > 0 ? (chart.unit === 'Percent' ? Math.min(100, max * 1.2) : max * 1.2) : 1] },
    },
    series: [
      {},
      ...chart.series.map(
        (series): uPlot.Series => ({
          label: series.label,
          stroke: themeColour(series.colour, '#3794ff'),
          width: 1.5,
          spanGaps: false,
          points: { show: chart.times.length <= 3, size: 7 },
          value: (_u, value) => (value === null || value === undefined ? '–' : formatValue(chart.unit, value)),
        }),
      ),
    ],
    axes: [axis(), axis((_u, splits) => splits.map((split) => formatValue(chart.unit, split)))],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
}

function renderCharts(data: DashboardData): void {
  for (const plot of plots.values()) plot.destroy();
  plots.clear();
  const grid = element('charts');
  const cards = data.charts.map((chart) => {
    const card = document.createElement('figure');
    card.className = 'chart';
    card.dataset.metric = chart.metric;
    const caption = document.createElement('figcaption');
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = chart.title;
    const what = document.createElement('span');
    what.className = 'caption';
    what.textContent = `${chart.metric} · ${chart.caption}`;
    caption.append(title, what);
    const target = document.createElement('div');
    target.className = 'plot';
    card.append(caption, target);
    if (!chart.series.some((series) => series.values.some((value) => value !== null))) {
      const none = document.createElement('div');
      none.className = 'nodata';
      none.textContent = 'No data in this range';
      card.append(none);
    }
    return { chart, card, target };
  });
  grid.replaceChildren(...cards.map(({ card }) => card));
  // Laid out now: each plot takes its card's width.
  for (const { chart, target } of cards) {
    const aligned: uPlot.AlignedData = [chart.times, ...chart.series.map((series) => series.values)];
    plots.set(chart.metric, new uPlot(plotOptions(chart, data, plotWidth(target)), aligned, target));
  }
  if (!paintedSent && plots.size > 0) {
    // At the next frame, with the canvases drawn: the figure the extension logs as first paint.
    requestAnimationFrame(() => {
      if (paintedSent) return;
      paintedSent = true;
      vscode.postMessage({ type: 'painted', charts: document.querySelectorAll('.chart canvas').length, sinceStart: performance.now(), scriptStart, dataAt });
    });
  }
}

function render(data: DashboardData): void {
  dataAt ??= performance.now();
  current = data;
  setRange(data.range);
  // Which range the charts show (tests and screen readers can tell a reload has landed).
  document.body.dataset.shown = data.range;
  element('error').hidden = true;
  const perPoint = data.period % 3600 === 0 ? `${data.period / 3600} h` : `${data.period / 60} min`;
  element('meta').textContent = `${document.body.dataset.region ?? ''} · ${data.status} · one point per ${perPoint} · updated ${new Date(data.loadedAt).toLocaleTimeString()}`;
  setStatus('', false);
  renderSummary(data.summary);
  renderEmpty(data);
  renderCharts(data);
}

function showError(message: string, range: RangeId): void {
  setRange(range);
  setStatus('', false);
  element('error-message').textContent = `Could not read the metrics: ${message}`;
  element('error').hidden = false;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'loading') {
    setRange(message.range);
    setStatus('Loading metrics…', true);
  } else if (message.type === 'data') render(message.data);
  else if (message.type === 'error') showError(message.message, message.range);
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button.range')) {
  button.addEventListener('click', () => {
    const range = button.dataset.range as RangeId;
    setRange(range);
    vscode.postMessage({ type: 'range', range });
  });
}
element('refresh').addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
element('retry').addEventListener('click', () => {
  element('error').hidden = true;
  setStatus('Loading metrics…', true);
  vscode.postMessage({ type: 'retry' });
});

// A theme change swaps the body's class (vscode-light, vscode-dark, ...): redraw in its colours.
new MutationObserver(() => {
  if (current) renderCharts(current);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

new ResizeObserver(() => {
  for (const plot of plots.values()) {
    const target = plot.root.parentElement;
    if (target) plot.setSize({ width: plotWidth(target), height: CHART_HEIGHT });
  }
}).observe(element('charts'));

vscode.postMessage({ type: 'ready' });
