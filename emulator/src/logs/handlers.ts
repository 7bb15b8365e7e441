// The CloudWatch Logs operations (JSON 1.1, `Logs_20140328.*`).
import type {
  CreateLogGroupRequest,
  CreateLogStreamRequest,
  DeleteLogGroupRequest,
  DeleteLogStreamRequest,
  DescribeLogGroupsRequest,
  DescribeLogGroupsResponse,
  DescribeLogStreamsRequest,
  DescribeLogStreamsResponse,
  FilterLogEventsRequest,
  FilterLogEventsResponse,
  GetLogEventsRequest,
  GetLogEventsResponse,
  LogGroup,
  LogStream,
  PutLogEventsRequest,
  PutLogEventsResponse,
} from '@aws-sdk/client-cloudwatch-logs';
import { logsModel } from '../generated/awsModels';
import { AwsError, type AwsServiceDefinition, type OperationHandler, type RequestContext } from '../protocol';
import type { EmulatorState } from '../state';
import type { Wire } from '../wire';
import { compileFilterPattern } from './filterPattern';
import { startLiveTail, type LiveTailSessions, type StartLiveTailInput } from './liveTail';
import { eventId, filterEvents, getEvents } from './queries';
import type { LogGroupRecord, LogStreamRecord } from './records';
import {
  appendEvents,
  createGroup,
  createStream,
  eventSize,
  logGroupArn,
  logStreamArn,
  MAX_RESPONSE_BYTES,
  requireGroup,
  resolveGroup,
  streamNotFound,
} from './store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** PutLogEvents rejects events older than 14 days or more than 2 hours in the future. */
const TOO_OLD_MS = 14 * DAY_MS;
const TOO_NEW_MS = 2 * 60 * 60 * 1000;

function offsetToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function parseOffsetToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  return Number(match[1]);
}

function page<T>(items: readonly T[], token: string | undefined, limit: number): { items: T[]; nextToken?: string } {
  const offset = parseOffsetToken(token);
  const slice = items.slice(offset, offset + limit);
  return { items: slice, ...(offset + limit < items.length ? { nextToken: offsetToken(offset + limit) } : {}) };
}

function describeGroup(state: EmulatorState, region: string, group: LogGroupRecord): Wire<LogGroup> {
  const arn = logGroupArn(state, region, group.name);
  let storedBytes = 0;
  for (const stream of group.streams.values()) storedBytes += stream.storedBytes;
  return {
    logGroupName: group.name,
    creationTime: group.createdAt,
    ...(group.retentionInDays !== undefined ? { retentionInDays: group.retentionInDays } : {}),
    ...(group.kmsKeyId !== undefined ? { kmsKeyId: group.kmsKeyId } : {}),
    metricFilterCount: 0,
    arn: `${arn}:*`,
    storedBytes,
    logGroupClass: 'STANDARD',
    logGroupArn: arn,
  };
}

function describeStream(state: EmulatorState, region: string, group: string, stream: LogStreamRecord): Wire<LogStream> {
  const first = stream.events[0];
  const last = stream.events[stream.events.length - 1];
  return {
    logStreamName: stream.name,
    creationTime: stream.createdAt,
    ...(first ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last.timestamp } : {}),
    ...(stream.lastIngestionTime !== undefined ? { lastIngestionTime: stream.lastIngestionTime } : {}),
    uploadSequenceToken: String(stream.events.length).padStart(56, '4'),
    arn: logStreamArn(state, region, group, stream.name),
    storedBytes: 0,
  };
}

function requireStream(group: LogGroupRecord, name: string): LogStreamRecord {
  const stream = group.streams.get(name);
  if (!stream) throw streamNotFound();
  return stream;
}

