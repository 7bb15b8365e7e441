// Why a service failed: for a CREATE_FAILED service, or one whose last operation FAILED or was
// rolled back, App Runner's failure reason (the `Deployment with ID : <id> failed. Failure reason :
// <reason>` line App Runner writes to the service log's `events` stream, else the last line of the
// operation's `deployment/<id>` stream) and the last application lines before it, preferring the
// instance the failing deployment started (on a rollback the old instance keeps logging). Plain
// data for the CLI's `status`, the Deployments view and a deploy's failure message. Reads only
// what the minimal permissions allow (apprunner:ListOperations, logs:GetLogEvents,
// logs:DescribeLogStreams); a read that fails becomes a note naming what is missing, never an error.
import { DescribeLogStreamsCommand, GetLogEventsCommand } from '../aws/sdk';
import type { OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { OperationSummary } from '@aws-sdk/client-apprunner';
import { listOperations } from '../aws/appRunner';
import type { AwsClients } from '../aws/clientFactory';
import { AwsCallError, awsCall } from '../aws/errors';
import { serviceLogGroups, type LogLine } from '../logs/types';

export interface FailedOperation {
  id: string;
  /** CREATE_SERVICE, UPDATE_SERVICE, START_DEPLOYMENT, RESUME_SERVICE, ... */
  type: string;
  /** FAILED, ROLLBACK_SUCCEEDED, ROLLBACK_FAILED, ROLLBACK_IN_PROGRESS. */
  status: string;
  startedAt?: number;
  endedAt?: number;
}

export interface FailureExplanation {
  /** The failed operation; undefined when the operations could not be read and the log named none. */
  operation?: FailedOperation;
  /** The service's status (CREATE_FAILED; RUNNING or PAUSED after a rollback). */
  status: string;
  /** App Runner's reason, as App Runner wrote it; undefined when it wrote none or it could not be read. */
  reason?: string;
  /** When App Runner reported the failure (ms since the epoch), else when the operation ended. */
  at?: number;
  /** The application's last lines before the failure, oldest first (empty: it wrote none). */
  applicationLines: LogLine[];
  /** What could not be read and why, e.g. "the service log could not be read (needs logs:GetLogEvents)". */
  notes: string[];
}

export interface FailureSubject {
  serviceName: string;
  serviceId: string;
  serviceArn: string;
  /** App Runner's status of the service. */
  status: string;
}

export interface ExplainOptions {
  /** The service's operations when the caller has them (newest first), saving a ListOperations call. */
  operations?: readonly OperationSummary[];
  /** How many application lines to return (default 10). */
  applicationLines?: number;
  signal?: AbortSignal;
}

const FAILED_STATUSES = new Set(['FAILED', 'ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED', 'ROLLBACK_IN_PROGRESS']);
/** Around an operation's start and end: clocks and App Runner's own log writes are not instant. */
const SLACK_MS = 60_000;
const REASON_LINE = /Deployment with ID : (\S+) failed\. Failure reason : (.*)$/;
const OUTCOME_LINE = /Deployment with ID : (\S+) (?:failed\.|was successful\.)/;

/** The failure of `subject`'s last deployment, or undefined when nothing failed. */
export async function explainFailure(clients: AwsClients, subject: FailureSubject, options: ExplainOptions = {}): Promise<FailureExplanation | undefined> {
  const notes: string[] = [];
  const reader = new Reader(clients, options.signal, notes);
  const [serviceGroup, applicationGroup] = serviceLogGroups(subject.serviceName, subject.serviceId).map((group) => group.name);
  const listed = options.operations ?? (await reader.read('the service\'s operations', 'apprunner:ListOperations', () => listOperations(clients, subject.serviceArn)));
  const operations = Array.isArray(listed) ? (listed as readonly OperationSummary[]) : undefined;
  const failed = operations ? failedOperation(operations, subject.status) : undefined;
  if (operations && !failed && subject.status !== 'CREATE_FAILED') return undefined;

  const window = failed ? { startTime: (failed.startedAt ?? Date.now()) - SLACK_MS, endTime: (failed.endedAt ?? Date.now()) + SLACK_MS } : {};
  const events = await reader.events(serviceGroup, 'events', { ...window, fromEnd: true }, 'the service log');
  let reason: string | undefined;
  let at: number | undefined;
  let operation = failed;
  if (events) {
    const found = failureLine(events, operation?.id);
    if (!operations && !found && subject.status !== 'CREATE_FAILED') return undefined; // no operations to go by, and the log says the last deployment did not fail
    if (found) {
      reason = found.reason;
      at = found.timestamp;
      operation ??= { id: found.operationId, type: 'unknown', status: 'FAILED' };
    }
  } else if (!operations && subject.status !== 'CREATE_FAILED') {
    return undefined;
  }
  if (reason === undefined && operation !== undefined && operation.type !== 'unknown') {
    const deployment = await reader.events(serviceGroup, `deployment/${operation.id}`, {}, 'the deployment log');
    const last = deployment?.[deployment.length - 1];
    if (last?.message) {
      reason = stripPrefix(last.message);
      at = last.timestamp;
    }
  }
  if (reason === undefined && notes.length === 0) notes.push('App Runner wrote no failure reason in the service log');
  at ??= operation?.endedAt;
  const applicationLines = await lastApplicationLines(reader, applicationGroup, operation?.startedAt, at, options.applicationLines ?? 10, notes);
  return { ...(operation ? { operation } : {}), status: subject.status, ...(reason !== undefined ? { reason } : {}), ...(at !== undefined ? { at } : {}), applicationLines, notes };
}

/** The newest operation when it failed; for a CREATE_FAILED service the newest failed one. */
function failedOperation(operations: readonly OperationSummary[], status: string): FailedOperation | undefined {
  const newestFirst = [...operations].sort((a, b) => (b.StartedAt?.getTime() ?? 0) - (a.StartedAt?.getTime() ?? 0));
  const newest = newestFirst[0];
  const chosen = newest && FAILED_STATUSES.has(newest.Status ?? '') ? newest : status === 'CREATE_FAILED' ? newestFirst.find((op) => FAILED_STATUSES.has(op.Status ?? '')) : undefined;
  if (!chosen?.Id) return undefined;
  return {
    id: chosen.Id,
    type: chosen.Type ?? 'unknown',
    status: chosen.Status ?? 'FAILED',
    ...(chosen.StartedAt ? { startedAt: chosen.StartedAt.getTime() } : {}),
    ...(chosen.EndedAt ? { endedAt: chosen.EndedAt.getTime() } : chosen.UpdatedAt ? { endedAt: chosen.UpdatedAt.getTime() } : {}),
  };
}

/**
 * App Runner's failure line for `operationId`, or without one the newest deployment outcome when it
 * is a failure (a later success means the service recovered).
 */
function failureLine(events: readonly OutputLogEvent[], operationId: string | undefined): { operationId: string; reason: string; timestamp: number } | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const message = events[i].message ?? '';
    if (operationId === undefined && OUTCOME_LINE.test(message) && !REASON_LINE.test(message)) return undefined;
    const match = REASON_LINE.exec(message);
    if (match && (operationId === undefined || match[1] === operationId)) return { operationId: match[1], reason: match[2].trim(), timestamp: events[i].timestamp ?? 0 };
  }
  return undefined;
}

