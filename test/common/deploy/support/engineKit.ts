// Drives the deploy engine against the in-process emulator with the real SDK clients: deployer
// file texts, engine dependencies that record every call, and the orphan audit run after tests.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { createAwsClients, type AwsClients, type AwsServiceName } from '../../../../common/src/aws/clientFactory';
import { engineDeps, type EngineDeps, type ProgressEvent } from '../../../../common/src/deploy/engine';
import type { EmulatorOptions, RunningEmulator } from '../../../../emulator/src/server';
import { ACCOUNT, REGION, TEST_CREDENTIALS, useEmulator, type TestEmulator } from '../../../support/emulatorHarness';

export const SECRET_VALUE = 'tok-9f8e7d6c5b4a-secret';
export const ENV = { ZENML_STORE_API_TOKEN: SECRET_VALUE };

export interface FileOptions {
  name?: string;
  tag?: string;
  cpu?: number;
  memory?: string;
  maxReplicas?: number;
  logLevel?: string;
  secrets?: boolean;
  generateAuthKey?: boolean;
  kmsKey?: string;
  /** The deployer's tags as a YAML flow map; `{team: ml}` unless given. */
  tags?: string;
  extraDeployer?: string;
}

/** A valid deployer file for the emulated account. */
export function deployerFile(options: FileOptions = {}): string {
  const lines = [
    'deployment:',
    `  name: ${options.name ?? 'weather-agent'}`,
    `  image: ${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/zenml:${options.tag ?? 'weather_agent'}`,
    ...(options.secrets === false ? [] : ['  secrets:', '    ZENML_STORE_API_TOKEN: ${env:ZENML_STORE_API_TOKEN}']),
    'settings:',
    '  deployer:',
    `    region: ${REGION}`,
    `    instance_role_arn: arn:aws:iam::${ACCOUNT}:role/apprunner-instance`,
    `    access_role_arn: arn:aws:iam::${ACCOUNT}:role/apprunner-ecr-access`,
    '    health_check_protocol: HTTP',
    `    environment_variables: {LOG_LEVEL: ${options.logLevel ?? 'info'}}`,
    `    tags: ${options.tags ?? '{team: ml}'}`,
    ...(options.generateAuthKey === false ? [] : ['    generate_auth_key: true']),
    ...(options.kmsKey ? [`    encryption_kms_key: ${options.kmsKey}`] : []),
    ...(options.extraDeployer ? [options.extraDeployer] : []),
    '  resources:',
    `    cpu_count: ${options.cpu ?? 1}`,
    `    memory: ${options.memory ?? '2GB'}`,
    '    min_replicas: 1',
    `    max_replicas: ${options.maxReplicas ?? 10}`,
    '    max_concurrency: 80',
    '',
  ];
  return lines.join('\n');
}

const MUTATING = /^(Create|Update|Delete|Put|Tag|Untag|Start|Pause|Resume)/;

export interface Recorded {
  deps: EngineDeps;
  clients: AwsClients;
  calls: { service: AwsServiceName; operation: string }[];
  events: ProgressEvent[];
  mutating(): string[];
  reads(): string[];
  reset(): void;
}

export interface DepsOptions {
  env?: Record<string, string>;
  signal?: AbortSignal;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
}

const made = new Set<AwsClients>();

/** `useEmulator()` for engine tests: also closes every client `recordedDeps` made, after the suite. */
export function useEngineEmulator(options: EmulatorOptions = {}): TestEmulator {
  const context = useEmulator(options);
  after(() => {
    for (const clients of made) clients.destroy();
    made.clear();
  });
  return context;
}

/** Engine dependencies on real clients for the emulator, recording every call and progress event. */
export function recordedDeps(emulator: RunningEmulator, options: DepsOptions = {}): Recorded {
  const calls: Recorded['calls'] = [];
  const events: ProgressEvent[] = [];
  const clients = createAwsClients(
    { region: REGION, endpoint: emulator.url },
    { credentials: options.credentials ?? TEST_CREDENTIALS, onCall: (service, operation) => calls.push({ service, operation }), ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) },
  );
  made.add(clients);
  const deps = engineDeps(clients, { env: options.env ?? ENV, serviceUrl: (host) => emulator.serviceEndpoint(host), onProgress: (event) => events.push(event), ...(options.signal ? { signal: options.signal } : {}) });
  return {
    deps,
    clients,
    calls,
    events,
    mutating: () => calls.map((call) => call.operation).filter((operation) => MUTATING.test(operation)),
    reads: () => calls.map((call) => call.operation).filter((operation) => !MUTATING.test(operation)),
    reset: () => {
      calls.length = 0;
      events.length = 0;
    },
  };
}

/**
 * AWS as a whole is consistent: no CREATE_FAILED or DELETE_FAILED service, every secret and
 * every active non-default scaling revision belongs to a live service of the same deployment,
 * and no secret value sits in a plain environment variable, a log line or `output`.
 */
export async function assertNoOrphans(emulator: RunningEmulator, clients: Pick<AwsClients, 'appRunner' | 'logs'>, secretValues: readonly string[] = [SECRET_VALUE], output = ''): Promise<void> {
  const dump = await emulator.control.state();
  const region = dump.regions[REGION] ?? { services: [], autoScalingConfigurations: [], secrets: [], logGroups: [] };
  const live = region.services.filter((service) => service.status !== 'DELETED');
  for (const service of live) assert.ok(!['CREATE_FAILED', 'DELETE_FAILED'].includes(service.status), `service ${service.name} is ${service.status}`);
  const liveIds = new Set(live.map((service) => service.tags['zenml-deployment-id']).filter(Boolean));
  for (const secret of region.secrets.filter((s) => !s.scheduledForDeletion)) {
    assert.ok(liveIds.has(secret.tags['zenml-deployment-id']), `orphaned secret ${secret.name}`);
  }
  for (const config of region.autoScalingConfigurations.filter((c) => c.status === 'ACTIVE' && !c.isDefault)) {
    assert.ok(config.inUse, `orphaned auto scaling configuration ${config.name} revision ${config.revision}`);
  }
  for (const service of live) {
    const described = await clients.appRunner.send(new DescribeServiceCommand({ ServiceArn: service.arn }));
    const env = described.Service?.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {};
    for (const value of secretValues) assert.ok(!Object.values(env).some((v) => v.includes(value)), `a secret value is in ${service.name}'s plain environment`);
  }
  const groups = (await clients.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
  for (const group of groups) {
    const events = (await clients.logs.send(new FilterLogEventsCommand({ logGroupName: group.logGroupName }))).events ?? [];
    for (const value of secretValues) assert.ok(!events.some((event) => event.message?.includes(value)), `a secret value is in ${group.logGroupName}`);
  }
  for (const value of secretValues) assert.ok(!output.includes(value), 'a secret value is in the output');
}
