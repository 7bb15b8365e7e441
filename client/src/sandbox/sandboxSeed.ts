// The sample deployments a new sandbox holds: ZenML-named and tagged like ZenML's own, in the
// states the explorer distinguishes, plus one service ZenML did not make. Seeded through the
// emulator's control API (`POST /_emulator/services`).
import { deploymentIdFor, MANAGED_BY_ZENML, serviceNameFor, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../../../common/src/domain/naming';

export interface SampleService {
  name: string;
  status: 'RUNNING' | 'PAUSED' | 'CREATE_FAILED';
  healthCheckPath?: string;
  tags?: Record<string, string>;
  authKey?: string;
}

function zenmlService(deploymentName: string, status: SampleService['status'], authKey?: string): SampleService {
  const id = deploymentIdFor(deploymentName);
  const named = serviceNameFor('zenml-', deploymentName, id);
  if (!named.ok) throw new Error(named.reason);
  return {
    name: named.name,
    status,
    healthCheckPath: '/health',
    tags: { [TAG_MANAGED_BY]: MANAGED_BY_ZENML, [TAG_DEPLOYMENT_NAME]: deploymentName, [TAG_DEPLOYMENT_ID]: id },
    ...(authKey !== undefined ? { authKey } : {}),
  };
}

/** `weather-agent` running, `fraud-scoring` paused, `churn-report` failed, and `legacy-api` (not ZenML). */
export function sampleServices(): SampleService[] {
  return [
    zenmlService('weather-agent', 'RUNNING'),
    zenmlService('fraud-scoring', 'PAUSED'),
    zenmlService('churn-report', 'CREATE_FAILED'),
    { name: 'legacy-api', status: 'RUNNING', healthCheckPath: '/health' },
  ];
}

export async function seedSandbox(emulatorUrl: string, region: string, services: SampleService[] = sampleServices()): Promise<void> {
  const response = await fetch(`${emulatorUrl}/_emulator/services`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ region, services }),
  });
  if (!response.ok) throw new Error(`seeding the sandbox failed: HTTP ${response.status}: ${await response.text()}`);
}
