// While a service serves traffic with an HTTP health check, App Runner probes it and the
// application logs each probe: one access line per service every `appLogIntervalMs`.
import type { EmulatorState } from '../state';
import { accessLine, logApplication } from './serviceLogs';

export class AppLogTicker {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly state: EmulatorState) {}

  /** (Re)starts with the current interval; an interval of 0 stops it. */
  restart(): void {
    this.stop();
    const interval = this.state.settings.appLogIntervalMs;
    if (interval <= 0) return;
    this.timer = setInterval(() => this.tick(), interval);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    for (const region of this.state.regions.values()) {
      for (const service of region.services.values()) {
        const check = service.config.healthCheckConfiguration;
        if (service.serving && check.Protocol === 'HTTP') logApplication(this.state, service, [accessLine('GET', check.Path, 200)]);
      }
    }
  }
}
