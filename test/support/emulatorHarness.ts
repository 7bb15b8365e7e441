// Starts the emulator in-process for a test file and builds the real AWS SDK clients against it.
import { after, before } from 'node:test';
import { AppRunnerClient, type CreateServiceCommandInput } from '@aws-sdk/client-apprunner';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/src/server';

// Belt and braces: nothing in these tests may look for instance credentials on the network.
process.env.AWS_EC2_METADATA_DISABLED = 'true';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface ClientOptions {
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
}

export function clientConfig(emulator: RunningEmulator, options: ClientOptions = {}) {
  return {
    endpoint: emulator.url,
    region: options.region ?? REGION,
    credentials: options.credentials ?? TEST_CREDENTIALS,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
}

export interface Clients {
  appRunner: AppRunnerClient;
  secrets: SecretsManagerClient;
  logs: CloudWatchLogsClient;
}

export function makeClients(emulator: RunningEmulator, options: ClientOptions = {}): Clients {
  const config = clientConfig(emulator, options);
  // StartLiveTail has the host prefix `streaming-`, which a loopback endpoint cannot take.
  return { appRunner: new AppRunnerClient(config), secrets: new SecretsManagerClient(config), logs: new CloudWatchLogsClient({ ...config, disableHostPrefix: true }) };
}

export interface TestEmulator extends Clients {
  emulator: RunningEmulator;
}

/**
 * One emulator for the enclosing suite (fast lifecycle by default), its clients, and cleanup after
 * the suite, also when a test fails. Use the returned object's fields inside tests only.
 */
export function useEmulator(options: EmulatorOptions = {}): TestEmulator {
  const context = {} as TestEmulator;
  before(async () => {
    context.emulator = await startEmulator({ port: 0, provisioningMs: 0, appLogIntervalMs: 0, liveTailFlushMs: 50, ...options });
    Object.assign(context, makeClients(context.emulator));
  });
  after(async () => {
    context.appRunner?.destroy();
    context.secrets?.destroy();
    context.logs?.destroy();
    await context.emulator?.stop();
  });
  return context;
}

/** Polls `probe` until it returns a value (not undefined), failing after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function privateImage(tag = 'latest', region = REGION): string {
  return `${ACCOUNT}.dkr.ecr.${region}.amazonaws.com/zenml:${tag}`;
}

/** A valid CreateService input for a private ECR image, with `overrides` merged on top. */
export function serviceInput(name: string, overrides: Partial<CreateServiceCommandInput> = {}, tag = 'latest'): CreateServiceCommandInput {
  return {
    ServiceName: name,
    SourceConfiguration: {
      ImageRepository: { ImageIdentifier: privateImage(tag), ImageRepositoryType: 'ECR', ImageConfiguration: { Port: '8000' } },
      AutoDeploymentsEnabled: false,
      AuthenticationConfiguration: { AccessRoleArn: `arn:aws:iam::${ACCOUNT}:role/apprunner-ecr-access` },
    },
    InstanceConfiguration: { Cpu: '1 vCPU', Memory: '2 GB' },
    HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/health' },
    ...overrides,
  };
}

/** Runs `action` and returns the error it throws (failing when it does not throw). */
export async function errorOf(action: () => Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await action();
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('expected the call to fail, it succeeded');
}
