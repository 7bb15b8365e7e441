// `--state FILE`: resources survive a restart (for the demo). The file is rewritten shortly after
// each change and when the emulator stops; operations that were running resume their timers.
// Settings are not saved: the command line decides them on each start.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AutoScalingRecord, ServiceRecord } from './apprunner/records';
import { resumeOperations } from './apprunner/lifecycle';
import type { LogGroupRecord, LogStreamRecord } from './logs/records';
import type { SecretRecord } from './secrets/records';
import type { EmulatorState } from './state';

const FORMAT_VERSION = 1;
const SAVE_DELAY_MS = 250;

interface SavedRegion {
  name: string;
  services: ServiceRecord[];
  autoScaling: AutoScalingRecord[];
  secrets: SecretRecord[];
  logGroups: (Omit<LogGroupRecord, 'streams'> & { streams: LogStreamRecord[] })[];
}

interface SavedState {
  version: number;
  seq: number;
  regions: SavedRegion[];
}

function serialise(state: EmulatorState): SavedState {
  return {
    version: FORMAT_VERSION,
    seq: state.lastSeq,
    regions: [...state.regions.values()].map((region) => ({
      name: region.name,
      services: [...region.services.values()],
      autoScaling: [...region.autoScaling.values()],
      secrets: [...region.secrets.values()],
      logGroups: [...region.logGroups.values()].map((group) => ({ ...group, streams: [...group.streams.values()] })),
    })),
  };
}

function restore(state: EmulatorState, saved: SavedState): void {
  if (saved.version !== FORMAT_VERSION) throw new Error(`unsupported state file version ${saved.version}`);
  for (const savedRegion of saved.regions) {
    const region = state.region(savedRegion.name);
    for (const service of savedRegion.services) region.services.set(service.arn, service);
    for (const record of savedRegion.autoScaling) region.autoScaling.set(record.arn, record);
    for (const secret of savedRegion.secrets) region.secrets.set(secret.arn, secret);
    for (const group of savedRegion.logGroups) {
      region.logGroups.set(group.name, { ...group, streams: new Map(group.streams.map((stream) => [stream.name, stream])) });
    }
  }
  state.bumpSeq(saved.seq);
}

export class StatePersistence {
  private timer: NodeJS.Timeout | undefined;
  private readonly onChange = (): void => {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
  };

  constructor(
    private readonly state: EmulatorState,
    private readonly file: string,
  ) {}

  /** Loads the file if it exists, then saves after every change. */
  start(): void {
    if (existsSync(this.file)) {
      restore(this.state, JSON.parse(readFileSync(this.file, 'utf8')) as SavedState);
      resumeOperations(this.state);
    }
    this.state.events.on('change', this.onChange);
  }

  save(): void {
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(serialise(this.state)));
    renameSync(temporary, this.file);
  }

  stop(): void {
    this.state.events.off('change', this.onChange);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.save();
  }
}
