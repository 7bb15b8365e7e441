// Start/Stop Local Sandbox: runs the bundled emulator, seeds it, and points the explorer (and every
// AWS call of the extension) at it until stopped or VS Code closes.
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import { join } from 'node:path';
import { requireTrust } from '../commands/trust';
import { productLog } from '../productLog';
import { SANDBOX_CREDENTIALS, startSandbox, type RunningSandbox } from './sandboxProcess';

export class SandboxController implements vscode.Disposable {
  private running: RunningSandbox | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly connection: AwsConnection,
  ) {}

  get url(): string | undefined {
    return this.running?.url;
  }

  /** At activation: starts the sandbox when `zenmlAppRunner.sandbox.startAutomatically` asks (demos, offline work). */
  async startIfAsked(): Promise<void> {
    if (!vscode.workspace.isTrusted || !vscode.workspace.getConfiguration('zenmlAppRunner.sandbox').get<boolean>('startAutomatically', false)) return;
    productLog.info('Starting the Local Sandbox (zenmlAppRunner.sandbox.startAutomatically is on)');
    await this.start();
  }

  /** Start Local Sandbox; a second start while one is starting joins it instead of starting another. */
  start(): Promise<void> {
    if (this.running) {
      void vscode.window.showInformationMessage(`The Local Sandbox already runs at ${this.running.url}.`);
      return Promise.resolve();
    }
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async launch(): Promise<void> {
    try {
      // Its resources live in the extension's storage, so a deploy to the sandbox survives a reload.
      await vscode.workspace.fs.createDirectory(this.context.globalStorageUri);
      const stateFile = join(this.context.globalStorageUri.fsPath, 'sandbox-state.json');
      const sandbox = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Starting the Local Sandbox' }, () =>
        startSandbox(this.context.asAbsolutePath('dist/emulator.js'), { stateFile }),
      );
      this.running = sandbox;
      productLog.info(`Local Sandbox started: endpoint ${sandbox.url}, pid ${sandbox.pid}, regions ${sandbox.regions.join(', ')}, state in ${stateFile}`);
      void sandbox.exited.then(() => {
        if (this.running !== sandbox) return;
        this.running = undefined;
        productLog.error(`The Local Sandbox (pid ${sandbox.pid}) exited on its own`);
        this.connection.useSandbox(undefined);
        void this.setContext(false);
        void vscode.window.showWarningMessage('The Local Sandbox stopped unexpectedly; the explorer is back on your AWS settings.');
      });
      this.connection.useSandbox({ endpoint: sandbox.url, regions: sandbox.regions.length > 0 ? sandbox.regions : ['us-east-1'], credentials: SANDBOX_CREDENTIALS, serviceUrlBase: sandbox.serviceUrlBase });
      await this.setContext(true);
      void vscode.window.showInformationMessage(
        `Local Sandbox running at ${sandbox.url} with sample deployments. Nothing here reaches AWS.`,
      );
    } catch (error) {
      productLog.error('Could not start the Local Sandbox', error);
      void vscode.window.showErrorMessage(`Could not start the Local Sandbox: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async stop(): Promise<void> {
    await this.starting;
    const sandbox = this.running;
    if (!sandbox) return;
    this.running = undefined;
    await sandbox.stop();
    productLog.info(`Local Sandbox stopped (pid ${sandbox.pid})`);
    this.connection.useSandbox(undefined);
    await this.setContext(false);
  }

  private async setContext(on: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'zenmlAppRunner.sandboxRunning', on);
  }

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('zenmlAppRunner.startSandbox', () => (requireTrust() ? this.start() : undefined)),
      vscode.commands.registerCommand('zenmlAppRunner.stopSandbox', () => this.stop()),
    ];
  }

  dispose(): void {
    void this.stop();
  }
}
