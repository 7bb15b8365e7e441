// The sample account behind `--seed samples` (the Local Sandbox and `npm run demo`): ZenML
// deployments in the states a user meets (running, paused, failed), the same deployment in a second
// region, one service ZenML did not make, and application logs that keep arriving, plain and JSON.
// Names and tags follow ZenML's own convention (`zenml-<name>-<first 8 of the deployment id>`),
// written out here because the emulator shares no code with the product it stands in for.
import type { SeedService } from './controlTypes';
import type { LogGenerators } from './control';
import { seedServices } from './apprunner/seed';
import { applicationLogGroup } from './apprunner/serviceLogs';
import type { EmulatorState } from './state';

interface SampleDeployment {
  deployment: string;
  id: string;
  status: NonNullable<SeedService['status']>;
}

const DEPLOYMENTS: SampleDeployment[] = [
  { deployment: 'weather-agent', id: '3f2a9c1e-7b4d-4e2a-9f10-5c6d7e8f9a0b', status: 'RUNNING' },
  { deployment: 'fraud-scoring', id: 'a81c5e02-94d3-4b6f-8e21-0d7f3c9b5a64', status: 'PAUSED' },
  { deployment: 'churn-report', id: 'c05b7d9e-2f61-4a8c-b3e4-6a9d1f0e7c28', status: 'CREATE_FAILED' },
];

function zenmlService({ deployment, id, status }: SampleDeployment): SeedService {
  return {
    name: `zenml-${deployment}-${id.slice(0, 8)}`,
    status,
    healthCheckPath: '/health',
    tags: { 'managed-by': 'zenml', 'zenml-deployment-name': deployment, 'zenml-deployment-id': id },
  };
}

/** Region → the services it starts with. */
export const SAMPLE_SERVICES: Readonly<Record<string, readonly SeedService[]>> = {
  'us-east-1': [...DEPLOYMENTS.map(zenmlService), { name: 'legacy-api', status: 'RUNNING', healthCheckPath: '/health' }],
  'eu-west-1': [zenmlService(DEPLOYMENTS[0])],
};

export const SAMPLE_REGIONS = Object.keys(SAMPLE_SERVICES);

/** Seeds the sample services unless the state (from a state file) already holds services. */
export function seedSamples(state: EmulatorState): void {
  const empty = [...state.regions.values()].every((region) => [...region.services.values()].every((service) => service.status === 'DELETED'));
  if (!empty) return;
  for (const [region, services] of Object.entries(SAMPLE_SERVICES)) seedServices(state, { region, services: [...services] });
}

/**
 * Starts a slow stream of application lines for every running ZenML sample: pipeline runs as a
 * ZenML server logs them, every third one as JSON. Generators do not survive a restart, so this
 * runs at every start.
 */
export function startSampleTraffic(state: EmulatorState, generators: LogGenerators): void {
  for (const [regionName, region] of state.regions) {
    for (const service of region.services.values()) {
      if (service.status !== 'RUNNING' || service.tags['managed-by'] !== 'zenml') continue;
      const deployment = service.tags['zenml-deployment-name'] ?? service.name;
      const logGroupName = applicationLogGroup(service);
      const logStreamName = `instance/${service.instanceId}`;
      generators.append({ region: regionName, logGroupName, logStreamName, template: `INFO:     Pipeline run {n} of ${deployment} finished in 1.2 s`, ratePerSecond: 0.5 });
      generators.append({
        region: regionName,
        logGroupName,
        logStreamName,
        template: JSON.stringify({ level: 'INFO', logger: 'zenml.deployers.server', message: 'invocation served', deployment, run: '{n}', duration_ms: 1184 }),
        ratePerSecond: 0.25,
      });
    }
  }
}
