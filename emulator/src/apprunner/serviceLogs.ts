// The log lines App Runner and the application write for a service: App Runner's own events and
// deployment logs go to `/aws/apprunner/<name>/<id>/service`, the application's output to
// `/aws/apprunner/<name>/<id>/application` (one `instance/<id>` stream per running instance).
import { randomInt } from 'node:crypto';
import { writeLines } from '../logs/store';
import type { EmulatorState } from '../state';
import type { ServiceRecord } from './records';

export function serviceLogGroup(service: ServiceRecord): string {
  return `/aws/apprunner/${service.name}/${service.id}/service`;
}

export function applicationLogGroup(service: ServiceRecord): string {
  return `/aws/apprunner/${service.name}/${service.id}/application`;
}

export function logServiceEvents(state: EmulatorState, service: ServiceRecord, lines: readonly string[]): void {
  writeLines(state, state.region(service.region), serviceLogGroup(service), 'events', lines.map((line) => `[AppRunner] ${line}`));
}

export function logDeployment(state: EmulatorState, service: ServiceRecord, operationId: string, lines: readonly string[]): void {
  writeLines(state, state.region(service.region), serviceLogGroup(service), `deployment/${operationId}`, lines.map((line) => `[AppRunner] ${line}`));
}

export function logApplication(state: EmulatorState, service: ServiceRecord, lines: readonly string[], instanceId = service.instanceId): void {
  writeLines(state, state.region(service.region), applicationLogGroup(service), `instance/${instanceId}`, lines);
}

/** An access-log line in the style of the uvicorn server a ZenML deployment runs. */
export function accessLine(method: string, path: string, status: number): string {
  const reason: Record<number, string> = { 200: 'OK', 401: 'Unauthorized', 404: 'Not Found', 405: 'Method Not Allowed', 422: 'Unprocessable Entity' };
  return `INFO:     10.0.${randomInt(0, 255)}.${randomInt(1, 255)}:${randomInt(32768, 60999)} - "${method} ${path} HTTP/1.1" ${status} ${reason[status] ?? ''}`.trimEnd();
}

export function startupLines(service: ServiceRecord, config = service.config): string[] {
  const port = config.sourceConfiguration.ImageRepository?.ImageConfiguration?.Port ?? '8080';
  const deployment = service.tags['zenml-deployment-name'] ?? service.name;
  return [
    `INFO:     Started server process [${randomInt(7, 60)}]`,
    'INFO:     Waiting for application startup.',
    `Deployment '${deployment}' is initializing its pipeline runtime.`,
    'INFO:     Application startup complete.',
    `INFO:     Uvicorn running on http://0.0.0.0:${port} (Press CTRL+C to quit)`,
  ];
}

/**
 * What the stand-in ZenML server prints when it cannot start (an image tagged `fail-deploy`): the
 * start-up, a Python traceback, a JSON error record as ZenML's structured logging writes it, and
 * the exit, in the new instance's stream, before App Runner reports the failed deployment.
 */
export function crashLines(service: ServiceRecord): string[] {
  const deployment = service.tags['zenml-deployment-name'] ?? service.name;
  return [
    `INFO:     Started server process [${randomInt(7, 60)}]`,
    'INFO:     Waiting for application startup.',
    `Deployment '${deployment}' is initializing its pipeline runtime.`,
    'ERROR:    Traceback (most recent call last):',
    '  File "/app/zenml/deployers/server/app.py", line 88, in lifespan',
    '    runtime.initialize()',
    `RuntimeError: the pipeline snapshot of deployment '${deployment}' could not be loaded: the ZenML server refused the API token (401)`,
    JSON.stringify({ level: 'ERROR', logger: 'zenml.deployers.server', message: 'startup failed', deployment, error: 'RuntimeError', status_code: 401 }),
    'ERROR:    Application startup failed. Exiting.',
  ];
}

/** App Runner's words for an instance that exited, in the deployment's log. */
export const EXITED_LINE = 'Your application stopped or failed to start. See logs for more information. Container exit code: 1';

export function healthCheckDescription(service: ServiceRecord, config = service.config): string {
  const check = config.healthCheckConfiguration;
  const port = config.sourceConfiguration.ImageRepository?.ImageConfiguration?.Port ?? '8080';
  return check.Protocol === 'HTTP' ? `protocol \`HTTP\` [Path: '${check.Path}'], [Port: '${port}']` : `protocol \`TCP\` [Port: '${port}']`;
}
