// The language server (bundled as dist/server.js) over IPC, for zenml.deployer.yaml files and the ZenML
// run configs and Python modules the server recognises by content. Its output
// channel is a log channel: vscode-languageclient traces the LSP messages while that channel's log
// level is Trace (Developer: Set Log Level…), with the detail chosen by `zenmlAppRunner.trace.server`.
// A server that fails to start or stops is recorded in the extension's log with its cause and
// offered a restart; the restart command exists before the first start, so a failed start can be
// retried.
import * as vscode from 'vscode';
import type { ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { describeError } from '../../../common/src/describeError';
import type { DeployerFile } from '../../../common/src/domain/settingsModel';
import type { FileDeployment } from '../../../common/src/language/fileDeployments';
import { DEPLOYER_DOCUMENT_REQUEST, FILE_DEPLOYMENTS_REQUEST, type DeployerDocumentParams, type DeployerDocumentResult, type FileDeploymentsParams, type FileDeploymentsResult } from '../../../common/src/settingsRequests';
import { DEPLOYER_LANGUAGE_ID, DIAGNOSTIC_SOURCE, LANGUAGE_SERVER_EXEC_ARGV, LANGUAGE_SERVER_NAME, SETTINGS_SECTION } from '../../../common/src/product';
import { productLog } from '../productLog';

const RESTART = 'Restart Language Server';

/** Reads settings files through the language server: the extension carries no parser of its own. */
export interface SettingsReader {
  /** The deployments a zenml.deployer.yaml text declares. */
  deploymentsIn(text: string): Promise<FileDeployment[]>;
  /** The settings a deploy of the text uses; a `DeployInputError` when it has errors or no such deployment. */
  deployerFile(text: string, fileLabel: string, deploymentName?: string): Promise<DeployerFile>;
}

export class LanguageServer implements vscode.Disposable, SettingsReader {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private disposed = false;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /**
   * Starts the server; a failure is recorded and offered a restart, never thrown at activation.
   * The LSP client (vscode-languageclient and the protocol, nine tenths of what activation
   * evaluated before) is a chunk of its own, read here: activation registers the commands and the
   * view without it, and activation never waited for the server's start anyway.
   */
  start(): Promise<void> {
    this.starting = this.create()
      .then((client) => {
        // Disposed while the client loaded (the window closed during activation): never started.
        if (this.disposed) return undefined;
        this.client = client;
        return client.start();
      })
      .catch((error: unknown) => {
        productLog.error(`${LANGUAGE_SERVER_NAME} failed to start`, error);
        void offerRestart(`${LANGUAGE_SERVER_NAME} failed to start: ${describeError(error)}`);
      });
    return this.starting;
  }

  private async running(): Promise<LanguageClient> {
    await this.starting;
    const client = this.client;
    if (!client?.isRunning()) throw new Error(`${LANGUAGE_SERVER_NAME} is not running, and it reads the settings files: run "ZenML App Runner: Restart Language Server".`);
    return client;
  }

  async deploymentsIn(text: string): Promise<FileDeployment[]> {
    const params: FileDeploymentsParams = { text };
    return (await this.running()).sendRequest<FileDeploymentsResult>(FILE_DEPLOYMENTS_REQUEST, params);
  }

  async deployerFile(text: string, fileLabel: string, deploymentName?: string): Promise<DeployerFile> {
    const params: DeployerDocumentParams = { text, fileLabel, ...(deploymentName !== undefined ? { deploymentName } : {}) };
    const choice = await (await this.running()).sendRequest<DeployerDocumentResult>(DEPLOYER_DOCUMENT_REQUEST, params);
    // Resolving settings reads the schema: loaded by the first deploy, not at activation.
    const { deployerFileOf } = await import('../../../common/src/deploy/deployerFile.js');
    return deployerFileOf(choice);
  }

  async restart(): Promise<void> {
    await this.starting;
    const client = this.client;
    if (client?.isRunning()) {
      await client.restart();
      return;
    }
    await client?.dispose().catch((error: unknown) => productLog.warn('Disposing the stopped language client', error));
    await this.start();
  }

  private async create(): Promise<LanguageClient> {
    const { CloseAction, LanguageClient, TransportKind } = await import('./lspClient.js');
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...LANGUAGE_SERVER_EXEC_ARGV] } },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...LANGUAGE_SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
    };
    let fallback: ErrorHandler | undefined;
    // Called only once the client below exists (errors come from its connection).
    const defaults = (): ErrorHandler => (fallback ??= client.createDefaultErrorHandler());
    const clientOptions: LanguageClientOptions = {
      // Deployer files always; YAML and Python files the server checks when their content is ZenML's
      // (a run configuration, a module that configures ZenML settings), and leaves alone otherwise.
      documentSelector: [
        { language: DEPLOYER_LANGUAGE_ID },
        { language: 'yaml', scheme: 'file' },
        { language: 'yaml', scheme: 'untitled' },
        { language: 'python', scheme: 'file' },
        { language: 'python', scheme: 'untitled' },
      ],
      synchronize: { configurationSection: SETTINGS_SECTION },
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      initializationFailedHandler: (error: unknown) => {
        productLog.error(`${LANGUAGE_SERVER_NAME} did not initialize`, error);
        return false;
      },
      // VS Code's own policy (restart a few times, then give up), with every event on record.
      errorHandler: {
        error: (error, message, count) => {
          productLog.error(`${LANGUAGE_SERVER_NAME}: connection error (${count ?? 1} in a row)${message ? ` on ${JSON.stringify(message).slice(0, 200)}` : ''}`, error);
          return defaults().error(error, message, count);
        },
        closed: async () => {
          const result = await defaults().closed();
          const restarting = result.action === CloseAction.Restart;
          productLog.warn(`${LANGUAGE_SERVER_NAME} stopped; ${restarting ? 'restarting it' : 'it stays stopped until restarted'}`);
          if (!restarting) void offerRestart(`${LANGUAGE_SERVER_NAME} stopped and was not restarted: ZenML settings (zenml.deployer.yaml, run configs, Python) are not checked.`);
          return { ...result, handled: !restarting };
        },
      },
    };
    const client = new LanguageClient(SETTINGS_SECTION, LANGUAGE_SERVER_NAME, serverOptions, clientOptions);
    return client;
  }

  dispose(): void {
    this.disposed = true;
    void this.client?.dispose().catch((error: unknown) => productLog.warn('Stopping the language server', error));
  }
}

async function offerRestart(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, RESTART, 'Show Log');
  if (choice === RESTART) await vscode.commands.executeCommand('zenmlAppRunner.restartLanguageServer');
  if (choice === 'Show Log') await vscode.commands.executeCommand('zenmlAppRunner.showLog');
}
