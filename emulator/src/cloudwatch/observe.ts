// Keeps the metric store's instance timelines in step with the services: called on every state
// change and before every metrics read, so pauses, resumes, deletions and scaling changes show in
// ActiveInstances at the minute they happen.
import type { ServiceRecord } from '../apprunner/records';
import type { EmulatorState, RegionState } from '../state';
import type { ServiceScaling } from './metricStore';

function scalingOf(region: RegionState, service: ServiceRecord): ServiceScaling {
  const scaling = region.autoScaling.get(service.config.autoScalingConfigurationArn);
  return {
    serving: service.serving,
    minSize: scaling?.minSize ?? 1,
    maxSize: scaling?.maxSize ?? 25,
    maxConcurrency: scaling?.maxConcurrency ?? 100,
  };
}

/** Notes the current instances of every service of `regionName` (all regions when omitted). */
export function observeServices(state: EmulatorState, regionName: string | undefined, now: number): void {
  for (const region of state.regions.values()) {
    if (regionName !== undefined && region.name !== regionName) continue;
    for (const service of region.services.values()) state.metrics.observe(service, scalingOf(region, service), now);
  }
}
