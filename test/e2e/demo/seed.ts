// What the demo's emulator holds: ZenML-style services in several states (one paused, one failed)
// and application logs that keep arriving, so the explorer and log views have something to show.
import { ControlClient } from '../../emulator/src/controlClient';

const zenmlTags = (deployment: string): Record<string, string> => ({
  'zenml-deployment-name': deployment,
  'zenml-deployment-id': `${deployment}-0001`,
  'managed-by': 'zenml',
});

/** Seeds the services (unless the state file brought them back) and starts live log generators. */
export async function seedDemo(endpoint: string): Promise<string> {
  const control = new ControlClient(endpoint);
  const before = await control.state();
  const reused = Object.values(before.regions).some((region) => region.services.length > 0);
  if (!reused) {
    await control.seedServices({
      region: 'us-east-1',
      services: [
        { name: 'weather-agent', status: 'RUNNING', cpu: '1 vCPU', memory: '2 GB', healthCheckPath: '/health', tags: zenmlTags('weather-agent') },
        { name: 'churn-predictor', status: 'RUNNING', cpu: '2 vCPU', memory: '4 GB', tags: zenmlTags('churn-predictor') },
        { name: 'nightly-batch', status: 'PAUSED', cpu: '0.25 vCPU', memory: '0.5 GB', tags: zenmlTags('nightly-batch') },
        { name: 'broken-release', status: 'CREATE_FAILED', tags: zenmlTags('broken-release') },
      ],
    });
    await control.seedServices({ region: 'eu-west-1', services: [{ name: 'weather-agent-eu', status: 'RUNNING', tags: zenmlTags('weather-agent-eu') }] });
  }
  // Generators do not survive a restart, so they start every time.
  let generators = 0;
  for (const [region, dump] of Object.entries((await control.state()).regions)) {
    for (const service of dump.services.filter((candidate) => candidate.status === 'RUNNING')) {
      await control.appendLogs({
        region,
        logGroupName: `/aws/apprunner/${service.name}/${service.id}/application`,
        logStreamName: `instance/${service.id}`,
        template: `INFO:     127.0.0.1:5${'{n}'} - "POST /invoke HTTP/1.1" 200 OK (${service.name} run {n})`,
        ratePerSecond: 2,
      });
      generators += 1;
    }
  }
  return `${reused ? 'services from the state file' : 'seeded 5 services'} in 2 regions, ${generators} live log streams`;
}
