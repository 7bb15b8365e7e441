// The command `zenmlAppRunner.searchLogs` ("Search Logs…"): which deployment (a Deployments-view
// node, the active zenml.deployer.yaml's, or a pick), a filter pattern (CloudWatch's syntax; the
// recent ones offered), a time range; then FilterLogEvents over both log groups with a cancellable
// progress notification, and the matches in the read-only results document. CloudWatch evaluates
// the pattern: one it refuses is shown with CloudWatch's message and an Edit Pattern button.
import * as vscode from 'vscode';
import { AwsCallError } from '../../../common/src/aws/errors';
import { FilterPatternError, SearchCancelledError } from '../../../common/src/logs';
import type { AwsConnection } from '../aws/connection';
import { requireTrust } from '../commands/trust';
import { deploymentRefFrom, type DeploymentRef } from './deploymentRef';
import { deploymentOfActiveFile, pickDeployment } from './pickDeployment';
import { resolveDeployment } from './resolveDeployment';
import type { ReadOnlyDocuments } from '../documents/readOnlyDocuments';
import type { SettingsReader } from '../language/languageClient';
import { parseCustomRange, RANGE_CHOICES, recentPatterns, rememberPattern, type PatternStore, type TimeRange } from './searchInputs';
import { noMatchMessage, runSearch, searchDocumentText, type SearchRequest } from './searchResults';

import { SEARCH_LOGS_COMMAND } from './logCommandIds';
const PURPOSE = 'Search Logs';

/** What Edit Pattern passes back to the command: the same deployment, the refused pattern to fix. */
interface Retry {
  searchLogsRetry: true;
  ref: DeploymentRef;
  pattern: string;
}

function isRetry(argument: unknown): argument is Retry {
  return typeof argument === 'object' && argument !== null && (argument as Partial<Retry>).searchLogsRetry === true;
}

/** The command's handler (registered lazily by index.ts). */
export async function searchLogs(store: PatternStore, connection: AwsConnection, reader: SettingsReader, documents: ReadOnlyDocuments, argument?: unknown): Promise<void> {
  if (!requireTrust()) return;
  const retry = isRetry(argument) ? argument : undefined;
  const ref = retry?.ref ?? (await chooseDeployment(connection, reader, argument));
  if (!ref) return;
  const pattern = await askPattern(store, ref, retry?.pattern);
  if (pattern === undefined) return;
  const range = await askRange();
  if (!range) return;
  await search(connection, store, documents, ref, pattern, range);
}

async function chooseDeployment(connection: AwsConnection, reader: SettingsReader, argument: unknown): Promise<DeploymentRef | undefined> {
  const ref = deploymentRefFrom(argument);
  if (ref) return ref;
  const fromFile = await deploymentOfActiveFile(connection, reader, PURPOSE);
  if (fromFile === null) return undefined;
  return fromFile ?? (await pickDeployment(connection, PURPOSE));
}

interface PatternItem extends vscode.QuickPickItem {
  pattern: string;
}

/** The pattern: typed, or one of the recent ones; undefined when cancelled. An empty pattern searches every line. */
function askPattern(store: PatternStore, ref: DeploymentRef, initial?: string): Promise<string | undefined> {
  const recent = recentPatterns(store);
  const recentItems = recent.map((pattern): PatternItem => ({ label: pattern, description: 'recent', pattern }));
  const typedItem = (value: string): PatternItem =>
    value.trim() === '' ? { label: 'Every line', description: 'no pattern', pattern: '' } : { label: value, description: 'search for this pattern', pattern: value };
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<PatternItem>();
    pick.title = `Search Logs of ${ref.deploymentName ?? ref.serviceName ?? 'the deployment'} (${ref.region}): filter pattern`;
    pick.placeholder = 'CloudWatch filter pattern, e.g. ERROR   "POST /invoke"   ?ERROR ?WARN   { $.level = "ERROR" }';
    pick.ignoreFocusOut = true;
    // The typed pattern is matched by CloudWatch, not by the quick pick's fuzzy filter.
    pick.matchOnDescription = false;
    const update = (): void => {
      const value = pick.value;
      const others = recentItems.filter((item) => item.pattern !== value && (value === '' || item.pattern.includes(value)));
      pick.items = [typedItem(value), ...others];
      pick.activeItems = [pick.items[0]];
    };
    pick.onDidChangeValue(update);
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve((pick.activeItems[0] ?? typedItem(pick.value)).pattern);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.value = initial ?? '';
    update();
    pick.show();
  });
}

async function askRange(): Promise<TimeRange | undefined> {
  const chosen = await vscode.window.showQuickPick(
    RANGE_CHOICES.map((choice) => ({ label: choice.label, choice })),
    { title: 'Search Logs: time range', placeHolder: 'Search the lines of' },
  );
  if (!chosen) return undefined;
  const now = Date.now();
  if (chosen.choice.ms !== undefined) return { startTime: now - chosen.choice.ms, endTime: now };
  const text = await vscode.window.showInputBox({
    title: 'Search Logs: custom time range',
    prompt: 'FROM [TO]: ISO times (2026-12-01T09:00:00Z) or durations before now (2h); without TO, up to now',
    value: `${new Date(now - 3_600_000).toISOString()} ${new Date(now).toISOString()}`,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const range = parseCustomRange(value);
      return 'error' in range ? range.error : undefined;
    },
  });
  if (text === undefined) return undefined;
  const range = parseCustomRange(text);
  return 'error' in range ? undefined : range;
}

async function search(connection: AwsConnection, store: PatternStore, documents: ReadOnlyDocuments, ref: DeploymentRef, pattern: string, range: TimeRange): Promise<void> {
  const clients = await connection.ownClients(ref.region);
  try {
    const resolution = await resolveDeployment(clients, ref);
    if ('missing' in resolution) {
      void vscode.window.showErrorMessage(`Search Logs: ${resolution.missing}.`);
      return;
    }
    if (!('found' in resolution)) return;
    const request: SearchRequest = { deployment: resolution.found, filterPattern: pattern, ...range };
    const title = `Searching the logs of ${request.deployment.displayName}${pattern.trim() ? ` for ${pattern}` : ''}`;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      try {
        return await runSearch(clients, request, abort.signal, undefined, (matches) => progress.report({ message: `${matches.toLocaleString('en')} matches so far` }));
      } finally {
        cancel.dispose();
      }
    });
    await rememberPattern(store, pattern);
    if (result.lines.length === 0) {
      void vscode.window.showInformationMessage(`Search Logs: ${noMatchMessage(request)}`);
      return;
    }
    await documents.show('search', searchDocumentText(request, result), { beside: false });
    if (result.truncated) void vscode.window.showWarningMessage(`Search Logs: showing the first ${result.lines.length.toLocaleString('en')} matches; more results: narrow the pattern or the time range.`);
  } catch (error) {
    if (error instanceof SearchCancelledError) return;
    if (error instanceof FilterPatternError) {
      const choice = await vscode.window.showErrorMessage(`Search Logs: CloudWatch Logs refused the pattern '${error.pattern}': ${error.message}`, 'Edit Pattern');
      if (choice) await vscode.commands.executeCommand(SEARCH_LOGS_COMMAND, { searchLogsRetry: true, ref, pattern: error.pattern } satisfies Retry);
      return;
    }
    if (error instanceof AwsCallError) {
      void vscode.window.showErrorMessage(`Search Logs: ${error.message}`);
      return;
    }
    throw error;
  } finally {
    clients.destroy();
  }
}
