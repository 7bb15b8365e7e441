// Waiting for App Runner: poll the service with a growing interval until its operation settles
// (or it is gone), pass on new lines of its service log, honour cancellation and the timeout.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Service } from '@aws-sdk/client-apprunner';
import { describeService } from '../aws/appRunner';
import { isNotFound } from '../aws/errors';
import { logLinesSince, serviceLogGroup, type LogLine } from '../aws/logs';
import { DeployCancelledError, DeployFailedError, type EngineDeps } from './types';

export interface WaitTarget {
  serviceArn: string;
  serviceName: string;
  serviceId: string;
  /** Log lines from this time on are reported. */
  since: number;
  timeoutMs: number;
  until: 'settled' | 'deleted';
}

const FIRST_INTERVAL_MS = 50;
const MAX_INTERVAL_MS = 5_000;
/** Transient read failures (after the SDK's own retries) tolerated in a row while waiting. */
const MAX_READ_FAILURES = 5;

/**
 * Reports each service log event once, by CloudWatch's event id: events that share a timestamp
 * are all reported, and re-reading from the newest timestamp seen repeats none.
 */
export class ServiceLogFollower {
  private readonly seen = new Set<string>();
  private newest: number;
  readonly lines: LogLine[] = [];
  /** Why the log could not be read, when it could not (it is a bonus: the wait goes on). */
  readError: unknown;

  constructor(
    private readonly deps: EngineDeps,
    private readonly logGroup: string,
    since: number,
  ) {
    this.newest = since;
  }

  async poll(): Promise<void> {
    let lines: LogLine[];
    try {
      lines = await logLinesSince(this.deps.clients, this.logGroup, this.newest);
    } catch (error) {
      this.readError = error;
      return;
    }
    for (const line of lines) {
      if (this.seen.has(line.eventId)) continue;
      this.seen.add(line.eventId);
      this.newest = Math.max(this.newest, line.timestamp);
      this.lines.push(line);
      this.deps.onProgress?.({ kind: 'log', message: line.message, timestamp: line.timestamp });
    }
  }

  tail(count: number): string[] {
    return this.lines.slice(-count).map((line) => line.message);
  }
}

export function followerFor(deps: EngineDeps, target: Pick<WaitTarget, 'serviceName' | 'serviceId' | 'since'>): ServiceLogFollower {
  return new ServiceLogFollower(deps, serviceLogGroup(target.serviceName, target.serviceId), target.since);
}

function cancelledWhileWaiting(target: WaitTarget, status: string): DeployCancelledError {
  return new DeployCancelledError(
    `Stopped waiting for ${target.serviceName}: it is ${status}. App Runner finishes the running operation on its own; nothing is left half-made. Check its status later.`,
    status,
  );
}

/** The service once it is no longer OPERATION_IN_PROGRESS (undefined when `until: deleted` and it is gone). */
export async function waitForService(deps: EngineDeps, target: WaitTarget, follower?: ServiceLogFollower): Promise<Service | undefined> {
  const started = Date.now();
  const logs = follower ?? followerFor(deps, target);
  let interval = FIRST_INTERVAL_MS;
  let lastStatus = 'OPERATION_IN_PROGRESS';
  let failures = 0;
  for (;;) {
    let service: Service | undefined;
    try {
      service = await describeService(deps.clients, target.serviceArn);
      failures = 0;
    } catch (error) {
      if (isNotFound(error) && target.until === 'deleted') return undefined;
      if (++failures > MAX_READ_FAILURES) throw error;
    }
    await logs.poll();
    if (service) {
      const status = service.Status ?? 'UNKNOWN';
      if (status !== lastStatus) deps.onProgress?.({ kind: 'status', status, message: `${target.serviceName}: ${status}` });
      lastStatus = status;
      if (target.until === 'deleted' && status === 'DELETED') return undefined;
      if (status !== 'OPERATION_IN_PROGRESS' && !(target.until === 'deleted' && status !== 'DELETE_FAILED')) return service;
    }
    if (Date.now() - started > target.timeoutMs) {
      throw new DeployFailedError(
        `${target.serviceName} is still ${lastStatus} after ${Math.round(target.timeoutMs / 1000)} s (lcm_timeout). App Runner goes on with the operation; check its status later.`,
        lastStatus,
        logs.tail(10),
      );
    }
    try {
      await sleep(interval, undefined, deps.signal ? { signal: deps.signal } : {});
    } catch {
      throw cancelledWhileWaiting(target, lastStatus);
    }
    interval = Math.min(MAX_INTERVAL_MS, interval * 2);
  }
}
