// What the demo's emulator holds: ZenML-style services in several states (one paused, one failed)
// and application logs that keep arriving, so the explorer and log views have something to show.
import { sampleServices } from '../../../client/src/sandbox/sandboxSeed';
import { ControlClient } from '../../emulator/src/controlClient';

/** Seeds the services (unless the state file brought them back) and starts live log generators. */
export async function seedDemo(endpoint: string): Promise<string> {
  const control = new ControlClient(endpoint);
  const before = await control.state();
  const reused = Object.values(before.regions).some((region) => region.services.length > 0);
  if (!reused) {
    // The same sample deployments as the extension's Local Sandbox, named and tagged the way ZenML
    // names and tags its own, so the explorer's default filter shows them.
    await control.seedServices({ region: 'us-east-1', services: sampleServices() });
    await control.seedServices({ region: 'eu-west-1', services: sampleServices().slice(0, 1) });
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
