// The sample deployments a new sandbox holds: ZenML-named and tagged like ZenML's own, in the
// states the explorer distinguishes, plus one service ZenML did not make. Seeded through the
// emulator's control API (`POST /_emulator/services`).
import { MANAGED_BY_ZENML, serviceNameFor, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../../../common/src/domain/naming';

export interface SampleService {
  name: string;
  status: 'RUNNING' | 'PAUSED' | 'CREATE_FAILED';
  healthCheckPath?: string;
  tags?: Record<string, string>;
  authKey?: string;
}

function zenmlService(deploymentName: string, id: string, status: SampleService['status'], authKey?: string): SampleService {
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
    zenmlService('weather-agent', '3f2a9c1e-7b4d-4e2a-9f10-5c6d7e8f9a0b', 'RUNNING'),
    zenmlService('fraud-scoring', 'a81c5e02-94d3-4b6f-8e21-0d7f3c9b5a64', 'PAUSED'),
    zenmlService('churn-report', 'c05b7d9e-2f61-4a8c-b3e4-6a9d1f0e7c28', 'CREATE_FAILED'),
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
