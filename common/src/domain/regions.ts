// The AWS regions where App Runner runs, read from the schema's `region` enum (single source).
import { factsAt } from './schemaFacts';

function readRegions(): readonly string[] {
  const values = factsAt(['settings', 'deployer', 'region'])?.enum ?? [];
  const regions = values.filter((value): value is string => typeof value === 'string');
  if (regions.length === 0) throw new Error('The schema lists no App Runner regions');
  return Object.freeze(regions);
}

/** The 11 regions App Runner is available in, in the schema's order. */
export const APP_RUNNER_REGIONS: readonly string[] = readRegions();

const REGION_SET: ReadonlySet<string> = new Set(APP_RUNNER_REGIONS);

/** True when `value` is a region where App Runner is available. */
export function isAppRunnerRegion(value: unknown): value is string {
  return typeof value === 'string' && REGION_SET.has(value);
}
