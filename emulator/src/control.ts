// The control API, outside AWS's namespace at `/_emulator/...`, unsigned, for tests, benchmarks
// and the demo: reset, dump state, settings, seeding services, writing log events (at once or at
// a rate) and fault injection. Bodies are JSON; see controlTypes.ts and the README.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { isInUse } from './apprunner/describe';
import { seedServices } from './apprunner/seed';
import type { AppendLogsRequest, AppendLogsResponse, EmulatorSettingsPatch, FaultRequest, RegionDump, SeedServicesRequest, StateDump } from './controlTypes';
import type { Faults } from './faults';
import type { LiveTailSessions } from './logs/liveTail';
import type { RequestCounts } from './requestCounts';
import { appendEvents, createGroup, createStream } from './logs/store';
import { AwsError } from './protocol';
import { localServiceUrl } from './serviceSurface';
import type { EmulatorState } from './state';

export const CONTROL_PREFIX = '/_emulator/';

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': payload.length });
  response.end(payload);
}

function dumpRegion(state: EmulatorState, name: string): RegionDump {
  const region = state.region(name);
  return {
    services: [...region.services.values()].map((service) => ({
      arn: service.arn,
      name: service.name,
      id: service.id,
      status: service.status,
      url: service.url,
      tags: { ...service.tags },
      autoScalingConfigurationArn: service.config.autoScalingConfigurationArn,
      ...(service.config.sourceConfiguration.ImageRepository?.ImageIdentifier ? { image: service.config.sourceConfiguration.ImageRepository.ImageIdentifier } : {}),
      operations: service.operations.map((operation) => ({ id: operation.id, type: operation.type, status: operation.status })),
    })),
    autoScalingConfigurations: [...region.autoScaling.values()].map((record) => ({
      arn: record.arn,
      name: record.name,
      revision: record.revision,
      status: record.deletedAt === undefined ? 'ACTIVE' : 'INACTIVE',
      isDefault: record.isDefault,
      inUse: isInUse(region, record.arn),
      tags: { ...record.tags },
    })),
    secrets: [...region.secrets.values()].map((secret) => ({
      arn: secret.arn,
      name: secret.name,
      scheduledForDeletion: secret.deletionDate !== undefined,
      versions: secret.versions.length,
      tags: Object.fromEntries(secret.tags.map((tag) => [tag.Key, tag.Value])),
    })),
    logGroups: [...region.logGroups.values()].map((group) => ({
      name: group.name,
      streams: [...group.streams.values()].map((stream) => ({ name: stream.name, events: stream.events.length })),
    })),
  };
}

export function dumpState(state: EmulatorState): StateDump {
  return {
    settings: structuredClone(state.settings) as unknown as Record<string, unknown>,
    regions: Object.fromEntries([...state.regions.keys()].map((name) => [name, dumpRegion(state, name)])),
  };
}

function nonNegative(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ControlError(400, `${name} must be a non-negative number`);
  return value;
}

export function applySettings(state: EmulatorState, patch: EmulatorSettingsPatch): void {
  const settings = state.settings;
  settings.provisioningMs = nonNegative(patch.provisioningMs, 'provisioningMs') ?? settings.provisioningMs;
  settings.appLogIntervalMs = nonNegative(patch.appLogIntervalMs, 'appLogIntervalMs') ?? settings.appLogIntervalMs;
  settings.liveTailFlushMs = nonNegative(patch.liveTailFlushMs, 'liveTailFlushMs') ?? settings.liveTailFlushMs;
  settings.liveTailSessionMs = nonNegative(patch.liveTailSessionMs, 'liveTailSessionMs') ?? settings.liveTailSessionMs;
  if (patch.liveTailDenied !== undefined) {
    if (!Array.isArray(patch.liveTailDenied) || !patch.liveTailDenied.every((key) => typeof key === 'string')) throw new ControlError(400, 'liveTailDenied must be a list of access key ids');
    settings.liveTailDenied = [...patch.liveTailDenied];
  }
  for (const [key, value] of Object.entries(patch.quotas ?? {})) {
    if (!(key in settings.quotas)) throw new ControlError(400, `unknown quota ${key}`);
    settings.quotas[key as keyof typeof settings.quotas] = nonNegative(value, `quotas.${key}`) ?? settings.quotas[key as keyof typeof settings.quotas];
  }
}

/** Writes events into a stream (created with its group when missing), now or at a rate. */
export class LogGenerators {
  private readonly running = new Map<string, NodeJS.Timeout>();

  constructor(private readonly state: EmulatorState) {}

