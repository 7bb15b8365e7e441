// The engine's default dependencies, for the CLI and the extension: real clients, fresh auth keys,
// the process environment; callers override what they need (progress, signal, service URLs).
import { randomBytes } from 'node:crypto';
import type { AwsClients } from '../aws/clientFactory';
import type { EngineDeps } from './types';

export function engineDeps(clients: AwsClients, overrides: Partial<EngineDeps> = {}): EngineDeps {
  return {
    clients,
    newAuthKey: () => randomBytes(32).toString('base64url'),
    env: process.env,
    ...overrides,
  };
}
