// Identifiers in AWS's formats.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/** App Runner service ids, auto-scaling configuration ids and instance ids: 32 hex digits. */
export function hex32(): string {
  return randomBytes(16).toString('hex');
}

export function uuid(): string {
  return randomUUID();
}

/** The first label of an App Runner ServiceUrl (`<label>.<region>.awsapprunner.com`). */
export function serviceUrlLabel(): string {
  return randomString(LOWER_ALNUM, 10);
}

/** The six characters Secrets Manager appends to a secret's name in its ARN. */
export function secretArnSuffix(): string {
  return randomString(MIXED_ALNUM, 6);
}

export function arn(region: string, accountId: string, service: string, resource: string): string {
  return `arn:aws:${service}:${region}:${accountId}:${resource}`;
}
