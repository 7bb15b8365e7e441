// Undoing what a failed deploy created, so nothing is left behind: each step is retried on top
// of the SDK's own retries, because a cleanup that gives up early leaves an orphan.
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteAutoScalingConfiguration } from '../aws/appRunner';
import { AwsCallError, isNotFound } from '../aws/errors';
import { deleteSecretNow, getSecretString, putSecretValue } from '../aws/secrets';
import { describeError } from '../describeError';
import type { EngineDeps } from './types';

const CLEANUP_ATTEMPTS = 4;
const GIVE_UP_AT_ONCE = new Set(['access-denied', 'no-credentials', 'bad-credentials', 'sso-expired']);

/** Runs `action` until it succeeds (a missing resource counts as done); the last error if never. */
export async function persistently(what: string, action: () => Promise<unknown>): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= CLEANUP_ATTEMPTS; attempt++) {
    try {
      await action();
      return;
    } catch (error) {
      if (isNotFound(error)) return;
      lastError = error;
      if (error instanceof AwsCallError && GIVE_UP_AT_ONCE.has(error.kind)) break;
      await sleep(250 * attempt); // not cancellable: cleanup must finish
    }
  }
  throw new Error(`Could not ${what}: ${describeError(lastError)}`);
}

export interface CreatedResources {
  /** A service this deploy created, with how to remove it (it holds the others, so it goes first). */
  service?: { name: string; remove(): Promise<void> };
  secretArn?: string;
  scalingArn?: string;
  /** The secret's content before this deploy and what this deploy wrote, to put the old one back. */
  restoreSecret?: { arn: string; previous: string; written: string };
}

/**
 * Removes what this deploy made, puts a changed secret back (only if nobody wrote it since), and
 * returns what could not be undone (empty when AWS is back as it was).
 */
export async function rollBack(deps: EngineDeps, created: CreatedResources): Promise<string[]> {
  const problems: string[] = [];
  const step = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    deps.onProgress?.({ kind: 'step', message: `Rolling back: ${what}` });
    try {
      await persistently(what, action);
    } catch (error) {
      problems.push(describeError(error));
    }
  };
  const { service, secretArn, scalingArn, restoreSecret } = created;
  if (service !== undefined) await step(`delete service ${service.name}`, () => service.remove());
  if (secretArn !== undefined) await step('delete the new secret', () => deleteSecretNow(deps.clients, secretArn));
  if (restoreSecret !== undefined) {
    await step('restore the secret values', async () => {
      // Another deploy may have written the secret since: its values stay.
      if ((await getSecretString(deps.clients, restoreSecret.arn)) === restoreSecret.written) await putSecretValue(deps.clients, restoreSecret.arn, restoreSecret.previous);
    });
  }
  if (scalingArn !== undefined) await step('delete the new auto scaling revision', () => deleteAutoScalingConfiguration(deps.clients, scalingArn));
  return problems;
}
