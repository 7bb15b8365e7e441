// The dashboard without VS Code: what one refresh becomes (summary, empty state, one chart per
// metric with aligned series), when it refreshes, and how the extension contributes Show Dashboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LoadedMetrics } from '../../../common/src/metrics';
import { buildDashboardData, periodLabel } from '../../../client/src/metrics/dashboardModel';
import { isRangeId, RANGES } from '../../../client/src/metrics/protocol';
import { REFRESH_MS, RefreshSchedule } from '../../../client/src/metrics/refreshSchedule';
import { REPO_ROOT } from '../../support/emulatorProcess';

const T0 = Date.UTC(2026, 11, 1, 10, 0, 0);
const at = (minute: number) => T0 + minute * 60_000;

function loaded(series: Record<string, [number, number][]>): LoadedMetrics {
  return { series, incomplete: [], range: { start: T0, end: T0 + 3 * 3_600_000 }, period: 60 };
}

void describe('dashboard data (pure)', () => {
  void it('draws one chart per App Runner metric, latency as three percentiles on one time axis', () => {
    const data = buildDashboardData(
      loaded({
        requests: [[at(0), 4], [at(2), 6]],
        status5xx: [[at(0), 0], [at(2), 1]],
        latencyP50: [[at(2), 12]],
        latencyP90: [[at(0), 30], [at(2), 40]],
        latencyP99: [[at(0), 90], [at(2), 95]],
        latencyCount: [[at(0), 4], [at(2), 6]],
        instances: [[at(0), 1], [at(1), 1], [at(2), 2]],
      }),
      'RUNNING',
      '3h',
      T0,
    );
    assert.deepEqual(data.charts.map((chart) => chart.metric), [
      'Requests', '2xxStatusResponses', '4xxStatusResponses', '5xxStatusResponses', 'RequestLatency', 'ActiveInstances', 'Concurrency', 'CPUUtilization', 'MemoryUtilization',
    ]);
    const latency = data.charts.find((chart) => chart.metric === 'RequestLatency')!;
    assert.deepEqual(latency.times, [at(0) / 1000, at(2) / 1000]);
    assert.deepEqual(latency.series.map((series) => [series.label, series.colour, series.values]), [
      ['p50', '--vscode-charts-blue', [null, 12]],
      ['p90', '--vscode-charts-yellow', [30, 40]],
      ['p99', '--vscode-charts-red', [90, 95]],
    ]);
    assert.equal(latency.caption, 'percentiles per minute');
    assert.equal(latency.unit, 'Milliseconds');
    assert.deepEqual(data.charts.find((chart) => chart.metric === 'CPUUtilization')!.times, []);
    assert.equal(data.start, T0 / 1000);
    assert.equal(data.empty, undefined);
    assert.deepEqual(data.summary.map((item) => [item.label, item.value]), [
      ['Requests', '10'],
      ['Error rate (5xx)', '10 %'],
      ['Latency p50 / p90 / p99', '12 ms / 36 ms / 93 ms'],
      ['Instances', '2'],
      ['CPU', '-'],
      ['Memory', '-'],
    ]);
    assert.equal(data.summary[1].warn, true);
  });

  void it('says why there is nothing to show: paused, or no requests in the range', () => {
    const idle = buildDashboardData(loaded({ instances: [[at(0), 1]], cpu: [[at(0), 2]] }), 'RUNNING', '3h', T0);
    assert.deepEqual(idle.empty, { kind: 'no-requests', message: 'No requests in the last 3 hours.' });
    assert.equal(idle.summary[1].value, '-');
    const week = buildDashboardData(loaded({}), 'RUNNING', '1w', T0);
    assert.equal(week.empty?.message, 'No requests in the last week.');
    const paused = buildDashboardData(loaded({ requests: [[at(0), 3]] }), 'PAUSED', '1h', T0);
    assert.equal(paused.empty?.kind, 'paused');
    assert.match(paused.empty?.message ?? '', /^The service is paused/);
  });

  void it('names periods and ranges as people say them', () => {
    assert.deepEqual([60, 300, 900, 3600, 21_600].map(periodLabel), ['minute', '5 min', '15 min', 'hour', '6 h']);
    assert.deepEqual(RANGES.map((range) => range.label), ['1 h', '3 h', '12 h', '1 d', '1 w']);
    assert.ok(isRangeId('12h') && !isRangeId('2h') && !isRangeId(undefined));
  });
});

