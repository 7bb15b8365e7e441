// The messages between the dashboard panel (extension host) and its webview script
// (media/dashboard/dashboard.ts). Plain data only: no `vscode` here, the webview imports it too.

export type RangeId = '1h' | '3h' | '12h' | '1d' | '1w';

export const RANGES: readonly { id: RangeId; label: string; words: string }[] = [
  { id: '1h', label: '1 h', words: 'hour' },
  { id: '3h', label: '3 h', words: '3 hours' },
  { id: '12h', label: '12 h', words: '12 hours' },
  { id: '1d', label: '1 d', words: 'day' },
  { id: '1w', label: '1 w', words: 'week' },
];

export const DEFAULT_RANGE: RangeId = '3h';

/** A theme colour: the name of a VS Code CSS variable (`--vscode-charts-blue`). */
export type ThemeColour = `--vscode-${string}`;

export interface ChartSeries {
  label: string;
  colour: ThemeColour;
  /** Aligned with the chart's `times`; null where the series has no point. */
  values: (number | null)[];
}

export interface Chart {
  /** The App Runner metric name (`Requests`, `RequestLatency`, ...). */
  metric: string;
  title: string;
  unit: 'Count' | 'Milliseconds' | 'Percent';
  /** What each point is (`sum per minute`, `p50/p90/p99`, ...). */
  caption: string;
  /** Epoch seconds, ascending (uPlot's x axis). */
  times: number[];
  series: ChartSeries[];
}

export interface SummaryItem {
  label: string;
  value: string;
  /** Marks an error rate above zero. */
  warn?: boolean;
}

export interface DashboardData {
  range: RangeId;
  /** Epoch seconds of the range. */
  start: number;
  end: number;
  period: number;
  status: string;
  summary: SummaryItem[];
  /** Why there is nothing (or little) to show; undefined when there is traffic. */
  empty?: { kind: 'paused' | 'no-requests'; message: string };
  charts: Chart[];
  /** When the data was read (epoch ms), for "updated at". */
  loadedAt: number;
  /** A refresh that came from the timer rather than from the user. */
  automatic: boolean;
}

export type ToWebview =
  | { type: 'loading'; range: RangeId }
  | { type: 'data'; data: DashboardData }
  | { type: 'error'; message: string; range: RangeId };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'range'; range: RangeId }
  | { type: 'refresh' }
  | { type: 'retry' }
  /** The first charts were drawn: page times (ms since the page's start) of the paint, the script's start and the data's arrival. */
  | { type: 'painted'; charts: number; sinceStart: number; scriptStart: number; dataAt: number | undefined };

export function isRangeId(value: unknown): value is RangeId {
  return RANGES.some((range) => range.id === value);
}
