// The deploy engine's front door, shared by the CLI and the extension: default dependencies,
// and plan-from-text. Nothing here imports `vscode`.
import { readDeployerFile } from './deployerInput';
import type { DeployPlan } from './plan';
import { prepareDeploy, type PrepareOptions } from './prepare';
import type { EngineDeps } from './types';

export { engineDeps } from './engineDeps';

export interface PlanTextOptions extends PrepareOptions {
  /** Which deployment of a file holding several. */
  deploymentName?: string;
}

/** Validates the text (errors stop everything), reads AWS and returns the plan. */
export async function planFromText(text: string, fileLabel: string, deps: EngineDeps, options: PlanTextOptions = {}): Promise<DeployPlan> {
  const file = readDeployerFile(text, fileLabel, options.deploymentName);
  return prepareDeploy(file, deps, options);
}

export { applyPlan, type DeployResult } from './apply';
export { buildPlan, planToJson, type DeployPlan, type PlanCall } from './plan';
export { callInWords } from './calls';
export { readDeployerFile } from './deployerInput';
export { changeDeployment, deploymentOperations, deploymentStatus, listDeployments } from './lifecycle';
export { deleteDeployment } from './deleteDeployment';
export { findDeployment, type FoundDeployment } from './findDeployment';
export { DeployCancelledError, DeployFailedError, DeployInputError, type EngineDeps, type ProgressEvent } from './types';
