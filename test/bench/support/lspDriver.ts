// A small LSP client for benchmarks and fuzzing: spawns a language server on stdio, answers
// what servers ask of a client, keeps full-text documents in sync, and waits for the
// diagnostics of a given document version. It knows nothing about any particular server:
// everything server-specific comes in through `ServerSpec`.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  /** Short name for tables and error messages. */
  name: string;
  /** The server's main script, run with this Node.js binary so the child's pid is the server's. */
  script: string;
  args?: string[];
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

const STDERR_KEEP = 64 * 1024;

export class LspDriver {
  readonly pid: number;
  /** Everything the server wrote to stderr (the last 64 kB). */
  stderr = '';
  /** Every diagnostics notification, in arrival order. */
  readonly published: DiagnosticsEvent[] = [];
  /** Requests the server sent us, by method. */
  readonly serverRequests = new Map<string, number>();
  initializeResult: InitializeResult | undefined;

  private readonly connection: MessageConnection;
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<DiagnosticsWaiter>();
  private readonly exitListeners = new Set<(reason: string) => void>();
  private exitReason: string | undefined;
  private readonly exited: Promise<void>;
  private stopped = false;
  private onConfigurationPull: () => void = () => undefined;

  private constructor(
    readonly spec: ServerSpec,
    private readonly child: ChildProcess,
  ) {
    if (child.pid === undefined) throw new Error(`${spec.name}: the server process did not start`);
    this.pid = child.pid;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEEP);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitReason = `exited with ${signal ?? `code ${String(code)}`}`;
        for (const listener of this.exitListeners) listener(this.exitReason);
        resolve();
      });
    });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
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
    const child = spawn(process.execPath, [spec.script, '--stdio', ...(spec.args ?? [])], {
      cwd: spec.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    // A missing script or a crash at startup surfaces as a failed handshake below.
    child.on('error', () => undefined);
    child.stdin?.on('error', () => undefined);
    const driver = new LspDriver(spec, child);
    try {
      await driver.handshake(rootUri, timeoutMs);
    } catch (error) {
      await driver.stop();
      throw error;
    }
    return driver;
  }

  get alive(): boolean {
    return this.exitReason === undefined;
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
    if (this.stopped) {
      await this.exited;
      return;
    }
    this.stopped = true;
    if (this.alive) {
      try {
        await this.withTimeout(this.connection.sendRequest('shutdown'), graceMs, 'the answer to shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // Killed below.
      }
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.connection.dispose();
    for (const waiter of this.waiters) this.waiters.delete(waiter);
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

  /** Rejects after `timeoutMs`, or as soon as the server process exits. */
  private withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (why: string): void => {
        cleanup();
        const tail = this.stderr.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`${this.spec.name}: while waiting for ${what}: ${why}${tail ? `\n--- server stderr (tail) ---\n${tail}` : ''}`));
      };
      const onExit = (reason: string): void => fail(`the server ${reason}`);
      const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.exitListeners.delete(onExit);
      };
      if (this.exitReason !== undefined) {
        onExit(this.exitReason);
        return;
      }
      this.exitListeners.add(onExit);
      promise.then(
        (value) => {
          cleanup();
          resolve(value);
        },
        (error: unknown) => {
          cleanup();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}

function matches(event: DiagnosticsEvent, uri: string, version: number | undefined): boolean {
  if (event.uri !== uri) return false;
  return version === undefined || event.version === undefined || event.version === version;
}

/** `section` of the settings: an exact key first, then a dotted path inside; null if absent. */
export function lookupSection(settings: Record<string, unknown>, section: string | undefined): unknown {
  if (section === undefined || section === '') return settings;
  if (Object.prototype.hasOwnProperty.call(settings, section)) return settings[section];
  let current: unknown = settings;
  for (const part of section.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
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
