// Routes AWS API requests by `X-Amz-Target` to a service's handler: signature check, injected
// faults, JSON parsing, model validation, then the handler; errors go back in the JSON protocol's
// shape so the SDKs raise the right exception classes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Faults } from './faults';
import type { RequestCounts } from './requestCounts';
import { AwsError, contentTypeFor, isStreamingResult, newRequestId, writeAwsError, writeJson, type AwsServiceDefinition, type RequestContext } from './protocol';
import { verifySignature } from './sigv4';
import { validateInput } from './validation';

/** JSON `null` means "absent" to AWS; handlers never see it. */
function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== null).map(([key, member]) => [key, stripNulls(member)]));
  }
  return value;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class AwsRouter {
  private readonly byPrefix = new Map<string, AwsServiceDefinition>();

  constructor(
    services: readonly AwsServiceDefinition[],
    private readonly credentials: () => ReadonlyMap<string, string>,
    private readonly faults: Faults,
    private readonly accountId: () => string = () => '123456789012',
    private readonly counts?: RequestCounts,
  ) {
    for (const service of services) this.byPrefix.set(service.model.targetPrefix, service);
  }

  /** Whether this request is meant for an AWS API (has an X-Amz-Target header). */
  static isAwsRequest(request: IncomingMessage): boolean {
    return typeof request.headers['x-amz-target'] === 'string';
  }

  async handle(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    const target = String(request.headers['x-amz-target']);
    this.counts?.count(target);
    const [prefix, operation = ''] = target.split('.', 2);
    const service = this.byPrefix.get(prefix);
    const contentType = service ? contentTypeFor(service.model.jsonVersion) : 'application/x-amz-json-1.1';
    const fail = (error: AwsError): void => writeAwsError(response, error, contentType, requestId, service?.capitalisedMessage === true);
    try {
      if (!service || !(operation in service.handlers) || request.method !== 'POST') {
        throw new AwsError('UnknownOperationException', `The operation ${target} is not supported by this endpoint.`);
      }
      const now = Date.now();
      const identity = verifySignature(
        { method: request.method, url: request.url ?? '/', headers: request.headers, body },
        this.credentials(),
        service.model.signingName,
        now,
      );
      const latency = this.faults.latency(target, operation);
      if (latency > 0) await delay(latency);
      const fault = this.faults.outcome(target, operation, service.internalErrorCode, {
        action: `${service.model.signingName}:${operation}`,
        principal: `arn:aws:iam::${this.accountId()}:user/${identity.accessKeyId}`,
      });
      if (fault.kind === 'drop') {
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'error') throw fault.error;
      if (!String(request.headers['content-type'] ?? '').startsWith('application/x-amz-json-')) {
        throw new AwsError('SerializationException', `Content-Type must be ${contentType}.`);
      }
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        throw new AwsError('SerializationException', 'The request body is not valid JSON.');
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new AwsError('SerializationException', 'The request body must be a JSON object.');
      }
      const cleaned = stripNulls(input) as Record<string, unknown>;
      validateInput(service.model, operation, cleaned, service.validationErrorCode);
      const context: RequestContext = { region: identity.region, accessKeyId: identity.accessKeyId, requestId, now, ...(fault.kind === 'fail' ? { failOperation: true } : {}) };
      const result = service.handlers[operation](cleaned, context);
      if (isStreamingResult(result)) {
        result.start(response);
        return;
      }
      writeJson(response, 200, contentType, requestId, result, started);
    } catch (error) {
      if (error instanceof AwsError) {
        fail(error);
        return;
      }
      console.error(`emulator: ${target} failed:`, error);
      fail(new AwsError(service?.internalErrorCode ?? 'InternalFailure', `Internal error: ${error instanceof Error ? error.message : String(error)}`, 500));
    }
  }
}
