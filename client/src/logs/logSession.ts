// One deployment followed into one channel: the shared follower, the channel adapter, and the
// stop switch. No `vscode` import, so tests drive it against the emulator with real SDK clients.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { followLogs, serviceLogGroups, type FollowerState, type FollowerTiming, type StoppedState } from '../../../common/src/logs';
import { describeError } from '../../../common/src/describeError';
import { ChannelSink, type LogWriter, type ResumePoint } from './channelSink';
import type { ResolvedDeployment } from './deploymentRef';

/** `all`: App Runner's service log and the application's; `service`: only App Runner's (during a deploy). */
export type LogScope = 'all' | 'service';

export interface LogSessionOptions {
  client: CloudWatchLogsClient;
  writer: LogWriter;
  scope: LogScope;
  /** Lines from this time on (ms since the epoch). */
  startTime: number;
  /** The channel already shows lines up to here (an earlier follower): go on from there instead. */
  resume?: ResumePoint;
  onState?: (state: FollowerState) => void;
  timing?: Partial<FollowerTiming>;
}

export class LogSession {
  private readonly controller = new AbortController();
  private readonly sink: ChannelSink;
  /** Resolves with the final state once the follower has stopped (it never rejects). */
  readonly done: Promise<StoppedState>;
  private finished = false;

  constructor(
    readonly deployment: ResolvedDeployment,
    readonly scope: LogScope,
    options: LogSessionOptions,
  ) {
    const groups = serviceLogGroups(deployment.serviceName, deployment.serviceId).filter((group) => scope === 'all' || group.source === 'service');
    const sources = groups.map((group) => group.source);
    // Going on where an earlier follower of the same sources stopped; an earlier service-only
    // follower (a deploy's) only hides the service lines it showed, the application's are read from the start.
    const resume = options.resume;
    const resumesAll = resume !== undefined && sources.every((source) => resume.sources.includes(source));
    const startTime = resumesAll ? resume.timestamp : options.startTime;
    const minutes = Math.round((Date.now() - options.startTime) / 60_000);
    this.sink = new ChannelSink(options.writer, { ...(options.onState ? { onState: options.onState } : {}), ...(resume ? { resume } : {}), sources, window: resumesAll ? 'since the last line above' : `in the last ${minutes} minute${minutes === 1 ? '' : 's'}` });
    const what = scope === 'all' ? 'service and application logs' : 'service log';
    const from = resumesAll ? `after its last line (${new Date(startTime).toISOString()})` : `from ${new Date(startTime).toISOString()}`;
    this.sink.note(`${deployment.displayName}: ${what} of ${deployment.serviceName} in ${deployment.region}, ${from}`);
    this.done = followLogs({ client: options.client, groups, startTime, signal: this.controller.signal, sink: this.sink, ...(options.timing ? { timing: options.timing } : {}) })
      .catch((error: unknown): StoppedState => {
        // The follower reports its own failures; this is the last guard so a channel never goes quiet.
        const state: StoppedState = { mode: 'stopped', cause: 'error', reason: describeError(error) };
        this.sink.state(state);
        return state;
      })
      .finally(() => {
        this.finished = true;
      });
  }

  get running(): boolean {
    return !this.finished;
  }

  get state(): FollowerState | undefined {
    return this.sink.currentState;
  }

  /** Where the channel's text ends, for a later follower of the same channel. */
  get resumePoint(): ResumePoint | undefined {
    return this.sink.resumePoint;
  }

  /** Stops the follower; `reason` is said in the channel's last header ("stopped: <reason>"). */
  stop(reason: string): Promise<StoppedState> {
    this.sink.stopping(reason);
    this.controller.abort();
    return this.done;
  }
}
