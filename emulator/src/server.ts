// The emulator's in-process API: one HTTP server on one port for App Runner, Secrets Manager,
// CloudWatch Logs (AWS JSON protocols) and CloudWatch metrics (JSON, query, RPC v2 CBOR), SigV4-verified, the control API (`/_emulator/...`) and the
// stand-in applications behind service URLs (`/_services/<ServiceUrl>/...`).
//
//   const emulator = await startEmulator({ port: 0, provisioningMs: 0 });
//   new AppRunnerClient({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
//   await emulator.control.reset();
//   await emulator.stop();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppLogTicker } from './apprunner/appLogTicker';
import { appRunnerService } from './apprunner/index';
import { AwsRouter } from './awsRouter';
import { cloudWatchService } from './cloudwatch/handlers';
import { observeServices } from './cloudwatch/observe';
import { CONTROL_PREFIX, handleControlRequest, LogGenerators } from './control';
import { ControlClient } from './controlClient';
import { Faults } from './faults';
import { logsService } from './logs/handlers';
import { LiveTailSessions } from './logs/liveTail';
import { StatePersistence } from './persistence';
import { RequestCounts } from './requestCounts';
import { seedSamples, startSampleTraffic } from './samples';
import { secretsManagerService } from './secrets/handlers';
import { handleServiceRequest, localServiceUrl, SERVICES_PREFIX } from './serviceSurface';
import type { Credentials } from './sigv4';
import { DEFAULT_QUOTAS, EmulatorState, type Quotas } from './state';

export { AUTH_KEY_ENV, localServiceUrl, SERVICES_PREFIX } from './serviceSurface';
export { SAMPLE_REGIONS, SAMPLE_SERVICES } from './samples';
export { FAILING_TAG_MARKER } from './apprunner/lifecycle';
export type { Credentials } from './sigv4';
export { ControlClient } from './controlClient';

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How long App Runner operations stay in progress. Default 3000 ms; 0 for fast tests. */
  provisioningMs?: number;
  /** Accepted credentials. Default: access key `test`, secret `test`. */
  credentials?: Credentials[];
  /** Load resources from this file if it exists, and keep it up to date. */
  stateFile?: string;
  /** Access key ids refused StartLiveTail (AccessDeniedException). */
  liveTailDenied?: string[];
  /** Interval of the application's health-check log lines (0: off). Default 10000 ms. */
  appLogIntervalMs?: number;
  /** Interval of Live Tail sessionUpdate messages. Default 1000 ms. */
  liveTailFlushMs?: number;
  /** Length of a Live Tail session before SessionTimeoutException. Default 3 hours, as on AWS. */
  liveTailSessionMs?: number;
  /** Default 123456789012. */
  accountId?: string;
  quotas?: Partial<Quotas>;
  /** Start with the sample account (when the state file brings no services) and its live application logs. */
  samples?: boolean;
}

export interface RunningEmulator {
  /** `http://HOST:PORT`: the endpoint URL for SDK clients and `aws --endpoint-url`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Direct access to the emulated resources (prefer the control API in tests). */
  readonly state: EmulatorState;
  readonly control: ControlClient;
  /** Where the stand-in application of the service with this ServiceUrl answers. */
  serviceEndpoint(serviceUrl: string): string;
  /** Ends live sessions, timers and connections, saves the state file, closes the port. */
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    request.on('error', reject);
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const state = new EmulatorState({
    accountId: options.accountId ?? '123456789012',
    provisioningMs: options.provisioningMs ?? 3000,
    appLogIntervalMs: options.appLogIntervalMs ?? 10_000,
    liveTailFlushMs: options.liveTailFlushMs ?? 1000,
    liveTailSessionMs: options.liveTailSessionMs ?? 3 * 60 * 60 * 1000,
    liveTailDenied: [...(options.liveTailDenied ?? [])],
    quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
  });
  const credentials = new Map((options.credentials ?? [{ accessKeyId: 'test', secretAccessKey: 'test' }]).map((c) => [c.accessKeyId, c.secretAccessKey]));
  const faults = new Faults();
  const sessions = new LiveTailSessions();
  const generators = new LogGenerators(state);
  const ticker = new AppLogTicker(state);
  const requests = new RequestCounts();
  const router = new AwsRouter(
    [appRunnerService(state), secretsManagerService(state), logsService(state, sessions), cloudWatchService(state)],
    () => credentials,
    faults,
    () => state.settings.accountId,
    requests,
  );
  // CloudWatch's ActiveInstances follows every status and scaling change of every service.
  const observe = (): void => observeServices(state, undefined, Date.now());
  state.events.on('change', observe);
  const persistence = options.stateFile ? new StatePersistence(state, options.stateFile) : undefined;
  persistence?.start();
  if (options.samples) {
    seedSamples(state);
    startSampleTraffic(state, generators);
  }
  ticker.restart();

  let url = '';
  const control = { state, faults, generators, requests, liveTailSessions: sessions, emulatorUrl: () => url, onSettingsChanged: () => ticker.restart() };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    if (body === undefined) {
      response.writeHead(413).end();
      return;
    }
    const path = request.url ?? '/';
    if (path.startsWith(CONTROL_PREFIX)) return handleControlRequest(control, request, response, body);
    if (path.startsWith(SERVICES_PREFIX)) return handleServiceRequest(state, request, response, body);
    if (AwsRouter.isAwsRequest(request)) return router.handle(request, response, body);
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('ZenML App Runner emulator: AWS requests need an X-Amz-Target header; see /_emulator/ and /_services/.\n');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('emulator: request failed:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let stopped: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    state,
    control: new ControlClient(url),
    serviceEndpoint: (serviceUrl) => localServiceUrl(url, serviceUrl),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        state.events.off('change', observe);
        sessions.endAll();
        generators.stopAll();
        ticker.stop();
        state.clearTimers();
        persistence?.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
