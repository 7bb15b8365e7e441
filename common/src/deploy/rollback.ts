// Undoing what a failed deploy created, so nothing is left behind: each step is retried on top
// of the SDK's own retries, because a cleanup that gives up early leaves an orphan.
import { deleteAutoScalingConfiguration, deleteService } from '../aws/appRunner';
import { AwsCallError, isNotFound } from '../aws/errors';
import { deleteSecretNow, putSecretValue } from '../aws/secrets';
import type { EngineDeps } from './types';
import { waitForService } from './wait';

const CLEANUP_ATTEMPTS = 4;

/** Runs `action` until it succeeds (a missing resource counts as done); the last error if never. */
export async function persistently(deps: EngineDeps, what: string, action: () => Promise<unknown>): Promise<void> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= CLEANUP_ATTEMPTS; attempt++) {
    try {
      await action();
      return;
    } catch (error) {
      if (isNotFound(error)) return;
      lastError = error;
      if (error instanceof AwsCallError && ['access-denied', 'no-credentials', 'bad-credentials', 'sso-expired'].includes(error.kind)) break;
      await deps.clock.sleep(250 * attempt); // not cancellable: cleanup must finish
    }
  }
  throw new Error(`Could not ${what}: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

export interface CreatedResources {
  serviceArn?: string;
  serviceName?: string;
  serviceId?: string;
  secretArn?: string;
  scalingArn?: string;
  /** The secret's earlier content, to put back when an update fails. */
  restoreSecret?: { arn: string; value: string };
}

/**
 * Removes what this deploy made (service first, it holds the others), puts a changed secret back,
 * and returns what could not be undone (empty when AWS is back as it was).
 */
export async function rollBack(deps: EngineDeps, created: CreatedResources, timeoutMs: number): Promise<string[]> {
  const problems: string[] = [];
  const step = async (what: string, action: () => Promise<unknown>): Promise<void> => {
    deps.onProgress?.({ kind: 'step', message: `Rolling back: ${what}` });
    try {
      await persistently(deps, what, action);
    } catch (error) {
      problems.push((error as Error).message);
    }
  };
  const { serviceArn } = created;
  if (serviceArn !== undefined) {
    await step(`delete service ${created.serviceName ?? serviceArn}`, async () => {
      await deleteService(deps.clients, serviceArn);
      const noSignal = { ...deps, signal: undefined };
      await waitForService(noSignal, { serviceArn, serviceName: created.serviceName ?? '', serviceId: created.serviceId ?? '', since: deps.clock.now(), timeoutMs, until: 'deleted' });
    });
  }
  const { secretArn, scalingArn, restoreSecret } = created;
  if (secretArn !== undefined) await step('delete the new secret', () => deleteSecretNow(deps.clients, secretArn));
  if (restoreSecret !== undefined) await step('restore the secret values', () => putSecretValue(deps.clients, restoreSecret.arn, restoreSecret.value));
  if (scalingArn !== undefined) await step('delete the new auto scaling revision', () => deleteAutoScalingConfiguration(deps.clients, scalingArn));
  return problems;
}