void describe('Show Dashboard in the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: Record<string, string>[]; menus: Record<string, { command: string; when?: string }[]> };
  };

  void it('is a trusted-workspace command on every service row and in the palette', () => {
    const command = manifest.contributes.commands.find((entry) => entry.command === 'zenmlAppRunner.showDashboard');
    assert.deepEqual(command, { command: 'zenmlAppRunner.showDashboard', title: 'Show Dashboard', category: 'ZenML App Runner', icon: '$(graph)', enablement: 'isWorkspaceTrusted' });
    const row = manifest.contributes.menus['view/item/context'].find((entry) => entry.command === 'zenmlAppRunner.showDashboard');
    assert.equal(row?.when, 'view == zenmlAppRunner.deployments && viewItem =~ /^zenmlAppRunner\\.service\\./');
    assert.ok(manifest.contributes.menus.commandPalette.some((entry) => entry.command === 'zenmlAppRunner.showDashboard'));
  });

  void it('ships the webview bundle and its styles in the .vsix, not their sources', () => {
    const ignore = readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/dashboard.js') && ignore.includes('!dist/dashboard.css'));
    assert.ok(!ignore.some((line) => line.startsWith('!media/dashboard')));
  });
});

void describe('dashboard refresh schedule', () => {
  /** A clock whose time and interval timers the test moves by hand. */
  function fakeClock() {
    let now = 1_000_000;
    const timers = new Map<number, { callback: () => void; ms: number; next: number }>();
    let ids = 0;
    return {
      clock: {
        now: () => now,
        setInterval: (callback: () => void, ms: number) => {
          timers.set(++ids, { callback, ms, next: now + ms });
          return ids;
        },
        clearInterval: (handle: unknown) => void timers.delete(handle as number),
      },
      advance(ms: number) {
        const until = now + ms;
        for (;;) {
          const due = [...timers.values()].filter((timer) => timer.next <= until).sort((a, b) => a.next - b.next)[0];
          if (!due) break;
          now = due.next;
          due.next += due.ms;
          due.callback();
        }
        now = until;
      },
      get timers() {
        return timers.size;
      },
    };
  }

  void it('refreshes every 60 s while visible, never while hidden, and at once when shown again after missing one', () => {
    const fake = fakeClock();
    let refreshes = 0;
    const schedule = new RefreshSchedule(() => {
      refreshes++;
      schedule.loaded();
    }, REFRESH_MS, fake.clock);
    schedule.setVisible(true);
    schedule.loaded(); // the first load, started with the panel
    assert.ok(schedule.fresh);
    fake.advance(59_000);
    assert.equal(refreshes, 0);
    fake.advance(1_000);
    assert.equal(refreshes, 1);
    fake.advance(120_000);
    assert.equal(refreshes, 3);
    schedule.setVisible(false);
    assert.equal(fake.timers, 0, 'no timer while hidden');
    fake.advance(10 * 60_000);
    assert.equal(refreshes, 3, 'nothing is read while hidden');
    assert.equal(schedule.fresh, false);
    schedule.setVisible(true);
    assert.equal(refreshes, 4, 'shown again with old data: read at once');
    schedule.setVisible(false);
    fake.advance(30_000);
    schedule.setVisible(true);
    assert.equal(refreshes, 4, 'shown again within the minute: the data is still current');
    assert.equal(fake.timers, 1);
    schedule.stop();
    assert.equal(fake.timers, 0);
    assert.equal(schedule.running, false);
  });
});
