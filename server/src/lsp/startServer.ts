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
import type { ValidationOptions } from '../../../common/src/language/types';
import { LANGUAGE_SERVER_NAME } from '../../../common/src/product';
import { completeAt } from '../../../common/src/language/completion';
import { hoverAt } from '../../../common/src/language/hover';
import { inlayHints } from '../../../common/src/language/inlay';
import { documentSymbols } from '../../../common/src/language/symbols';
import { validateFile } from '../../../common/src/language/validate';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { toDiagnostic } from './convert';
import { FixableFindings } from './fixableFindings';
import { isDeployerDocument } from './documentFilter';
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
  const log = connection.console;
  const ruleFailures = new RuleFailureLog(log);
  /** Validation options for the document's current version: the user's severities, failures logged. */
  const optionsFor = (document: TextDocument, current: ValidationSettings): ValidationOptions => ({
    ...toValidationOptions(current),
    onRuleFailure: ruleFailures.listenerFor(document.uri, document.version),
  });

  /** The open document if it is a deployer file; other documents get no features. */
  const deployerDocument = (uri: string): TextDocument | undefined => {
    const document = documents.get(uri);
    return document && isDeployerDocument(document) ? document : undefined;
  };

  const scheduler = new ValidationScheduler({
    document: deployerDocument,
    validate: async (document) => {
      const current = await settings.forDocument(document.uri);
      const { uri, version } = document;
      const findings = current.enable ? validateFile(parsed.of(document), { ...optionsFor(document, current), withFixes: false }) : [];
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
        completionProvider: { triggerCharacters: [':'], resolveProvider: false },
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
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch((error: unknown) => log.error(`Clearing diagnostics failed: ${String(error)}`));
  });

  connection.onHover(
    guarded(log, 'hover', null, ({ textDocument, position }) => {
      const document = deployerDocument(textDocument.uri);
      return document ? toHover(hoverAt(parsed.of(document), checkPosition(document, position))) : null;
    }),
  );

  connection.onCompletion(
    guarded(log, 'completion', [], ({ textDocument, position }) => {
      const document = deployerDocument(textDocument.uri);
      if (!document) return [];
      return completeAt(parsed.of(document), checkPosition(document, position)).map((entry) => toCompletionItem(entry, client.snippets));
    }),
  );

  connection.onDocumentSymbol(
    guarded(log, 'document symbols', [], ({ textDocument }) => {
      const document = deployerDocument(textDocument.uri);
      return document ? documentSymbols(parsed.of(document)).map(toDocumentSymbol) : [];
    }),
  );

  connection.onCodeAction(
    guarded(log, 'code actions', [], async (params) => {
      const document = deployerDocument(params.textDocument.uri);
      if (!document) return [];
      const current = await settings.forDocument(document.uri);
      // The document may have been closed while the settings were read.
      const latest = deployerDocument(params.textDocument.uri);
      return latest ? codeActions(params, () => fixable.of(latest, parsed.of(latest), current, optionsFor(latest, current))) : [];
    }),
  );

  connection.languages.inlayHint.on(
    guarded(log, 'inlay hints', [], ({ textDocument, range }) => {
      const document = deployerDocument(textDocument.uri);
      return document ? inlayHints(parsed.of(document), range).map(toInlayHint) : [];
    }),
  );

  registerSettingsRequests(connection, log);
  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
}
