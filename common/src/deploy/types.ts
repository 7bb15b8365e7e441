// What the deploy engine needs from outside (passed in so tests, the CLI and the extension can
// drive it) and what it reports back.
import type { AwsClients } from '../aws/clientFactory';

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type ProgressEvent =
  | { kind: 'step'; message: string }
  /** A line of App Runner's service log (`/service` group): deployment events, failure reasons. */
  | { kind: 'log'; message: string; timestamp: number }
  | { kind: 'status'; status: string; message: string };

export interface EngineDeps {
  clients: AwsClients;
  clock: Clock;
  /** A fresh UUID for a new deployment (ZenML's naming takes its first 8 characters). */
  newId(): string;
  /** A fresh auth key (never printed). */
  newAuthKey(): string;
  /** For `${env:NAME}` references in `deployment.secrets`. */
  env: Readonly<Record<string, string | undefined>>;
  onProgress?(event: ProgressEvent): void;
  signal?: AbortSignal;
  /** For the health URL check; defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Where this machine reaches a service's URL (`host` without scheme, as App Runner reports it).
   * Default `https://<host>`, as on AWS; only a sandbox the caller started itself maps it elsewhere.
   */
  serviceUrl?(host: string): string;
}

/** A deploy that cannot start: bad input, found before any AWS call changes anything. */
export class DeployInputError extends Error {
  constructor(
    message: string,
    /** One line per problem, e.g. `zenml.deployer.yaml:7:28: error schema.enum ...`. */
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'DeployInputError';
  }
}

/** An operation that ran and failed; `state` says how AWS was left. */
export class DeployFailedError extends Error {
  constructor(
    message: string,
    readonly state: string,
    /** The last lines of App Runner's service log, when they say why. */
    readonly logLines: string[] = [],
  ) {
    super(message);
    this.name = 'DeployFailedError';
  }
}

/** Stopped on request (Ctrl+C, the editor's cancel); `state` says where AWS is. */
export class DeployCancelledError extends Error {
  constructor(
    message: string,
    readonly state: string,
  ) {
    super(message);
    this.name = 'DeployCancelledError';
  }
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
