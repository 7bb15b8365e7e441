// What one run of `applyPlan` carries from step to step: the plan, the engine's dependencies, the
// outputs of the calls made so far (for placeholders), what it created (for a rollback) and the
// warnings it collected.
import type { CallResults } from './calls';
import type { DeployPlan } from './plan';
import type { CreatedResources } from './rollback';
import type { EngineDeps } from './types';

export interface ApplyRun {
  plan: DeployPlan;
  deps: EngineDeps;
  results: CallResults;
  created: CreatedResources;
  warnings: string[];
  /** When the run started: service log lines from then on belong to it. */
  since: number;
  timeoutMs: number;
}

export function startRun(plan: DeployPlan, deps: EngineDeps): ApplyRun {
  return { plan, deps, results: new Map(), created: {}, warnings: [], since: Date.now(), timeoutMs: plan.desired.lcmTimeoutMs };
}
