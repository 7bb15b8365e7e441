// The stand-in for a deployed ZenML pipeline's HTTP server. A real ServiceUrl is a public host
// name nothing here can reach, so `https://<ServiceUrl>/<path>` is served on loopback at
// `http://HOST:PORT/_services/<ServiceUrl>/<path>`. It answers only while the service serves
// traffic, checks the bearer key on POST /invoke and logs every request to the application log
// group, as the real server does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { logApplication, accessLine } from './apprunner/serviceLogs';
import type { ServiceRecord } from './apprunner/records';
import { uuid } from './ids';
import { resolveSecretReference } from './secrets/store';
import type { EmulatorState } from './state';

export const SERVICES_PREFIX = '/_services/';

/**
 * The environment variable (plain or from RuntimeEnvironmentSecrets) holding the key the
 * deployment's /invoke endpoint expects as `Authorization: Bearer <key>`.
 */
export const AUTH_KEY_ENV = 'ZENML_DEPLOYMENT_AUTH_KEY';

export function localServiceUrl(emulatorUrl: string, serviceUrl: string): string {
  return `${emulatorUrl}${SERVICES_PREFIX}${serviceUrl}`;
}

function findByUrl(state: EmulatorState, host: string): ServiceRecord | undefined {
  const wanted = host.toLowerCase();
  for (const region of state.regions.values()) {
    for (const service of region.services.values()) if (service.url === wanted && service.status !== 'DELETED') return service;
  }
  return undefined;
}

function authKey(state: EmulatorState, service: ServiceRecord): string | undefined {
  if (service.authKeyOverride !== undefined) return service.authKeyOverride;
  const image = service.config.sourceConfiguration.ImageRepository?.ImageConfiguration;
  const plain = image?.RuntimeEnvironmentVariables?.[AUTH_KEY_ENV];
  if (plain !== undefined) return plain;
  const reference = image?.RuntimeEnvironmentSecrets?.[AUTH_KEY_ENV];
  if (reference === undefined) return undefined;
  const resolved = resolveSecretReference(state, reference, Date.now());
  // A key that cannot be read locks the endpoint rather than opening it.
  return resolved.ok ? resolved.value : uuid();
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const isText = typeof body === 'string';
  const payload = Buffer.from(isText ? body : JSON.stringify(body));
  response.writeHead(status, {
    'Content-Type': isText ? (body.startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8') : 'application/json',
    'Content-Length': payload.length,
    ...headers,
  });
  response.end(payload);
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface InvokeBody {
  parameters: Record<string, unknown>;
  run_name?: string;
  timeout?: number;
}

function parseInvoke(body: Buffer): InvokeBody | string {
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return 'body is not valid JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'body must be a JSON object';
  const { parameters = {}, run_name: runName, timeout } = parsed as Record<string, unknown>;
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) return 'parameters must be an object';
  if (runName !== undefined && typeof runName !== 'string') return 'run_name must be a string';
  if (timeout !== undefined && typeof timeout !== 'number') return 'timeout must be a number';
  return { parameters: parameters as Record<string, unknown>, ...(runName !== undefined ? { run_name: runName } : {}), ...(timeout !== undefined ? { timeout } : {}) };
}

export function handleServiceRequest(state: EmulatorState, request: IncomingMessage, response: ServerResponse, body: Buffer): void {
  const rest = (request.url ?? '').slice(SERVICES_PREFIX.length);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  const path = (slash < 0 ? '/' : rest.slice(slash)).split('?')[0];
  const service = findByUrl(state, host);
  if (!service) return send(response, 404, `No App Runner service answers at ${host}.`);
  // Every request that reaches a service counts in its CloudWatch metrics, with status and latency.
  const started = performance.now();
  const done = state.metrics.begin(service, Date.now());
  response.once('finish', () => done(response.statusCode, performance.now() - started, Date.now()));
  response.once('close', () => done(response.statusCode, performance.now() - started, Date.now()));
  if (!service.serving) return send(response, 503, `Service ${service.name} is ${service.status} and not serving traffic.`);
  if (service.config.networkConfiguration.IngressConfiguration?.IsPubliclyAccessible === false) {
    return send(response, 403, `Service ${service.name} is private: it is reachable only from its VPC.`);
  }
  const method = request.method ?? 'GET';
  const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
    logApplication(state, service, [accessLine(method, path, status)]);
    send(response, status, payload, headers);
  };
  const deploymentName = service.tags['zenml-deployment-name'] ?? service.name;
  const pipelineName = service.tags['zenml-pipeline-name'] ?? deploymentName;
  const routes: Record<string, () => void> = {
    'GET /': () => reply(200, page(`ZenML deployment ${escapeHtml(deploymentName)}`, `<p>Served by the App Runner emulator for ${escapeHtml(service.arn)}.</p><p><a href="docs">API docs</a></p>`)),
    'GET /health': () => reply(200, { status: 'healthy', deployment: deploymentName, uptime_seconds: Math.round((Date.now() - service.updatedAt) / 1000) }),
    'GET /info': () =>
      reply(200, {
        deployment: { id: service.tags['zenml-deployment-id'] ?? service.id, name: deploymentName },
        pipeline: { name: pipelineName, parameters: {} },
        service: { name: service.name, arn: service.arn, url: `https://${service.url}` },
        auth_enabled: authKey(state, service) !== undefined,
      }),
    'GET /metrics': () => reply(200, { total_executions: service.invocations }),
    'GET /docs': () => reply(200, page('API docs', '<p>POST /invoke with {"parameters": {...}}; GET /health; GET /info; GET /metrics.</p>')),
    'POST /invoke': () => {
      const expected = authKey(state, service);
      if (expected !== undefined && request.headers.authorization !== `Bearer ${expected}`) {
        return reply(401, { detail: 'Invalid or missing authentication key' }, { 'WWW-Authenticate': 'Bearer' });
      }
      const invoke = parseInvoke(body);
      if (typeof invoke === 'string') return reply(422, { detail: [{ loc: ['body'], msg: invoke, type: 'value_error' }] });
      service.invocations++;
      const runId = uuid();
      const runName = invoke.run_name ?? `${pipelineName}-${new Date().toISOString().replace(/[-:.TZ]/g, '')}`;
      logApplication(state, service, [`Running pipeline '${pipelineName}' (run ${runName}) with parameters ${JSON.stringify(invoke.parameters)}`]);
      reply(200, {
        success: true,
        outputs: { result: { echo: invoke.parameters, parameter_count: Object.keys(invoke.parameters).length } },
        execution_time: 0.01 + Math.random() * 0.05,
        metadata: { run_id: runId, run_name: runName, pipeline_name: pipelineName, deployment_name: deploymentName, parameters_used: invoke.parameters },
        error: null,
      });
    },
  };
  const route = routes[`${method} ${path}`];
  if (route) return route();
  const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
  reply(known ? 405 : 404, { detail: known ? 'Method Not Allowed' : 'Not Found' });
}
