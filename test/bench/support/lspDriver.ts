// A small LSP client for benchmarks and fuzzing: spawns a language server on stdio, answers
// what servers ask of a client, keeps full-text documents in sync, and waits for the
// diagnostics of a given document version. It knows nothing about any particular server:
// everything server-specific comes in through `ServerSpec`.
import { performance } from 'node:perf_hooks';
import type { Diagnostic, InitializeResult, MessageConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { lookupSection, ServerProcess } from '../../support/serverProcess';

export interface ServerSpec {
  /** Short name for tables and error messages. */
  name: string;
  /** The server's main script, run with this Node.js binary so the child's pid is the server's. */
  script: string;
  args?: string[];
  /** Node.js flags, as the server's launcher passes them. */
  execArgv?: readonly string[];
  cwd?: string;
  /** The language id documents are opened with. */
  languageId: string;
  /**
   * Client settings by section, e.g. `{ yaml: {...} }`. Answered to `workspace/configuration`
   * (dotted sections are looked up inside) and sent whole with `workspace/didChangeConfiguration`.
   */
  settings: Record<string, unknown>;
  /** Wait for the server to pull its configuration once before `start` resolves. */
  waitForConfigurationPull?: boolean;
}

export interface DiagnosticsEvent {
  uri: string;
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** `performance.now()` when the notification was read. */
  receivedAt: number;
  /** Position in the stream of all diagnostics notifications, from 1. */
  seq: number;
}

export interface ValidationResult {
  version: number;
  wallMs: number;
  diagnostics: Diagnostic[];
}

interface DiagnosticsWaiter {
  uri: string;
  version: number | undefined;
  afterSeq: number;
  resolve: (event: DiagnosticsEvent) => void;
}

export class LspDriver {
  readonly pid: number;
  /** Every diagnostics notification, in arrival order. */
  readonly published: DiagnosticsEvent[] = [];
  /** Requests the server sent us, by method. */
  readonly serverRequests = new Map<string, number>();
  initializeResult: InitializeResult | undefined;

  private readonly connection: MessageConnection;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<DiagnosticsWaiter>();
  private onConfigurationPull: () => void = () => undefined;

  private constructor(
    readonly spec: ServerSpec,
    private readonly server: ServerProcess,
  ) {
    this.pid = server.pid;
    this.connection = server.connection;
    this.connection.onRequest((method, params) => this.answerServerRequest(method, params));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.recordDiagnostics(params);
    });
    // Log messages, telemetry, progress: a benchmark has no use for them.
    this.connection.onNotification(() => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /** Spawns the server and runs the initialize handshake; the caller must `stop()` it. */
  static async start(spec: ServerSpec, rootUri: string | null = null, timeoutMs = 20_000): Promise<LspDriver> {
    const driver = new LspDriver(spec, new ServerProcess(spec.script, spec.args, spec.cwd, spec.name, spec.execArgv));
    try {
      await driver.handshake(rootUri, timeoutMs);
    } catch (error) {
      await driver.stop();
      throw error;
    }
    return driver;
  }

  get alive(): boolean {
    return this.server.exitReason === undefined;
  }

  /** Everything the server wrote to stderr (the last 64 kB). */
  get stderr(): string {
    return this.server.stderr;
  }

  /** How many diagnostics notifications have arrived so far. */
  get publishCount(): number {
    return this.published.length;
  }

  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: this.spec.languageId, version, text },
    });
  }

  /** Sends the whole new text as one change; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Opens the document and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string, timeoutMs = 30_000): Promise<DiagnosticsEvent> {
    const afterSeq = this.publishCount;
    await this.open(uri, text);
    return this.waitForDiagnostics(uri, 1, afterSeq, timeoutMs);
  }

  /** Sends a full-text change and measures the time until its diagnostics arrive. */
  async validate(uri: string, text: string, timeoutMs = 30_000): Promise<ValidationResult> {
    const afterSeq = this.publishCount;
    const sentAt = performance.now();
    const version = await this.change(uri, text);
    const event = await this.waitForDiagnostics(uri, version, afterSeq, timeoutMs);
    return { version, wallMs: event.receivedAt - sentAt, diagnostics: event.diagnostics };
  }

  /**
   * The first diagnostics for `uri` after notification number `afterSeq` that belong to
   * `version`: a notification with that version, or one without a version (servers that do not
   * report versions publish in order). A notification for another version is skipped.
   */
  waitForDiagnostics(uri: string, version: number | undefined, afterSeq: number, timeoutMs = 30_000): Promise<DiagnosticsEvent> {
    const found = this.published.find((event) => event.seq > afterSeq && matches(event, uri, version));
    if (found) return Promise.resolve(found);
    return this.withTimeout(
      new Promise<DiagnosticsEvent>((resolve) => {
        this.waiters.add({ uri, version, afterSeq, resolve });
      }),
      timeoutMs,
      `diagnostics for ${uri} version ${String(version)}`,
    );
  }

  async request<R>(method: string, params: unknown, timeoutMs = 30_000): Promise<R> {
    return this.withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, `the answer to ${method}`);
  }

  async notify(method: string, params: unknown): Promise<void> {
    await this.connection.sendNotification(method, params);
  }

  /** shutdown + exit, then SIGKILL if the process is still there; safe to call twice. */
  async stop(graceMs = 3_000): Promise<void> {
    await this.server.stop(graceMs);
    this.waiters.clear();
  }

  private async handshake(rootUri: string | null, timeoutMs: number): Promise<void> {
    let pulled: () => void = () => undefined;
    const configurationPulled = new Promise<void>((resolve) => (pulled = resolve));
    this.onConfigurationPull = pulled;
    this.initializeResult = await this.withTimeout(
      this.connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        clientInfo: { name: 'zenml-bench-driver' },
        rootUri,
        workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions: {},
      }),
      timeoutMs,
      'the answer to initialize',
    );
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.settings });
    if (this.spec.waitForConfigurationPull) {
      await this.withTimeout(configurationPulled, timeoutMs, 'a workspace/configuration request');
    }
  }

  private answerServerRequest(method: string, params: unknown): unknown {
    this.serverRequests.set(method, (this.serverRequests.get(method) ?? 0) + 1);
    if (method === 'workspace/configuration') {
      const items = (params as { items?: { section?: string }[] } | undefined)?.items ?? [];
      const answer = items.map((item) => lookupSection(this.spec.settings, item.section));
      // Resolve after this answer is on its way, so the server sees it before what follows.
      setImmediate(this.onConfigurationPull);
      return answer;
    }
    // client/registerCapability, window/workDoneProgress/create, workspace/workspaceFolders, ...
    return null;
  }

  private recordDiagnostics(params: PublishDiagnosticsParams): void {
    const event: DiagnosticsEvent = {
      uri: params.uri,
      version: params.version,
      diagnostics: params.diagnostics,
      receivedAt: performance.now(),
      seq: this.published.length + 1,
    };
    this.published.push(event);
    for (const waiter of this.waiters) {
      if (event.seq > waiter.afterSeq && matches(event, waiter.uri, waiter.version)) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  }

  private withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    return this.server.guard(promise, what, timeoutMs);
  }
}

function matches(event: DiagnosticsEvent, uri: string, version: number | undefined): boolean {
  if (event.uri !== uri) return false;
  return version === undefined || event.version === undefined || event.version === version;
}

const CLIENT_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
    completion: {
      dynamicRegistration: false,
      completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
    },
    documentSymbol: { dynamicRegistration: false, hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      dynamicRegistration: false,
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
  },
  window: { workDoneProgress: false },
};
