// The AWS JSON 1.0/1.1 wire protocol: errors, the request context handed to operation handlers,
// and how results and errors are written back so that AWS SDKs and botocore recognise them.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ServiceModel } from './modelTypes';

/** An error AWS would return: the SDK turns `code` into the exception class of that name. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export interface RequestContext {
  /** From the SigV4 credential scope: every resource lives in one region. */
  readonly region: string;
  readonly accessKeyId: string;
  readonly requestId: string;
  /** Milliseconds since the epoch, read once per request. */
  readonly now: number;
  /** A `fail` fault fired: the operation this call starts ends failed. */
  readonly failOperation?: boolean;
}

/** A result that is not one JSON document: StartLiveTail's event stream. */
export interface StreamingResult {
  readonly kind: 'stream';
  readonly contentType: string;
  /** Writes the stream; the response is ended by the callee (or by the client going away). */
  start(response: ServerResponse): void;
}

export type OperationResult = object | StreamingResult;

export type OperationHandler = (input: Record<string, unknown>, context: RequestContext) => OperationResult;

export interface AwsServiceDefinition {
  readonly model: ServiceModel;
  /** The exception a constraint violation raises (each service has its own). */
  readonly validationErrorCode: string;
  /** The exception an injected server fault raises. */
  readonly internalErrorCode: string;
  readonly handlers: Readonly<Record<string, OperationHandler>>;
  /** Services whose error shapes name the message member `Message` (Secrets Manager). */
  readonly capitalisedMessage?: boolean;
  /**
   * Protocols served besides JSON (`X-Amz-Target`): the query protocol (form in, XML out) and
   * Smithy RPC v2 CBOR; `awsQueryCompatible` adds `x-amzn-query-error` to JSON and CBOR errors.
   * Handlers of such services may return Date values: each protocol writes them its own way.
   */
  readonly protocols?: { query?: { xmlNamespace: string }; rpcV2Cbor?: boolean; awsQueryCompatible?: boolean };
  /** The service's prefix in IAM actions when it is not the signing name (CloudWatch: `cloudwatch`, signed `monitoring`). */
  readonly iamPrefix?: string;
  /** Error codes as the query protocol names them (`InvalidParameterValueException` -> `InvalidParameterValue`). */
  readonly queryErrorCodes?: Readonly<Record<string, string>>;
}

/** Dates to epoch seconds, as AWS JSON carries timestamps. */
export function datesToEpochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(datesToEpochSeconds);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, datesToEpochSeconds(member)]));
  return value;
}

export function isStreamingResult(result: OperationResult): result is StreamingResult {
  return (result as Partial<StreamingResult>).kind === 'stream';
}

export function newRequestId(): string {
  return randomUUID();
}

export function contentTypeFor(jsonVersion: '1.0' | '1.1'): string {
  return `application/x-amz-json-${jsonVersion}`;
}

/** `startedAt` (performance.now() when the request arrived) adds a Server-Timing header. */
export function writeJson(response: ServerResponse, status: number, contentType: string, requestId: string, body: unknown, startedAt?: number): void {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': payload.length,
    'x-amzn-RequestId': requestId,
    // Benchmarks read the emulator's own share of a call from this standard header.
    ...(startedAt !== undefined ? { 'Server-Timing': `emulator;dur=${(performance.now() - startedAt).toFixed(3)}` } : {}),
  });
  response.end(payload);
}

export function writeAwsError(
  response: ServerResponse,
  error: AwsError,
  contentType: string,
  requestId: string,
  capitalisedMessage = false,
  queryError?: string,
): void {
  const body: Record<string, string> = { __type: error.code, message: error.message };
  if (capitalisedMessage) body.Message = error.message;
  response.setHeader('x-amzn-ErrorType', error.code);
  // awsQueryCompatible services: the SDKs read the query protocol's code from this header.
  if (queryError !== undefined) response.setHeader('x-amzn-query-error', `${queryError};${error.status >= 500 ? 'Receiver' : 'Sender'}`);
  writeJson(response, error.status, contentType, requestId, body);
}

/** Seconds since the epoch with milliseconds, as AWS JSON services send timestamps. */
export function epochSeconds(ms: number): number {
  return ms / 1000;
}
