// How an App Runner service looks in the Deployments view: icon, description and the menu key
// (`contextValue`), from its status and the operation it runs. Pure, so it is unit-tested.
import type { OperationType } from '@aws-sdk/client-apprunner';

/** The status groups the view distinguishes; each has its own icon and menu. */
export type ServiceState = 'running' | 'busy' | 'paused' | 'failed' | 'deleted' | 'unknown';

export interface StatusPresentation {
  state: ServiceState;
  /** A codicon id (`loading~spin` spins). */
  icon: string;
  /** A theme color id for the icon, when the status deserves one. */
  iconColor?: string;
  /** Shown after the name: the status, or the running operation ("Deploying…"). */
  description: string;
}

const RUNNING_OPERATION: Record<OperationType, string> = {
  CREATE_SERVICE: 'Creating…',
  UPDATE_SERVICE: 'Updating…',
  START_DEPLOYMENT: 'Deploying…',
  PAUSE_SERVICE: 'Pausing…',
  RESUME_SERVICE: 'Resuming…',
  DELETE_SERVICE: 'Deleting…',
};

export function stateOf(status: string | undefined): ServiceState {
  switch (status) {
    case 'RUNNING':
      return 'running';
    case 'OPERATION_IN_PROGRESS':
      return 'busy';
    case 'PAUSED':
      return 'paused';
    case 'CREATE_FAILED':
    case 'DELETE_FAILED':
      return 'failed';
    case 'DELETED':
      return 'deleted';
    default:
      return 'unknown';
  }
}

/** `operation` is the type of the service's running operation, when known (from ListOperations). */
export function presentStatus(status: string | undefined, operation?: string): StatusPresentation {
  const state = stateOf(status);
  switch (state) {
    case 'running':
      return { state, icon: 'pass-filled', iconColor: 'testing.iconPassed', description: 'Running' };
    case 'busy':
      return { state, icon: 'loading~spin', description: RUNNING_OPERATION[operation as OperationType] ?? 'Operation in progress…' };
    case 'paused':
      return { state, icon: 'debug-pause', iconColor: 'disabledForeground', description: 'Paused' };
    case 'failed':
      return { state, icon: 'error', iconColor: 'testing.iconFailed', description: status === 'DELETE_FAILED' ? 'Delete failed' : 'Create failed' };
    case 'deleted':
      return { state, icon: 'trash', iconColor: 'disabledForeground', description: 'Deleted' };
    default:
      return { state, icon: 'question', description: status ?? 'Unknown status' };
  }
}

/**
 * The tree item's `contextValue`: `zenmlAppRunner.service.<state>` plus `.zenml` for services
 * deployed by ZenML and `.file` when a zenml.deployer.yaml of the workspace declares the
 * deployment, so package.json menus match e.g. `viewItem =~ /^zenmlAppRunner\.service\.running/`.
 */
export function serviceContextValue(state: ServiceState, managed: boolean, hasFile = false): string {
  return `zenmlAppRunner.service.${state}${managed ? '.zenml' : ''}${hasFile ? '.file' : ''}`;
}