function stripPrefix(message: string): string {
  return message.replace(/^\[AppRunner\]\s*/, '').trim();
}

/** The last `count` lines before `at`, from the instances the failing deployment started (else any). */
async function lastApplicationLines(reader: Reader, group: string, startedAt: number | undefined, at: number | undefined, count: number, notes: string[]): Promise<LogLine[]> {
  if (count <= 0) return [];
  const from = startedAt !== undefined ? startedAt - SLACK_MS : undefined;
  const streams = await reader.read('the application log\'s streams', 'logs:DescribeLogStreams', () =>
    reader.send('DescribeLogStreams', () => reader.clients.logs.send(new DescribeLogStreamsCommand({ logGroupName: group, orderBy: 'LastEventTime', descending: true, limit: 10 }), reader.callOptions)),
  );
  if (streams === 'missing') {
    notes.push('the application wrote no log (App Runner creates the application log group when an instance first starts)');
    return [];
  }
  if (!streams) return [];
  const active = (streams.logStreams ?? []).filter((stream) => from === undefined || (stream.lastEventTimestamp ?? stream.creationTime ?? 0) >= from);
  // The instances the failing deployment started were created after it began (AWS's one clock).
  const started = active.filter((stream) => startedAt !== undefined && (stream.creationTime ?? 0) >= startedAt);
  const chosen = (started.length > 0 ? started : active).slice(0, 3);
  const lines: LogLine[] = [];
  for (const stream of chosen) {
    const name = stream.logStreamName ?? '';
    // GetLogEvents' endTime is exclusive: the failure's own millisecond is included.
    const events = await reader.events(group, name, { ...(from !== undefined ? { startTime: from } : {}), ...(at !== undefined ? { endTime: at + 1 } : {}), limit: count, fromEnd: true }, 'the application log');
    for (const event of events ?? []) lines.push({ timestamp: event.timestamp ?? 0, ...(event.ingestionTime !== undefined ? { ingestionTime: event.ingestionTime } : {}), source: 'application', logGroupName: group, logStreamName: name, message: (event.message ?? '').replace(/\r?\n$/, '') });
  }
  lines.sort((a, b) => a.timestamp - b.timestamp);
  if (lines.length === 0) notes.push('the application wrote no log lines before the failure');
  return lines.slice(-count);
}

