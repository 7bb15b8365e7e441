// AWS failures turned into messages a user can act on: which profile, region and endpoint were
// used, what went wrong, and the next step. The SDK's own error stays attached as `cause`.
import type { AwsServiceName, AwsTarget } from './clientFactory';

export type AwsFailureKind =
  | 'sso-expired'
  | 'no-credentials'
  | 'bad-credentials'
  | 'access-denied'
  | 'not-found'
  | 'invalid-state'
  | 'invalid-request'
  | 'quota'
  | 'throttled'
  | 'unavailable'
  | 'network'
  | 'other';

export class AwsCallError extends Error {
  constructor(
    message: string,
    readonly kind: AwsFailureKind,
    /** The SDK's error name, e.g. `ResourceNotFoundException`. */
    readonly code: string,
    /** `apprunner:CreateService`: also the IAM action the call needs. */
    readonly action: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AwsCallError';
  }
}

/** `profile "dev", region us-east-1, endpoint http://127.0.0.1:4566` (what was used). */
export function describeTarget(target: AwsTarget): string {
  const parts = [target.profile !== undefined ? `profile "${target.profile}"` : 'the default credential chain', `region ${target.region}`];
  if (target.endpoint !== undefined) parts.push(`endpoint ${target.endpoint}`);
  return parts.join(', ');
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Connection-level failures (Node's and undici's codes): the request may not have arrived. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);
const THROTTLING = ['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceededException'];
const SERVER_SIDE = /InternalServiceError|InternalFailure|ServiceUnavailable|RequestTimeout|TimeoutError/;
/** Node reports a connection closed mid-response without a code. */
const CLOSED_MID_RESPONSE = /socket hang up|ECONNRESET|ECONNREFUSED|other side closed|premature close/i;

function classify(error: SdkErrorShape): AwsFailureKind {
  const name = error.name ?? '';
  const message = error.message ?? '';
  if (/sso/i.test(message) && /expired|refresh|invalid/i.test(message)) return 'sso-expired';
  if (name === 'TokenProviderError' || /token.*expired/i.test(message) && /sso/i.test(message)) return 'sso-expired';
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) return 'no-credentials';
  if (['UnrecognizedClientException', 'InvalidSignatureException', 'InvalidClientTokenId', 'ExpiredTokenException', 'MissingAuthenticationTokenException', 'SignatureDoesNotMatch'].includes(name)) return 'bad-credentials';
  if (['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'].includes(name) || /not authorized to perform/i.test(message)) return 'access-denied';
  if (name === 'ResourceNotFoundException') return 'not-found';
  if (name === 'InvalidStateException') return 'invalid-state';
  // StartDeployment has no InvalidStateException in App Runner's model: a busy service is an invalid request there.
  if (name === 'InvalidRequestException' && /in progress|OPERATION_IN_PROGRESS|current state/i.test(message)) return 'invalid-state';
  if (['InvalidRequestException', 'ValidationException', 'InvalidParameterException', 'InvalidParameterValueException', 'SerializationException'].includes(name)) return 'invalid-request';
  if (name === 'ServiceQuotaExceededException') return 'quota';
  if (THROTTLING.includes(name)) return 'throttled';
  if ((error.$metadata?.httpStatusCode ?? 0) >= 500 || SERVER_SIDE.test(name)) return 'unavailable';
  if (NETWORK_CODES.has(error.code ?? '') || NETWORK_CODES.has(name) || CLOSED_MID_RESPONSE.test(message)) return 'network';
  return 'other';
}

function asShape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? error : { message: String(error) };
}

/** Throttling, server-side errors and network failures (raw SDK errors or ours): the same call may succeed later. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof AwsCallError) return error.kind === 'throttled' || error.kind === 'unavailable' || error.kind === 'network';
  if ((error as { $retryable?: unknown } | undefined)?.$retryable !== undefined) return true;
  const kind = classify(asShape(error));
  return kind === 'throttled' || kind === 'unavailable' || kind === 'network';
}

/** The same error with a message naming the call, the target and the way out. */
export function toAwsCallError(error: unknown, target: AwsTarget, service: AwsServiceName, operation: string): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const sdk = asShape(error);
  const kind = classify(sdk);
  // IAM names CloudWatch's actions `cloudwatch:*`, though its endpoint and signing name are `monitoring`.
  const action = `${service === 'monitoring' ? 'cloudwatch' : service}:${operation}`;
  const where = describeTarget(target);
  const said = (sdk.message ?? '').trim();
  const profileFlag = target.profile !== undefined ? ` --profile ${target.profile}` : '';
  const messages: Record<AwsFailureKind, string> = {
    'sso-expired': `The SSO session of ${where} has expired: run \`aws sso login${profileFlag}\`, then try again.`,
    'no-credentials': `No AWS credentials found (${where}). Choose a profile of ~/.aws/config (the CLI's --profile, or ZenML App Runner: Select Profile… in VS Code), set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    'bad-credentials': `AWS refused the credentials of ${where} (${sdk.name ?? 'error'}: ${said}). Check the access key and secret, or refresh them.`,
    'access-denied': `Access denied for ${action} (${where}): ${said} Grant the identity the IAM permission \`${action}\`.`,
    'not-found': `${action}: not found (${where}): ${said}`,
    'invalid-state': `${action}: the resource is busy or in the wrong state (${where}): ${said} Wait for the running operation to finish, then try again.`,
    'invalid-request': `${action} was rejected (${where}): ${said}`,
    quota: `${action}: an account quota is reached (${where}): ${said} Delete unused resources or ask AWS for a higher quota.`,
    throttled: `${action}: AWS kept throttling the requests (${where}) after retries. Try again in a minute.`,
    unavailable: `${action}: AWS answered with a server error (${where}) after retries: ${said} Try again later.`,
    network: `${action}: cannot reach ${target.endpoint ?? 'AWS'} (${where}): ${said} Check the network or the endpoint URL.`,
    other: `${action} failed (${where}): ${sdk.name ?? 'Error'}: ${said}`,
  };
  return new AwsCallError(messages[kind].replace(/\s+$/, ''), kind, sdk.name ?? 'Error', action, { cause: error });
}

/** Runs one SDK call and turns any failure into an `AwsCallError`. */
export async function awsCall<T>(target: AwsTarget, service: AwsServiceName, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAwsCallError(error, target, service, operation);
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof AwsCallError && error.kind === 'not-found';
}
