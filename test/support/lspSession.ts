// Drives the real bundled language server (`node dist/server.js --stdio`) the way VS Code does,
// for tests: initialize handshake, document sync, answers to `workspace/configuration`, and
// waits on `textDocument/publishDiagnostics` events (never on sleeps). Everything the server
// says on stderr, every error it logs and an early exit are recorded so tests can assert none.
import * as path from 'node:path';
import { MarkupKind } from 'vscode-languageserver-protocol';
import type { CancellationToken, MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, Diagnostic, InitializeParams, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { lookupSection, ServerProcess } from './serverProcess';

import { REPO_ROOT } from './repoRoot';

export { REPO_ROOT };
export const SERVER_SCRIPT = path.join(REPO_ROOT, 'dist', 'server.js');
import { DEPLOYER_LANGUAGE_ID, LANGUAGE_SERVER_EXEC_ARGV } from '../../common/src/product';
export const LANGUAGE_ID = DEPLOYER_LANGUAGE_ID;

/** Client settings by top-level section, e.g. `{ zenmlAppRunner: { validation: { enable: true } } }`. */
export type ClientSettings = Record<string, unknown>;

export interface LspSessionOptions {
  /** Answered to `workspace/configuration` (dotted sections are looked up inside). */
  settings?: ClientSettings;
  /** Advertise `workspace.configuration`; without it the server must use its defaults. Default true. */
  configurationCapability?: boolean;
  /** Milliseconds any single wait (handshake, request, diagnostics) may take. Default 10 000. */
  timeoutMs?: number;
  /** Another server script, e.g. for a test of a broken build. Default `dist/server.js`. */
  serverScript?: string;
}

export interface DiagnosticsEvent {
  uri: string;
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** Position among all diagnostics notifications of the session, from 1. */
  seq: number;
}

export interface LogEntry {
  /** LSP MessageType: 1 error, 2 warning, 3 info, 4 log. */
  type: number;
  message: string;
}

export interface LspSession {
  readonly initializeResult: InitializeResult;
  /** Every diagnostics notification so far, in arrival order. */
  readonly published: readonly DiagnosticsEvent[];
  /** `window/logMessage` notifications, in order. */
  readonly logs: readonly LogEntry[];
  /** Requests the server sent to the client, by method, with how often. */
  readonly serverRequests: ReadonlyMap<string, number>;
  /** stderr output, an unexpected exit, connection errors: should be empty in a healthy run. */
  unexpectedErrors(): string[];
  /** `languageId` defaults to the extension's `zenml-deployer-yaml`. */
  open(uri: string, text: string, version?: number, languageId?: string): Promise<void>;
  /** Sends the whole new text as one change. */
  change(uri: string, text: string, version: number): Promise<void>;
  close(uri: string): Promise<void>;
  /**
   * Diagnostics of `uri` for `version` (default: the version last sent). For the current version
   * the notification must have arrived after the last open/change/close/setSettings of `uri`, so a
   * revalidation is awaited rather than an earlier result reused; for an older version the latest
   * one received (or the next) is returned. After `close`, any version matches.
   */
  diagnostics(uri: string, options?: { version?: number; timeoutMs?: number }): Promise<Diagnostic[]>;
  /** A request; with a token, cancelling it sends `$/cancelRequest`. */
  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  /**
   * Replaces the settings and sends `workspace/didChangeConfiguration`; `diagnostics(uri)` then
   * waits for the revalidation. Await the documents' diagnostics first: a publish still in flight
   * for the same version cannot be told apart from the revalidation.
   */
  setSettings(settings: ClientSettings): Promise<void>;
  /** shutdown + exit; SIGKILL if the process lingers. Safe to call twice. */
  stop(): Promise<void>;
}

interface DocState {
  /** The version last sent; undefined after close. */
  version: number | undefined;
  /** `seq` of the last notification received before the last state change. */
  mark: number;
}

interface Waiter {
  accepts(event: DiagnosticsEvent): boolean;
  resolve(event: DiagnosticsEvent): void;
}

const CLIENT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    hover: { contentFormat: [MarkupKind.Markdown, MarkupKind.PlainText] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText] }, contextSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
    inlayHint: {},
    codeLens: {},
  },
  window: { workDoneProgress: false },
};

class Session implements LspSession {
  initializeResult!: InitializeResult;
  readonly published: DiagnosticsEvent[] = [];
  readonly logs: LogEntry[] = [];
  readonly serverRequests = new Map<string, number>();

  private readonly connection: MessageConnection;
  private readonly docs = new Map<string, DocState>();
  private readonly waiters = new Set<Waiter>();
  private readonly timeoutMs: number;
  private connectionErrors: string[] = [];
  private settings: ClientSettings;

