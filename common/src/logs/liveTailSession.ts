// One StartLiveTail session over both log groups, reported as plain outcomes: why it ended decides
// whether the follower reconnects, polls for a while, or polls for good.
import { DescribeLogGroupsCommand, StartLiveTailCommand } from '../aws/sdk';
import type { CloudWatchLogsClient, LiveTailSessionLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { byTimestamp } from './pollingReader';
import { describeError } from '../describeError';
import { isAbort } from './retry';
import type { LogGroupRef, LogLine } from './types';

export type LiveTailEnd =
  /** The identity lacks logs:StartLiveTail. */
  | { kind: 'denied'; detail: string }
  /** AWS ends every session after three hours. */
  | { kind: 'timeout' }
  /** More events than Live Tail shows (it samples beyond 500 per second): the sampled update was not shown. */
  | { kind: 'sampled' }
  /** A log group does not exist (yet). */
  | { kind: 'missing-group'; detail: string }
  /** The connection or the stream failed; `started` tells whether the session had begun. */
  | { kind: 'dropped'; detail: string; started: boolean }
  | { kind: 'aborted' };

export interface LiveTailHandlers {
  /** The session is open; the session waits (its events queue) until this settles. Throwing ends it as dropped. */
  started(): Promise<void>;
  /** One update's lines, in timestamp order. */
  update(lines: LogLine[]): void;
}

/** Live Tail takes log group ARNs; DescribeLogGroups (part of the minimal permissions) gives them. */
export async function logGroupArns(client: CloudWatchLogsClient, groups: readonly LogGroupRef[], signal: AbortSignal): Promise<Map<string, LogGroupRef> | string> {
  const byArn = new Map<string, LogGroupRef>();
  for (const group of groups) {
    const response = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group.name }), { abortSignal: signal });
    const found = response.logGroups?.find((candidate) => candidate.logGroupName === group.name);
    const arn = found?.logGroupArn ?? found?.arn?.replace(/:\*$/, '');
    if (arn === undefined) return `log group ${group.name} does not exist yet`;
    byArn.set(arn, group);
  }
  return byArn;
}

/** `filterPattern`: CloudWatch's syntax, sent as `logEventFilterPattern` (CloudWatch applies it). */
export async function runLiveTailSession(client: CloudWatchLogsClient, byArn: ReadonlyMap<string, LogGroupRef>, signal: AbortSignal, filterPattern: string | undefined, handlers: LiveTailHandlers): Promise<LiveTailEnd> {
  // Our own controller closes the connection when we end the session for a reason of our own.
  const session = new AbortController();
  const forward = (): void => session.abort();
  signal.addEventListener('abort', forward, { once: true });
  let started = false;
  try {
    const response = await client.send(new StartLiveTailCommand({ logGroupIdentifiers: [...byArn.keys()], ...(filterPattern?.trim() ? { logEventFilterPattern: filterPattern } : {}) }), { abortSignal: session.signal });
    if (!response.responseStream) return { kind: 'dropped', detail: 'the answer had no event stream', started };
    for await (const event of response.responseStream) {
      if (event.sessionStart) {
        started = true;
        await handlers.started();
      } else if (event.sessionUpdate) {
        if (event.sessionUpdate.sessionMetadata?.sampled) return { kind: 'sampled' };
        const lines = (event.sessionUpdate.sessionResults ?? []).flatMap((result) => toLine(result, byArn));
        if (lines.length > 0) handlers.update(lines.sort(byTimestamp));
      }
    }
    return { kind: 'dropped', detail: 'the session ended without a reason', started };
  } catch (error) {
    if (isAbort(error, signal)) return { kind: 'aborted' };
    const name = (error as Error).name;
    if (name === 'AccessDeniedException') return { kind: 'denied', detail: describeError(error) };
    if (name === 'SessionTimeoutException') return { kind: 'timeout' };
    if (name === 'ResourceNotFoundException') return { kind: 'missing-group', detail: describeError(error) };
    return { kind: 'dropped', detail: describeError(error), started };
  } finally {
    signal.removeEventListener('abort', forward);
    session.abort();
  }
}

function toLine(result: LiveTailSessionLogEvent, byArn: ReadonlyMap<string, LogGroupRef>): LogLine[] {
  const group = byArn.get(result.logGroupIdentifier ?? '');
  if (group === undefined) return [];
  return [
    {
      timestamp: result.timestamp ?? 0,
      ...(result.ingestionTime !== undefined ? { ingestionTime: result.ingestionTime } : {}),
      source: group.source,
      logGroupName: group.name,
      logStreamName: result.logStreamName ?? '',
      message: result.message ?? '',
    },
  ];
}
