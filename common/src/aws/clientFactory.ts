// One place that builds the AWS SDK clients for a target (region, profile, endpoint), so the
// extension, the CLI and the tests reach AWS, the emulator or LocalStack the same way.
import { AppRunnerClient, CloudWatchClient, CloudWatchLogsClient, SecretsManagerClient } from './sdk';
import type { AppRunnerClientConfig } from '@aws-sdk/client-apprunner';

export interface AwsTarget {
  region: string;
  /** A profile of `~/.aws/config` / `credentials` (SSO profiles included); default: the SDK's chain. */
  profile?: string;
  /** An endpoint URL instead of AWS's (the project's emulator, LocalStack). */
  endpoint?: string;
}

export type AwsServiceName = 'apprunner' | 'secretsmanager' | 'logs' | 'monitoring';

export interface AwsClients {
  readonly target: AwsTarget;
  readonly appRunner: AppRunnerClient;
  readonly secrets: SecretsManagerClient;
  readonly logs: CloudWatchLogsClient;
  /** CloudWatch metrics (signing name `monitoring`). */
  readonly cloudWatch: CloudWatchClient;
  destroy(): void;
}

export interface AwsClientOptions {
  /** Fixed credentials (tests); otherwise the profile or the SDK's default chain. */
  credentials?: AppRunnerClientConfig['credentials'];
  /** Attempts per call in the SDK's standard retry mode (SDK default 3). */
  maxAttempts?: number;
  /** Told of every call before it is sent (retries not counted): benchmarks count calls with it. */
  onCall?: (service: AwsServiceName, operation: string) => void;
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

function observe(client: MiddlewareClient, service: AwsServiceName, onCall: NonNullable<AwsClientOptions['onCall']>): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      onCall(service, (context.commandName ?? 'Unknown').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'zenmlAppRunnerCallObserver' },
  );
}

/**
 * The clients for `target`, each created on first use (activation and `--help` stay fast),
 * with the SDK's standard retry mode. With an endpoint the Logs client drops host prefixes
 * (`streaming-` for StartLiveTail), which a loopback address cannot take.
 */
export function createAwsClients(target: AwsTarget, options: AwsClientOptions = {}): AwsClients {
  const base = {
    region: target.region,
    retryMode: 'standard',
    ...(target.profile !== undefined ? { profile: target.profile } : {}),
    ...(target.endpoint !== undefined ? { endpoint: target.endpoint } : {}),
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
  const made: { destroy(): void }[] = [];
  function lazy<T extends { destroy(): void }>(make: () => T, service: AwsServiceName): () => T {
    let client: T | undefined;
    return () => {
      if (!client) {
        client = make();
        if (options.onCall) observe(client as unknown as MiddlewareClient, service, options.onCall);
        made.push(client);
      }
      return client;
    };
  }
  const appRunner = lazy(() => new AppRunnerClient(base), 'apprunner');
  const secrets = lazy(() => new SecretsManagerClient(base), 'secretsmanager');
  const logs = lazy(() => new CloudWatchLogsClient({ ...base, ...(target.endpoint !== undefined ? { disableHostPrefix: true } : {}) }), 'logs');
  const cloudWatch = lazy(() => new CloudWatchClient(base), 'monitoring');
  return {
    target: { ...target },
    get appRunner() {
      return appRunner();
    },
    get secrets() {
      return secrets();
    },
    get logs() {
      return logs();
    },
    get cloudWatch() {
      return cloudWatch();
    },
    destroy() {
      for (const client of made.splice(0)) client.destroy();
    },
  };
}

/**
 * The region the SDK would use without one given: `AWS_REGION`, then the profile's `region` in
 * `~/.aws/config`. Undefined when neither says.
 */
export async function defaultRegion(profile?: string): Promise<string | undefined> {
  const probe = new SecretsManagerClient(profile !== undefined ? { profile } : {});
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}