  constructor(
    private readonly server: ServerProcess,
    private readonly options: LspSessionOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.settings = options.settings ?? {};
    this.connection = server.connection;
    this.connection.onRequest((method, params) => this.answer(method, params));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.record(params));
    this.connection.onNotification('window/logMessage', (params: LogEntry) => {
      this.logs.push(params);
    });
    this.connection.onError(([error]) => this.connectionErrors.push(`connection error: ${error.message}`));
    this.connection.listen();
  }

  async handshake(): Promise<void> {
    const configuration = this.options.configurationCapability ?? true;
    const params: InitializeParams = {
      processId: process.pid,
      clientInfo: { name: 'zenml-lsp-test-session' },
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        ...CLIENT_CAPABILITIES,
        workspace: { configuration, didChangeConfiguration: { dynamicRegistration: false } },
      },
    };
    this.initializeResult = await this.guard(this.connection.sendRequest<InitializeResult>('initialize', params), 'the answer to initialize');
    await this.connection.sendNotification('initialized', {});
  }

  unexpectedErrors(): string[] {
    const problems = [...this.connectionErrors];
    const stderr = this.server.stderr.trim();
    if (stderr) problems.push(`server stderr:\n${stderr}`);
    // A check that threw (see common/src/language/ruleFailures.ts) fails every suite that hits it.
    for (const log of this.logs) if (log.type === 1 && /^(The check "|Validating )/.test(log.message)) problems.push(`server error: ${log.message}`);
    if (this.server.exitReason !== undefined && !this.server.stopRequested) problems.push(`server ${this.server.exitReason} before stop()`);
    return problems;
  }

  async open(uri: string, text: string, version = 1, languageId = LANGUAGE_ID): Promise<void> {
    this.touch(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, text: string, version: number): Promise<void> {
    this.touch(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    this.touch(uri, undefined);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async diagnostics(uri: string, options: { version?: number; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    const state = this.docs.get(uri) ?? { version: undefined, mark: 0 };
    const version = options.version ?? state.version;
    const current = version === state.version;
    const accepts = (event: DiagnosticsEvent): boolean =>
      event.uri === uri && (current ? event.seq > state.mark && (version === undefined || event.version === version) : event.version === version);
    const earlier = [...this.published].reverse().find(accepts);
    if (earlier) return earlier.diagnostics;
    const arrived = new Promise<DiagnosticsEvent>((resolve) => this.waiters.add({ accepts, resolve }));
    const received = this.published.filter((event) => event.uri === uri).map((event) => String(event.version));
    const what = `diagnostics of ${uri} version ${String(version)} (received so far for it: versions [${received.join(', ')}])`;
    return (await this.guard(arrived, what, options.timeoutMs)).diagnostics;
  }

  request<R>(method: string, params: unknown, token?: CancellationToken): Promise<R> {
    const sent = token ? this.connection.sendRequest<R>(method, params, token) : this.connection.sendRequest<R>(method, params);
    return this.guard(sent, `the answer to ${method}`);
  }

  async notify(method: string, params: unknown): Promise<void> {
    await this.connection.sendNotification(method, params);
  }

  async setSettings(settings: ClientSettings): Promise<void> {
    this.settings = settings;
    for (const [uri, state] of this.docs) this.touch(uri, state.version);
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  async stop(): Promise<void> {
    await this.server.stop();
    this.waiters.clear();
  }

  private touch(uri: string, version: number | undefined): void {
    this.docs.set(uri, { version, mark: this.published.length });
  }

  private answer(method: string, params: unknown): unknown {
    this.serverRequests.set(method, (this.serverRequests.get(method) ?? 0) + 1);
    if (method === 'workspace/configuration') {
      const items = (params as { items?: { section?: string }[] } | undefined)?.items ?? [];
      return items.map((item) => lookupSection(this.settings, item.section));
    }
    // client/registerCapability, window/workDoneProgress/create, workspace/*/refresh: nothing to do.
    return null;
  }

  private record(params: PublishDiagnosticsParams): void {
    const event: DiagnosticsEvent = { uri: params.uri, version: params.version, diagnostics: params.diagnostics, seq: this.published.length + 1 };
    this.published.push(event);
    for (const waiter of this.waiters) {
      if (waiter.accepts(event)) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  }

  private guard<T>(promise: Promise<T>, what: string, timeoutMs = this.timeoutMs): Promise<T> {
    return this.server.guard(promise, what, timeoutMs);
  }
}

/** Spawns the server and completes initialize/initialized; the caller must `stop()` it. */
export async function startLspSession(options: LspSessionOptions = {}): Promise<LspSession> {
  const session = new Session(new ServerProcess(options.serverScript ?? SERVER_SCRIPT, [], REPO_ROOT, '', LANGUAGE_SERVER_EXEC_ARGV), options);
  try {
    await session.handshake();
  } catch (error) {
    await session.stop();
    throw error;
  }
  return session;
}

/** Settings object for `zenmlAppRunner.validation`, the shape the server pulls. */
export function validationSettings(validation: { enable?: boolean; severity?: Record<string, string> }): ClientSettings {
  return { zenmlAppRunner: { validation } };
}
