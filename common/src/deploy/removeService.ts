// Deleting an App Runner service and waiting until it is gone: after a running operation ends,
// and once more when the delete itself fails (DELETE_FAILED), which App Runner allows to retry.
import { deleteService, describeService } from '../aws/appRunner';
import { isNotFound } from '../aws/errors';
import { DeployFailedError, type EngineDeps } from './types';
import { waitForService } from './wait';

export interface ServiceRef {
  serviceArn: string;
  serviceName: string;
  serviceId: string;
}

const DELETE_ATTEMPTS = 2;

export async function removeService(deps: EngineDeps, ref: ServiceRef, timeoutMs: number): Promise<void> {
  const target = (since: number, until: 'settled' | 'deleted') => ({ ...ref, since, timeoutMs, until });
  for (let attempt = 1; ; attempt++) {
    const current = await describeService(deps.clients, ref.serviceArn).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!current || current.Status === 'DELETED') return;
    if (current.Status === 'OPERATION_IN_PROGRESS') await waitForService(deps, target(Date.now(), 'settled'));
    deps.onProgress?.({ kind: 'step', message: attempt === 1 ? `Deleting service ${ref.serviceName}` : `Deleting service ${ref.serviceName} again: the last delete failed (DELETE_FAILED)` });
    const since = Date.now();
    try {
      await deleteService(deps.clients, ref.serviceArn);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    const after = await waitForService(deps, target(since, 'deleted'));
    if (!after) return;
    if (attempt >= DELETE_ATTEMPTS) {
      throw new DeployFailedError(
        `${ref.serviceName} is ${after.Status ?? 'DELETE_FAILED'} after ${DELETE_ATTEMPTS} delete attempts: its service log says why; run the delete again later, or delete it in the AWS console.`,
        after.Status ?? 'DELETE_FAILED',
      );
    }
  }
}
