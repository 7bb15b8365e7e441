// Start/Stop Local Sandbox: runs the bundled emulator, seeds it, and points the explorer (and every
// AWS call of the extension) at it until stopped or VS Code closes.
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import { SANDBOX_CREDENTIALS, SANDBOX_REGION, startSandbox, type RunningSandbox } from './sandboxProcess';
import { seedSandbox } from './sandboxSeed';

export class SandboxController implements vscode.Disposable {
  private running: RunningSandbox | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connection: AwsConnection,
  ) {}

  get url(): string | undefined {
    return this.running?.url;
  }

  async start(): Promise<void> {
    if (this.running) {
      void vscode.window.showInformationMessage(`The Local Sandbox already runs at ${this.running.url}.`);
      return;
    }
    try {
      const sandbox = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Starting the Local Sandbox' }, async () => {
        const started = await startSandbox(this.context.asAbsolutePath('dist/emulator.js'));
        try {
          await seedSandbox(started.url, SANDBOX_REGION);
        } catch (error) {
          await started.stop();
          throw error;
        }
        return started;
      });
      this.running = sandbox;
      void sandbox.exited.then(() => {
        if (this.running !== sandbox) return;
        this.running = undefined;
        this.connection.useSandbox(undefined);
        void this.setContext(false);
        void vscode.window.showWarningMessage('The Local Sandbox stopped unexpectedly; the explorer is back on your AWS settings.');
      });
      this.connection.useSandbox({ endpoint: sandbox.url, region: SANDBOX_REGION, credentials: SANDBOX_CREDENTIALS });
      await this.setContext(true);
      void vscode.window.showInformationMessage(
        `Local Sandbox running at ${sandbox.url} with sample deployments. Nothing here reaches AWS.`,
      );
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not start the Local Sandbox: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async stop(): Promise<void> {
    const sandbox = this.running;
    if (!sandbox) return;
    this.running = undefined;
    await sandbox.stop();
    this.connection.useSandbox(undefined);
    await this.setContext(false);
  }

  private async setContext(on: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'zenmlAppRunner.sandboxRunning', on);
  }

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('zenmlAppRunner.startSandbox', () => this.start()),
      vscode.commands.registerCommand('zenmlAppRunner.stopSandbox', () => this.stop()),
    ];
  }

  dispose(): void {
    void this.stop();
  }
}
