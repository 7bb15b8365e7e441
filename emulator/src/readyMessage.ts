// What the emulator tells a parent process that started it with an IPC channel, once it accepts
// connections: its endpoint, where a service's URL is served on loopback (the parent prepends this
// to a ServiceUrl instead of `https://`), and the regions that hold services.
import { SERVICES_PREFIX } from './serviceSurface';
import type { RunningEmulator } from './server';

export interface ReadyMessage {
  type: 'ready';
  endpoint: string;
  serviceUrlBase: string;
  regions: string[];
}

export function readyMessage(emulator: RunningEmulator): ReadyMessage {
  const regions = [...emulator.state.regions.entries()].filter(([, region]) => [...region.services.values()].some((service) => service.status !== 'DELETED')).map(([name]) => name);
  return { type: 'ready', endpoint: emulator.url, serviceUrlBase: `${emulator.url}${SERVICES_PREFIX}`, regions: regions.sort() };
}
