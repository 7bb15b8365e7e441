// Smithy RPC v2 CBOR (what newer botocore sends to CloudWatch): `POST /service/<Service>/operation/
// <Operation>` with `smithy-protocol: rpc-v2-cbor` and a CBOR body; answers in CBOR with the same
// header. The codec is the one the AWS SDK itself ships (@smithy/core/cbor). Timestamps travel as
// CBOR tag 1 (epoch seconds); handlers see epoch seconds as in JSON.
import { cbor, dateToTag } from '@smithy/core/cbor';
import { AwsError } from './protocol';

export const RPC_V2_CBOR = 'rpc-v2-cbor';
const PATH = /^\/service\/([^/?]+)\/operation\/([^/?]+)$/;

export function isRpcV2Request(path: string, headers: Record<string, string | string[] | undefined>): boolean {
  return headers['smithy-protocol'] === RPC_V2_CBOR && PATH.test(path.split('?')[0]);
}

/** `{service, operation}` from the request path. */
export function rpcV2Target(path: string): { service: string; operation: string } {
  const match = PATH.exec(path.split('?')[0]);
  if (!match) throw new AwsError('UnknownOperationException', `Unknown RPC v2 path ${path}.`);
  return { service: decodeURIComponent(match[1]), operation: decodeURIComponent(match[2]) };
}

/** CBOR values as the JSON protocols carry them: tag 1 to epoch seconds, byte strings to base64. */
function fromCbor(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(fromCbor);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object' && value !== null) {
    const tagged = value as { tag?: unknown; value?: unknown };
    if (tagged.tag === 1 && 'value' in tagged) return Number(tagged.value);
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, fromCbor(member)]));
  }
  return value;
}

export function decodeCborInput(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return fromCbor(cbor.deserialize(new Uint8Array(body.buffer, body.byteOffset, body.length)));
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid CBOR.');
  }
}

function toCbor(value: unknown): unknown {
  if (value instanceof Date) return dateToTag(value);
  if (Array.isArray(value)) return value.map(toCbor);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined).map(([key, member]) => [key, toCbor(member)]));
  }
  return value;
}

export function encodeCbor(value: unknown): Buffer {
  return Buffer.from(cbor.serialize(toCbor(value)));
}