export function logsService(state: EmulatorState, sessions: LiveTailSessions): AwsServiceDefinition {
  const regionOf = (context: RequestContext) => state.region(context.region);

  const handlers: Record<string, OperationHandler> = {
    CreateLogGroup(input, context) {
      const request = input as unknown as CreateLogGroupRequest;
      const region = regionOf(context);
      if (region.logGroups.has(request.logGroupName!)) {
        throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
      }
      const group = createGroup(region, request.logGroupName!, context.now, request.tags ?? {});
      if (request.kmsKeyId !== undefined) group.kmsKeyId = request.kmsKeyId;
      state.changed();
      return {};
    },

    DeleteLogGroup(input, context) {
      const request = input as unknown as DeleteLogGroupRequest;
      const region = regionOf(context);
      requireGroup(region, request.logGroupName!);
      region.logGroups.delete(request.logGroupName!);
      state.changed();
      return {};
    },

    CreateLogStream(input, context) {
      const request = input as unknown as CreateLogStreamRequest;
      const group = requireGroup(regionOf(context), request.logGroupName!);
      if (group.streams.has(request.logStreamName!)) {
        throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
      }
      createStream(group, request.logStreamName!, context.now);
      state.changed();
      return {};
    },

    DeleteLogStream(input, context) {
      const request = input as unknown as DeleteLogStreamRequest;
      const group = requireGroup(regionOf(context), request.logGroupName!);
      requireStream(group, request.logStreamName!);
      group.streams.delete(request.logStreamName!);
      state.changed();
      return {};
    },

    PutLogEvents(input, context) {
      const request = input as unknown as PutLogEventsRequest;
      const region = regionOf(context);
      const group = requireGroup(region, request.logGroupName!);
      const stream = requireStream(group, request.logStreamName!);
      const events = request.logEvents!.map((event) => ({ timestamp: event.timestamp!, message: event.message! }));
      let bytes = 0;
      for (let i = 0; i < events.length; i++) {
        bytes += eventSize(events[i]);
        if (i > 0 && events[i].timestamp < events[i - 1].timestamp) {
          throw new AwsError('InvalidParameterException', 'Log events in a single PutLogEvents request must be in chronological order.');
        }
      }
      if (bytes > MAX_RESPONSE_BYTES) throw new AwsError('InvalidParameterException', `Upload too large: ${bytes} bytes exceeds limit of ${MAX_RESPONSE_BYTES}`);
      if (events.length > 0 && events[events.length - 1].timestamp - events[0].timestamp > DAY_MS) {
        throw new AwsError('InvalidParameterException', 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
      }
      // Events are chronological, so the rejected ones form a prefix (too old) and a suffix (too new).
      let tooOldEnd = 0;
      while (tooOldEnd < events.length && events[tooOldEnd].timestamp < context.now - TOO_OLD_MS) tooOldEnd++;
      let tooNewStart = events.length;
      while (tooNewStart > tooOldEnd && events[tooNewStart - 1].timestamp > context.now + TOO_NEW_MS) tooNewStart--;
      appendEvents(state, region, group, stream, events.slice(tooOldEnd, tooNewStart), context.now);
      const response: Wire<PutLogEventsResponse> = { nextSequenceToken: String(stream.events.length).padStart(56, '4') };
      if (tooOldEnd > 0 || tooNewStart < events.length) {
        response.rejectedLogEventsInfo = {
          ...(tooOldEnd > 0 ? { tooOldLogEventEndIndex: tooOldEnd } : {}),
          ...(tooNewStart < events.length ? { tooNewLogEventStartIndex: tooNewStart } : {}),
        };
      }
      return response;
    },

    DescribeLogGroups(input, context) {
      const request = input as unknown as DescribeLogGroupsRequest;
      if (request.logGroupNamePrefix !== undefined && request.logGroupNamePattern !== undefined) {
        throw new AwsError('InvalidParameterException', 'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
      }
      const pattern = request.logGroupNamePattern?.toLowerCase();
      const groups = [...regionOf(context).logGroups.values()]
        .filter((group) => request.logGroupNamePrefix === undefined || group.name.startsWith(request.logGroupNamePrefix))
        .filter((group) => pattern === undefined || group.name.toLowerCase().includes(pattern))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const result = page(groups, request.nextToken, request.limit ?? 50);
      const response: Wire<DescribeLogGroupsResponse> = { logGroups: result.items.map((group) => describeGroup(state, context.region, group)) };
      if (result.nextToken) response.nextToken = result.nextToken;
      return response;
    },

    DescribeLogStreams(input, context) {
      const request = input as unknown as DescribeLogStreamsRequest;
      const group = resolveGroup(state, regionOf(context), request.logGroupName, request.logGroupIdentifier);
      const byLastEvent = request.orderBy === 'LastEventTime';
      if (byLastEvent && request.logStreamNamePrefix !== undefined) {
        throw new AwsError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
      }
      const lastEvent = (stream: LogStreamRecord): number => stream.events[stream.events.length - 1]?.timestamp ?? 0;
      const streams = [...group.streams.values()]
        .filter((stream) => request.logStreamNamePrefix === undefined || stream.name.startsWith(request.logStreamNamePrefix))
        .sort((a, b) => (byLastEvent ? lastEvent(a) - lastEvent(b) : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      if (request.descending === true) streams.reverse();
      const result = page(streams, request.nextToken, request.limit ?? 50);
      const response: Wire<DescribeLogStreamsResponse> = { logStreams: result.items.map((stream) => describeStream(state, context.region, group.name, stream)) };
      if (result.nextToken) response.nextToken = result.nextToken;
      return response;
    },

    GetLogEvents(input, context) {
      const request = input as unknown as GetLogEventsRequest;
      const group = resolveGroup(state, regionOf(context), request.logGroupName, request.logGroupIdentifier);
      const stream = requireStream(group, request.logStreamName!);
      const result = getEvents(stream, request);
      const response: Wire<GetLogEventsResponse> = {
        events: result.events.map((event) => ({ timestamp: event.timestamp, message: event.message, ingestionTime: event.ingestionTime })),
        nextForwardToken: result.nextForwardToken,
        nextBackwardToken: result.nextBackwardToken,
      };
      return response;
    },

    FilterLogEvents(input, context) {
      const request = input as unknown as FilterLogEventsRequest;
      const group = resolveGroup(state, regionOf(context), request.logGroupName, request.logGroupIdentifier);
      if (request.logStreamNames !== undefined && request.logStreamNamePrefix !== undefined) {
        throw new AwsError('InvalidParameterException', 'logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
      }
      const streams = request.logStreamNames
        ? request.logStreamNames.map((name) => requireStream(group, name))
        : [...group.streams.values()].filter((stream) => request.logStreamNamePrefix === undefined || stream.name.startsWith(request.logStreamNamePrefix));
      const result = filterEvents({
        streams,
        ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
        ...(request.endTime !== undefined ? { endTime: request.endTime } : {}),
        ...(request.nextToken !== undefined ? { nextToken: request.nextToken } : {}),
        ...(request.limit !== undefined ? { limit: request.limit } : {}),
        matcher: compileFilterPattern(request.filterPattern),
      });
      const response: Wire<FilterLogEventsResponse> = {
        events: result.events.map(({ event, logStreamName }) => ({
          logStreamName,
          timestamp: event.timestamp,
          message: event.message,
          ingestionTime: event.ingestionTime,
          eventId: eventId(event),
        })),
        searchedLogStreams: streams.map((stream) => ({ logStreamName: stream.name, searchedCompletely: result.nextToken === undefined })),
      };
      if (result.nextToken) response.nextToken = result.nextToken;
      return response;
    },

    StartLiveTail(input, context) {
      return startLiveTail(state, sessions, input as unknown as StartLiveTailInput, context);
    },
  };

  return { model: logsModel, validationErrorCode: 'InvalidParameterException', internalErrorCode: 'ServiceUnavailableException', handlers };
}
