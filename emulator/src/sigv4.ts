// Verifies AWS Signature Version 4 on incoming requests (the Authorization header form that the
// SDKs and the CLI use), so a client with a wrong key or secret is refused as AWS refuses it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AwsError } from './protocol';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SignedRequest {
  method: string;
  /** Path and query exactly as received (`/`, `/?a=b`). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface VerifiedIdentity {
  accessKeyId: string;
  region: string;
  signingName: string;
}

/** AWS refuses signatures more than 15 minutes away from its clock. */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = 'AWS4-HMAC-SHA256';
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const AUTHORIZATION_PATTERN = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;\-_.]+),\s*Signature=([0-9a-f]{64})$/;

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** RFC 3986 encoding as SigV4 defines it (unreserved characters stay, everything else is %XX). */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(path: string): string {
  // Services other than S3 sign the already-encoded path encoded once more, segment by segment.
  return path.split('/').map(uriEncode).join('/') || '/';
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const [key, value = ''] = pair.split('=');
      return [uriEncode(decodeURIComponent(key.replace(/\+/g, ' '))), uriEncode(decodeURIComponent(value.replace(/\+/g, ' ')))];
    })
    .sort(([ka, va], [kb, vb]) => (ka === kb ? (va < vb ? -1 : va > vb ? 1 : 0) : ka < kb ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ');
}

function parseAmzDate(amzDate: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
}

/**
 * Checks the request's signature against the known credentials and returns who signed it and for
 * which region. Throws the AwsError that AWS would answer with.
 */
export function verifySignature(
  request: SignedRequest,
  credentials: ReadonlyMap<string, string>,
  expectedSigningName: string,
  now: number,
): VerifiedIdentity {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) throw new AwsError('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match || !authorization.startsWith(ALGORITHM)) {
    throw new AwsError('IncompleteSignatureException', `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters (${ALGORITHM}).`);
  }
  const [, accessKeyId, scopeDate, region, signingName, signedHeaderList, signature] = match;
  const secret = credentials.get(accessKeyId);
  if (secret === undefined) throw new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.');

  const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (Number.isNaN(signedAt)) throw new AwsError('IncompleteSignatureException', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    const nowStamp = new Date(now).toISOString().replace(/[-:]|\.\d{3}/g, '');
    throw new AwsError('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${nowStamp} (${nowStamp} - 15 min.)`);
  }
  if (scopeDate !== amzDate.slice(0, 8)) throw new AwsError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'`);
  if (!REGION_PATTERN.test(region)) throw new AwsError('InvalidSignatureException', `Credential should be scoped to a valid region, not '${region}'.`);
  if (signingName !== expectedSigningName) throw new AwsError('InvalidSignatureException', `Credential should be scoped to correct service: '${expectedSigningName}'.`);

  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host')) throw new AwsError('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  const [path, query = ''] = request.url.split('?', 2);
  const contentHash = headerValue(request.headers, 'x-amz-content-sha256');
  const bodyHash = sha256Hex(request.body);
  if (contentHash && contentHash !== 'UNSIGNED-PAYLOAD' && contentHash !== bodyHash) {
    throw new AwsError('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const canonicalRequest = [
    request.method,
    canonicalPath(path),
    canonicalQuery(query),
    ...signedHeaders.map((name) => `${name}:${headerValue(request.headers, name) ?? ''}`),
    '',
    signedHeaderList,
    contentHash ?? bodyHash,
  ].join('\n');
  const scope = `${scopeDate}/${region}/${signingName}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const expected = createHmac('sha256', signingKey(secret, scopeDate, region, signingName)).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    throw new AwsError(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { accessKeyId, region, signingName };
}
