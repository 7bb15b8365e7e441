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

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

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
  if (['InvalidRequestException', 'ValidationException', 'InvalidParameterException', 'InvalidParameterValueException', 'SerializationException'].includes(name)) return 'invalid-request';
  if (name === 'ServiceQuotaExceededException' || name === 'LimitExceededException') return 'quota';
  if (['ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'].includes(name)) return 'throttled';
  if ((error.$metadata?.httpStatusCode ?? 0) >= 500 || /InternalServiceError|InternalFailure|ServiceUnavailable/.test(name)) return 'unavailable';
  if (NETWORK_CODES.has(error.code ?? '') || NETWORK_CODES.has(name) || /socket hang up|ECONNRESET|ECONNREFUSED/i.test(message)) return 'network';
  return 'other';
}

/** The same error with a message naming the call, the target and the way out. */
export function toAwsCallError(error: unknown, target: AwsTarget, service: AwsServiceName, operation: string): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const sdk: SdkErrorShape = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const kind = classify(sdk);
  // IAM names CloudWatch's actions `cloudwatch:*`, though its endpoint and signing name are `monitoring`.
  const action = `${service === 'monitoring' ? 'cloudwatch' : service}:${operation}`;
  const where = describeTarget(target);
  const said = (sdk.message ?? '').trim();
  const profileFlag = target.profile !== undefined ? ` --profile ${target.profile}` : '';
  const messages: Record<AwsFailureKind, string> = {
    'sso-expired': `The SSO session of ${where} has expired: run \`aws sso login${profileFlag}\`, then try again.`,
    'no-credentials': `No AWS credentials found (${where}). Pass --profile with a profile of ~/.aws/config, set AWS_PROFILE, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
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
