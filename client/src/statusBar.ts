// One status bar item: where AWS calls go (profile and region, or "Sandbox"), and a running
// deploy. Clicking it switches the profile.
import * as vscode from 'vscode';
import type { AwsConnection } from './aws/connection';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zenmlAppRunner.connection', vscode.StatusBarAlignment.Left, 10);
  private activity: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: AwsConnection) {
    this.item.name = 'ZenML App Runner';
    this.item.command = 'zenmlAppRunner.selectProfile';
    this.subscription = connection.onDidChange(() => void this.update());
    void this.update();
    this.item.show();
  }

  /** Shows a running operation ("Deploying weather-agent") until `done` is called. */
  track(activity: string): { done(): void } {
    this.activity = activity;
    void this.update();
    return {
      done: () => {
        if (this.activity === activity) this.activity = undefined;
        void this.update();
      },
    };
  }

  async update(): Promise<void> {
    const resolved = await this.connection.resolve();
    let where: string;
    if (resolved.ok && resolved.sandbox) where = 'Sandbox';
    else if (resolved.ok) where = `${resolved.profile ?? 'default'} · ${resolved.regions.join(', ')}`;
    else where = `${resolved.profile ?? 'default'} · no region`;
    this.item.text = this.activity ? `$(sync~spin) ${this.activity}` : `$(cloud) ${where}`;
    this.item.tooltip = resolved.ok && resolved.sandbox
      ? `ZenML App Runner: Local Sandbox at ${resolved.endpoint ?? ''} (click to pick an AWS profile)`
      : `ZenML App Runner: AWS profile ${resolved.profile ?? '(default credential chain)'}${resolved.ok && resolved.endpoint ? `, endpoint ${resolved.endpoint}` : ''}. Click to switch.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
