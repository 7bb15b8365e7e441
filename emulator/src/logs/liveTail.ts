// StartLiveTail: an HTTP/1.1 response with chunked event-stream messages, a `sessionStart` event
// then `sessionUpdate` events carrying the matching new log events. Identities listed in
// `liveTailDenied` get AccessDeniedException, so a client's fallback to polling can be tested.
import type { ServerResponse } from 'node:http';
import { AwsError, type RequestContext, type StreamingResult } from '../protocol';
import type { EmulatorState, LogAppend } from '../state';
import { encodeEvent, encodeException } from './eventStream';
import { compileFilterPattern } from './filterPattern';
import { groupNameFromIdentifier, logGroupArn, requireGroup } from './store';
import { uuid } from '../ids';

/** AWS samples when more than 500 events per second match. */
const MAX_RESULTS_PER_UPDATE = 500;

export interface StartLiveTailInput {
  logGroupIdentifiers: string[];
  logStreamNames?: string[];
  logStreamNamePrefixes?: string[];
  logEventFilterPattern?: string;
}

interface LiveTailResult {
  logStreamName: string;
  logGroupIdentifier: string;
  message: string;
  timestamp: number;
  ingestionTime: number;
}

/** The open sessions, so that stopping the emulator can end them. */
export class LiveTailSessions {
  private readonly open = new Set<ServerResponse>();

  add(response: ServerResponse): void {
    this.open.add(response);
    response.once('close', () => this.open.delete(response));
  }

  endAll(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }

  /** Destroys every open session's connection without a closing message, as a network failure would; returns how many. */
  dropAll(): number {
    const dropped = this.open.size;
    for (const response of this.open) response.socket?.destroy();
    this.open.clear();
    return dropped;
  }
}

export function startLiveTail(state: EmulatorState, sessions: LiveTailSessions, input: StartLiveTailInput, context: RequestContext): StreamingResult {
  // IAM decides before the service looks at the request.
  if (state.settings.liveTailDenied.includes(context.accessKeyId)) {
    const resource = input.logGroupIdentifiers[0] ?? logGroupArn(state, context.region, '*');
    throw new AwsError(
      'AccessDeniedException',
      `User: arn:aws:iam::${state.settings.accountId}:user/${context.accessKeyId} is not authorized to perform: logs:StartLiveTail on resource: ${resource} because no identity-based policy allows the logs:StartLiveTail action`,
    );
  }
  const region = state.region(context.region);
  const groups = input.logGroupIdentifiers.map((identifier) => {
    if (!identifier.startsWith('arn:')) throw new AwsError('InvalidParameterException', `Log group identifier ${identifier} must be an ARN.`);
    if (identifier.endsWith('*')) throw new AwsError('InvalidParameterException', `Log group ARN ${identifier} must not end with '*'.`);
    const group = requireGroup(region, groupNameFromIdentifier(state, context.region, identifier));
    return { identifier, name: group.name };
  });
  if (input.logStreamNames && input.logStreamNamePrefixes) {
    throw new AwsError('InvalidParameterException', 'logStreamNames and logStreamNamePrefixes are mutually exclusive.');
  }
  if ((input.logStreamNames || input.logStreamNamePrefixes) && groups.length !== 1) {
    throw new AwsError('InvalidParameterException', 'Log stream filters can only be used with exactly one log group.');
  }
  const matcher = compileFilterPattern(input.logEventFilterPattern);
  const byName = new Map(groups.map((group) => [group.name, group.identifier]));
  const streamWanted = (stream: string): boolean =>
    (input.logStreamNames?.includes(stream) ?? true) && (input.logStreamNamePrefixes?.some((prefix) => stream.startsWith(prefix)) ?? true);

  return {
    kind: 'stream',
    contentType: 'application/vnd.amazon.eventstream',
    start(response) {
      sessions.add(response);
      let pending: LiveTailResult[] = [];
      const onAppend = (append: LogAppend): void => {
        const identifier = byName.get(append.group);
        if (append.region !== context.region || identifier === undefined || !streamWanted(append.stream)) return;
        for (const event of append.events) {
          if (!matcher(event.message)) continue;
          pending.push({ logStreamName: append.stream, logGroupIdentifier: identifier, message: event.message, timestamp: event.timestamp, ingestionTime: event.ingestionTime });
        }
      };
      const flush = (): void => {
        if (pending.length === 0) return;
        const sampled = pending.length > MAX_RESULTS_PER_UPDATE;
        const results = sampled ? pending.filter((_, i) => i % Math.ceil(pending.length / MAX_RESULTS_PER_UPDATE) === 0) : pending;
        pending = [];
        response.write(encodeEvent('sessionUpdate', { sessionMetadata: { sampled }, sessionResults: results }));
      };
      const timer = setInterval(flush, state.settings.liveTailFlushMs);
      const limit = setTimeout(() => {
        flush();
        response.end(encodeException('SessionTimeoutException', 'Live Tail session has ended after reaching the session time limit.'));
      }, state.settings.liveTailSessionMs);
      state.events.on('append', onAppend);
      response.once('close', () => {
        clearInterval(timer);
        clearTimeout(limit);
        state.events.off('append', onAppend);
      });
      response.writeHead(200, { 'Content-Type': 'application/vnd.amazon.eventstream', 'x-amzn-RequestId': context.requestId });
      response.write(
        encodeEvent('sessionStart', {
          requestId: context.requestId,
          sessionId: uuid(),
          logGroupIdentifiers: input.logGroupIdentifiers,
          ...(input.logStreamNames ? { logStreamNames: input.logStreamNames } : {}),
          ...(input.logStreamNamePrefixes ? { logStreamNamePrefixes: input.logStreamNamePrefixes } : {}),
          ...(input.logEventFilterPattern !== undefined ? { logEventFilterPattern: input.logEventFilterPattern } : {}),
        }),
      );
    },
  };
}