  append(request: AppendLogsRequest): AppendLogsResponse {
    if (typeof request.logGroupName !== 'string' || typeof request.logStreamName !== 'string') {
      throw new ControlError(400, 'logGroupName and logStreamName are required');
    }
    const region = this.state.region(request.region ?? 'us-east-1');
    const group = region.logGroups.get(request.logGroupName) ?? createGroup(region, request.logGroupName, Date.now());
    const stream = group.streams.get(request.logStreamName) ?? createStream(group, request.logStreamName, Date.now());
    const template = request.template ?? 'emulated log event {n}';
    const messages = request.messages ?? Array.from({ length: request.count ?? 1 }, (_, n) => template.replace(/\{n\}/g, String(n + 1)));
    if (request.ratePerSecond === undefined) {
      const start = request.startTime ?? Date.now();
      const step = request.stepMs ?? 0;
      appendEvents(this.state, region, group, stream, messages.map((message, i) => ({ timestamp: start + i * step, message })), Date.now());
      return { appended: messages.length };
    }
    const rate = nonNegative(request.ratePerSecond, 'ratePerSecond') ?? 0;
    if (rate <= 0) throw new ControlError(400, 'ratePerSecond must be positive');
    const id = randomUUID();
    // Ticks of at least 10 ms, each writing the events due by then.
    const tickMs = Math.max(10, 1000 / rate);
    const started = Date.now();
    let written = 0;
    const timer = setInterval(() => {
      const now = Date.now();
      const due = Math.floor(((now - started) / 1000) * rate) - written;
      const batch = Array.from({ length: Math.max(0, due) }, (_, i) => ({ timestamp: now, message: template.replace(/\{n\}/g, String(written + i + 1)) }));
      written += batch.length;
      if (batch.length > 0) appendEvents(this.state, region, group, stream, batch, now);
      if (request.durationMs !== undefined && now - started >= request.durationMs) this.stop(id);
    }, tickMs);
    this.running.set(id, timer);
    return { appended: 0, generatorId: id };
  }

  stop(id: string): boolean {
    const timer = this.running.get(id);
    if (timer) clearInterval(timer);
    return this.running.delete(id);
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }
}

export interface ControlContext {
  state: EmulatorState;
  faults: Faults;
  generators: LogGenerators;
  /** AWS requests received, by target. */
  requests: RequestCounts;
  /** Open Live Tail sessions, so that a test can drop them mid-stream. */
  liveTailSessions: LiveTailSessions;
  emulatorUrl: () => string;
  /** After settings change (e.g. the application log interval). */
  onSettingsChanged: () => void;
}

function parseBody<T>(body: Buffer): T {
  if (body.length === 0) return {} as T;
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
}

export function handleControlRequest(control: ControlContext, request: IncomingMessage, response: ServerResponse, body: Buffer): void {
  const path = (request.url ?? '').split('?')[0].slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  const route = `${request.method ?? 'GET'} ${path}`;
  const { state, faults, generators } = control;
  try {
    if (route === 'GET health') return sendJson(response, 200, { ok: true });
    if (route === 'POST reset') {
      generators.stopAll();
      faults.clear();
      state.reset();
      return sendJson(response, 200, { ok: true });
    }
    if (route === 'GET state') return sendJson(response, 200, dumpState(state));
    if (route === 'GET requests') return sendJson(response, 200, control.requests.snapshot());
    if (route === 'DELETE requests') {
      control.requests.clear();
      return sendJson(response, 200, { ok: true });
    }
    if (route === 'GET config') return sendJson(response, 200, state.settings);
    if (route === 'POST config') {
      applySettings(state, parseBody<EmulatorSettingsPatch>(body));
      control.onSettingsChanged();
      return sendJson(response, 200, state.settings);
    }
    if (route === 'POST services') {
      const seeded = seedServices(state, parseBody<SeedServicesRequest>(body));
      return sendJson(response, 200, {
        services: seeded.map((service) => ({
          arn: service.arn,
          name: service.name,
          id: service.id,
          url: service.url,
          status: service.status,
          localUrl: localServiceUrl(control.emulatorUrl(), service.url),
        })),
      });
    }
    if (route === 'POST logs') return sendJson(response, 200, generators.append(parseBody<AppendLogsRequest>(body)));
    if (route === 'DELETE logs/generators') {
      generators.stopAll();
      return sendJson(response, 200, { ok: true });
    }
    if (request.method === 'DELETE' && path.startsWith('logs/generators/')) {
      const stopped = generators.stop(path.slice('logs/generators/'.length));
      return sendJson(response, stopped ? 200 : 404, { ok: stopped });
    }
    if (route === 'POST live-tail/drop') return sendJson(response, 200, { dropped: control.liveTailSessions.dropAll() });
    if (route === 'GET faults') return sendJson(response, 200, { faults: faults.list() });
    if (route === 'POST faults') {
      const request = parseBody<FaultRequest>(body);
      try {
        return sendJson(response, 200, faults.add(request));
      } catch (error) {
        throw new ControlError(400, error instanceof Error ? error.message : String(error));
      }
    }
    if (route === 'DELETE faults') {
      faults.clear();
      return sendJson(response, 200, { ok: true });
    }
    sendJson(response, 404, { error: `unknown control route ${route}` });
  } catch (error) {
    if (error instanceof ControlError) return sendJson(response, error.status, { error: error.message });
    if (error instanceof AwsError) return sendJson(response, 400, { error: error.message, code: error.code });
    throw error;
  }
}