interface EventWindow {
  startTime?: number;
  endTime?: number;
  limit?: number;
  /** The newest page (the last `limit` events before endTime), instead of the oldest. */
  fromEnd?: boolean;
}

/** AWS reads that turn failures into notes; a missing log group or stream is `'missing'`. */
class Reader {
  readonly callOptions: { abortSignal?: AbortSignal };

  constructor(
    readonly clients: AwsClients,
    readonly signal: AbortSignal | undefined,
    private readonly notes: string[],
  ) {
    this.callOptions = signal ? { abortSignal: signal } : {};
  }

  send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return awsCall(this.clients.target, operation === 'ListOperations' ? 'apprunner' : 'logs', operation, call);
  }

  /** Runs `call`; on failure notes what could not be read (naming `permission` when denied) and returns undefined. */
  async read<T>(what: string, permission: string, call: () => Promise<T>): Promise<T | 'missing' | undefined> {
    try {
      return await call();
    } catch (error) {
      if (this.signal?.aborted) throw error;
      if (error instanceof AwsCallError) {
        if (error.kind === 'not-found') return 'missing';
        this.notes.push(error.kind === 'access-denied' ? `${what} could not be read (needs ${permission})` : `${what} could not be read: ${error.message}`);
        return undefined;
      }
      throw error;
    }
  }

  /** A stream's events in a window (one page: these streams are short, and the newest page is what counts). */
  async events(group: string, stream: string, window: EventWindow, what: string): Promise<OutputLogEvent[] | undefined> {
    const answer = await this.read(what, 'logs:GetLogEvents', () =>
      this.send('GetLogEvents', () =>
        this.clients.logs.send(
          new GetLogEventsCommand({
            logGroupName: group,
            logStreamName: stream,
            startFromHead: window.fromEnd !== true,
            ...(window.startTime !== undefined ? { startTime: window.startTime } : {}),
            ...(window.endTime !== undefined ? { endTime: window.endTime } : {}),
            ...(window.limit !== undefined ? { limit: window.limit } : {}),
          }),
          this.callOptions,
        ),
      ),
    );
    return answer === 'missing' || answer === undefined ? undefined : (answer.events ?? []);
  }
}

/** `UPDATE_SERVICE ROLLBACK_SUCCEEDED at 2026-12-01T10:00:00.000Z: <reason>` and the application lines, for a terminal or a tooltip. */
export function describeFailure(explanation: FailureExplanation, formatLine: (line: LogLine) => string): string[] {
  const operation = explanation.operation;
  const what = operation && operation.type !== 'unknown' ? `${operation.type} ${operation.status}` : `the last deployment failed (${explanation.status})`;
  const when = explanation.at !== undefined ? ` at ${new Date(explanation.at).toISOString()}` : '';
  const lines = [`${what}${when}: ${explanation.reason ?? 'App Runner gave no reason'}`];
  if (explanation.applicationLines.length > 0) {
    lines.push('last application lines before it:');
    for (const line of explanation.applicationLines) lines.push(`  ${formatLine(line)}`);
  }
  for (const note of explanation.notes) lines.push(`(${note})`);
  return lines;
}
