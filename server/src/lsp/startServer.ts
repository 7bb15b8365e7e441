// The language server's wiring: capabilities, document sync, settings, and one guarded handler
// per feature. The logic lives in `../language`; this file only translates to and from LSP.
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFile } from '../../../common/src/language/sources/sourceFile';
import type { ValidationOptions } from '../../../common/src/language/types';
import { LANGUAGE_SERVER_NAME } from '../../../common/src/product';
import { completeInSource, hoverInSource, inlayHintsInSource } from '../../../common/src/language/sources/sourceFeatures';
import { documentSymbols } from '../../../common/src/language/symbols';
import { validateSource } from '../../../common/src/language/validate';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { toDiagnostic } from './convert';
import { FixableFindings } from './fixableFindings';
import { documentKind } from './documentFilter';
import { toCompletionItem, toDocumentSymbol, toHover, toInlayHint } from './features';
import { guarded } from './guard';
import { ParsedDocuments } from './parsedDocuments';
import { RuleFailureLog } from './ruleFailureLog';
import { toValidationOptions, type ValidationSettings } from './settings';
import { registerSettingsRequests } from './settingsRequests';
import { SettingsStore } from './settingsStore';
import { ValidationScheduler } from './validationScheduler';

interface ClientFeatures {
  configuration: boolean;
  snippets: boolean;
}

/** A position the client sent for a document it never had that many lines of: a client bug worth logging. */
function checkPosition(document: TextDocument, position: Position): Position {
  if (position.line < 0 || position.line >= document.lineCount || position.character < 0) {
    throw new RangeError(`Position ${position.line}:${position.character} is outside ${document.uri} (${document.lineCount} lines)`);
  }
  return position;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const client: ClientFeatures = { configuration: false, snippets: false };
  const settings = new SettingsStore(connection, () => client.configuration);
  const openedVersions = new Map<string, number>();
  const fixable = new FixableFindings();
  const parsed = new ParsedDocuments();
  /** Documents we have published diagnostics for (and must clear when they stop being ours). */
  const published = new Set<string>();
  const log = connection.console;
  const ruleFailures = new RuleFailureLog(log);
  /** Validation options for the document's current version: the user's severities, failures logged. */
  const optionsFor = (document: TextDocument, current: ValidationSettings): ValidationOptions => ({
    ...toValidationOptions(current),
    onRuleFailure: ruleFailures.listenerFor(document.uri, document.version),
  });

  /** The open document if it may be ours (a deployer file, YAML, Python); others get no features. */
  const candidate = (uri: string): TextDocument | undefined => {
    const document = documents.get(uri);
    return document && documentKind(document) !== undefined ? document : undefined;
  };
  /** The document's parse when it is one of ours (a run config, a module using ZenML, a deployer file). */
  const sourceOf = (uri: string): { document: TextDocument; file: SourceFile } | undefined => {
    const document = candidate(uri);
    const file = document ? parsed.of(document) : undefined;
    return document && file && file.kind !== 'other' ? { document, file } : undefined;
  };

  const scheduler = new ValidationScheduler({
    document: candidate,
    validate: async (document) => {
      const current = await settings.forDocument(document.uri);
      const { uri, version } = document;
      const file = parsed.of(document);
      // A file that is not ours gets nothing at all, not even an empty list; one that stopped being
      // ours (a run config edited into something else) has what it had cleared.
      const ours = file !== undefined && file.kind !== 'other';
      if (!ours && !published.has(uri)) return undefined;
      if (ours) published.add(uri);
      else published.delete(uri);
      const findings = current.enable && ours ? validateSource(file, { ...optionsFor(document, current), withFixes: false }) : [];
      const diagnostics = findings.map((finding) => toDiagnostic(finding, uri));
      return () => {
        connection.sendDiagnostics({ uri, version, diagnostics }).catch((error: unknown) => log.error(`Publishing diagnostics failed: ${String(error)}`));
      };
    },
    logError: (message) => log.error(message),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    client.configuration = capabilities.workspace?.configuration === true;
    client.snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        // `:` after a YAML key; `=`, `"` and `'` start a keyword argument's value or a dict key in Python.
        completionProvider: { triggerCharacters: [':', '=', '"', "'"], resolveProvider: false },
        documentSymbolProvider: { label: 'ZenML deployer' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
      },
      serverInfo: { name: LANGUAGE_SERVER_NAME },
    };
  });

  // Our client pushes `zenmlAppRunner` changes through `synchronize.configurationSection`; a
  // dynamic registration on top of that would double every notification.
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    for (const document of documents.all()) scheduler.now(document.uri);
  });

  documents.onDidOpen(({ document }) => {
    openedVersions.set(document.uri, document.version);
    scheduler.now(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    // `onDidChangeContent` also fires for the open itself, already validated above.
    if (openedVersions.get(document.uri) === document.version) return;
    openedVersions.delete(document.uri);
    scheduler.debounced(document.uri);
  });
  documents.onDidClose(({ document }) => {
    openedVersions.delete(document.uri);
    scheduler.cancel(document.uri);
    settings.forget(document.uri);
    fixable.forget(document.uri);
    parsed.forget(document.uri);
    ruleFailures.forget(document.uri);
    // Only documents that had diagnostics from us are cleared: the others never heard from us.
    if (!published.delete(document.uri)) return;
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch((error: unknown) => log.error(`Clearing diagnostics failed: ${String(error)}`));
  });

  connection.onHover(
    guarded(log, 'hover', null, ({ textDocument, position }) => {
      const found = sourceOf(textDocument.uri);
      return found ? toHover(hoverInSource(found.file, checkPosition(found.document, position))) : null;
    }),
  );

  connection.onCompletion(
    guarded(log, 'completion', [], ({ textDocument, position }) => {
      const found = sourceOf(textDocument.uri);
      if (!found) return [];
      return completeInSource(found.file, checkPosition(found.document, position)).map((entry) => toCompletionItem(entry, client.snippets));
    }),
  );

  connection.onDocumentSymbol(
    guarded(log, 'document symbols', [], ({ textDocument }) => {
      // Only deployer files: a Python module's or a run config's outline belongs to their own tools.
      const deployer = sourceOf(textDocument.uri)?.file.deployer;
      return deployer ? documentSymbols(deployer).map(toDocumentSymbol) : [];
    }),
  );

  connection.onCodeAction(
    guarded(log, 'code actions', [], async (params) => {
      const found = sourceOf(params.textDocument.uri);
      if (!found) return [];
      const current = await settings.forDocument(found.document.uri);
      // The document may have been closed or changed while the settings were read.
      const latest = sourceOf(params.textDocument.uri);
      return latest ? codeActions(params, () => fixable.of(latest.document, latest.file, current, optionsFor(latest.document, current))) : [];
    }),
  );

  connection.languages.inlayHint.on(
    guarded(log, 'inlay hints', [], ({ textDocument, range }) => {
      const found = sourceOf(textDocument.uri);
      return found ? inlayHintsInSource(found.file, range).map(toInlayHint) : [];
    }),
  );

  registerSettingsRequests(connection, log);
  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
}
