// A status bar item while any channel follows: the deployment and its mode (Live Tail, polling,
// reconnecting), or how many are followed; a click shows the channel. The context key
// `zenmlAppRunner.logsFollowing` lets Stop Logs appear only when there is something to stop.
import * as vscode from 'vscode';
import { formatState } from '../../../common/src/logs/format';
import type { FollowerState } from '../../../common/src/logs/types';
import type { Followed } from './logFollowers';

/** What the status bar reads: the followers, whether loaded yet or not. */
export interface FollowersView {
  followed(): Followed[];
  reveal(key: string): void;
  readonly onDidChange: vscode.Event<void>;
}

export const REVEAL_LOGS_COMMAND = 'zenmlAppRunner.revealFollowedLogs';

function shortMode(state: FollowerState | undefined): string {
  switch (state?.mode) {
    case 'live-tail':
      return 'Live Tail';
    case 'polling':
      return 'polling';
    case 'reconnecting':
      return 'reconnecting';
    default:
      return 'starting';
  }
}

export function createLogsStatusBar(followers: FollowersView): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('zenmlAppRunner.logs', vscode.StatusBarAlignment.Left, 10);
  item.name = 'ZenML App Runner Logs';
  item.command = REVEAL_LOGS_COMMAND;
  const update = (): void => {
    const followed = followers.followed();
    void vscode.commands.executeCommand('setContext', 'zenmlAppRunner.logsFollowing', followed.length > 0);
    if (followed.length === 0) {
      item.hide();
      return;
    }
    const reconnecting = followed.some((entry) => entry.state?.mode === 'reconnecting');
    const icon = reconnecting ? '$(sync~spin)' : '$(pulse)';
    item.text = followed.length === 1 ? `${icon} ${followed[0].deployment.displayName}: ${shortMode(followed[0].state)}` : `${icon} App Runner logs: ${followed.length}`;
    item.tooltip = followed.map(describe).join('\n');
    item.backgroundColor = reconnecting ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const reveal = vscode.commands.registerCommand(REVEAL_LOGS_COMMAND, async () => {
    const followed = followers.followed();
    const chosen = followed.length === 1 ? followed[0] : (await vscode.window.showQuickPick(followed.map((entry) => ({ label: entry.deployment.displayName, description: describe(entry), entry })), { title: 'Show the logs of' }))?.entry;
    if (chosen) followers.reveal(chosen.key);
  });
  update();
  return vscode.Disposable.from(item, reveal, followers.onDidChange(update));
}

function describe(entry: Followed): string {
  const what = entry.scope === 'all' ? 'logs' : 'service log (deploy)';
  return `${entry.deployment.displayName} (${entry.deployment.region}) ${what}: ${formatState(entry.state ?? { mode: 'polling', reason: 'starting' })}`;
}
