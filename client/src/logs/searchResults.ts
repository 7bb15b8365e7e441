// Search Logs as plain data (no `vscode` import, so tests drive it against the emulator): run the
// search over a deployment's two log groups, and turn the result into the text of the read-only
// results document: a header saying what was searched, then each line with its time and source,
// JSON events pretty-printed and indented under their time.
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { searchLogs, serviceLogGroups, truncationNote, type LogLine, type SearchResult } from '../../../common/src/logs';
import type { ResolvedDeployment } from './deploymentRef';

export interface SearchRequest {
  deployment: ResolvedDeployment;
  /** CloudWatch's filter-pattern syntax; empty: every line. */
  filterPattern: string;
  startTime: number;
  endTime: number;
}

/** Searches both log groups of the deployment's service; `onProgress` hears the matches so far. */
export function runSearch(clients: AwsClients, request: SearchRequest, signal: AbortSignal, limit?: number, onProgress?: (matches: number) => void): Promise<SearchResult> {
  return searchLogs({
    clients,
    groups: serviceLogGroups(request.deployment.serviceName, request.deployment.serviceId),
    filterPattern: request.filterPattern,
    startTime: request.startTime,
    endTime: request.endTime,
    signal,
    ...(limit !== undefined ? { limit } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}

const INDENT = '    ';

/** A JSON object or array message, parsed; undefined for anything else. */
function jsonOf(message: string): unknown {
  const text = message.trim();
  if (!(text.startsWith('{') && text.endsWith('}')) && !(text.startsWith('[') && text.endsWith(']'))) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `time [source stream] message`, or for a JSON event the time line and the JSON pretty-printed under it. */
export function formatSearchLine(line: LogLine): string {
  const head = `${new Date(line.timestamp).toISOString()} [${line.source} ${line.logStreamName}]`;
  const message = line.message.replace(/\r?\n$/, '');
  const json = jsonOf(message);
  if (json === undefined) return `${head} ${message.replace(/\r?\n/g, `\n${INDENT}`)}`;
  return `${head}\n${JSON.stringify(json, null, 2).replace(/^/gm, INDENT)}`;
}

function describePattern(pattern: string): string {
  return pattern.trim() === '' ? '(none: every line)' : pattern;
}

function range(request: SearchRequest): string {
  return `from ${new Date(request.startTime).toISOString()} to ${new Date(request.endTime).toISOString()}`;
}

/** The whole results document. */
export function searchDocumentText(request: SearchRequest, result: SearchResult): string {
  const { deployment } = request;
  const groups = result.missingGroups.length > 0 ? 'the service log (the application has written no log yet)' : 'the service and application logs';
  const count = `${result.lines.length.toLocaleString('en')} match${result.lines.length === 1 ? '' : 'es'}`;
  const header = [
    `# ${deployment.displayName}: ${deployment.serviceName} in ${deployment.region}`,
    `# pattern: ${describePattern(request.filterPattern)}`,
    `# ${range(request)}: ${count} in ${groups}`,
  ];
  const note = truncationNote(result);
  if (note) header.push(`# ${note}`);
  return `${[...header, '', ...result.lines.map(formatSearchLine)].join('\n')}\n`;
}

/** What to say when nothing matched. */
export function noMatchMessage(request: SearchRequest): string {
  const what = request.filterPattern.trim() === '' ? 'No log lines' : `No log lines match ${request.filterPattern}`;
  return `${what} for ${request.deployment.displayName} (${request.deployment.region}) ${range(request)}.`;
}
