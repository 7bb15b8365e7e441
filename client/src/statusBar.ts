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
    this.subscription = connection.onDidChange(() => this.update());
    this.update();
    this.item.show();
  }

  /** Shows a running operation ("Deploying weather-agent") until `done` is called. */
  track(activity: string): { done(): void } {
    this.activity = activity;
    this.update();
    return {
      done: () => {
        if (this.activity === activity) this.activity = undefined;
        this.update();
      },
    };
  }

  /** From the settings alone: showing where calls go loads no AWS code. */
  update(): void {
    const target = this.connection.describe();
    const where = target.sandbox ? 'Local Sandbox' : `${target.profile ?? 'default credentials'} · ${target.regions.length > 0 ? target.regions.join(', ') : 'default region'}`;
    this.item.text = this.activity ? `$(sync~spin) ${this.activity}` : `$(cloud) ${where}`;
    this.item.command = target.sandbox ? 'zenmlAppRunner.stopSandbox' : 'zenmlAppRunner.selectProfile';
    this.item.tooltip = target.sandbox
      ? `ZenML App Runner: the Local Sandbox at ${target.endpoint ?? ''} (nothing reaches AWS). Click to stop it.`
      : `ZenML App Runner: AWS profile ${target.profile ?? '(default credential chain)'}${target.endpoint ? `, endpoint ${target.endpoint}` : ''}. Click to switch.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
