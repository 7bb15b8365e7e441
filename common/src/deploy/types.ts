// What the deploy engine needs from outside (passed in so tests, the CLI and the extension can
// drive it) and what it reports back.
import type { AwsClients } from '../aws/clientFactory';

export type ProgressEvent =
  | { kind: 'step'; message: string }
  /** A line of App Runner's service log (`/service` group): deployment events, failure reasons. */
  | { kind: 'log'; message: string; timestamp: number }
  | { kind: 'status'; status: string; message: string };

export interface EngineDeps {
  clients: AwsClients;
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
    /** The application's last lines before a failed deployment (what it printed as it died). */
    readonly applicationLines: string[] = [],
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
