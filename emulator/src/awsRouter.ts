// Routes AWS API requests to a service's handler: JSON 1.0/1.1 by `X-Amz-Target`, the query
// protocol (form-encoded POST with `Action=`) and Smithy RPC v2 CBOR (`/service/<S>/operation/<Op>`)
// for the services that speak them (CloudWatch). Then the signature check, injected faults, body
// parsing, model validation and the handler; results and errors go back in the request's
// protocol so the SDKs and the CLI raise the right exception classes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Faults } from './faults';
import { parseQueryBody, queryErrorXml, queryInput, queryResultXml } from './awsQuery';
import {
  AwsError,
  contentTypeFor,
  datesToEpochSeconds,
  isStreamingResult,
  newRequestId,
  writeAwsError,
  writeJson,
  type AwsServiceDefinition,
  type RequestContext,
} from './protocol';
import type { RequestCounts } from './requestCounts';
import { decodeCborInput, encodeCbor, isRpcV2Request, RPC_V2_CBOR, rpcV2Target } from './rpcV2Cbor';
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

type WireProtocol = 'json' | 'query' | 'cbor';

interface Addressed {
  protocol: WireProtocol;
  service: AwsServiceDefinition | undefined;
  operation: string;
  /** How the request names the operation, for messages and fault rules (`AppRunner.ListServices`). */
  target: string;
  /** The body as a JSON-shaped input (timestamps in epoch seconds), before validation. */
  decode(): unknown;
}

const FORM = 'application/x-www-form-urlencoded';

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

export class AwsRouter {
  private readonly byPrefix = new Map<string, AwsServiceDefinition>();

  constructor(
    private readonly services: readonly AwsServiceDefinition[],
    private readonly credentials: () => ReadonlyMap<string, string>,
    private readonly faults: Faults,
    private readonly accountId: () => string = () => '123456789012',
    private readonly counts?: RequestCounts,
  ) {
    for (const service of services) this.byPrefix.set(service.model.targetPrefix, service);
  }

  /** Whether this request is meant for an AWS API: an X-Amz-Target, an RPC v2 path, or a query form. */
  static isAwsRequest(request: IncomingMessage): boolean {
    if (typeof request.headers['x-amz-target'] === 'string') return true;
    if (isRpcV2Request(request.url ?? '/', request.headers)) return true;
    return request.method === 'POST' && header(request, 'content-type').startsWith(FORM);
  }

  private address(request: IncomingMessage, body: Buffer): Addressed {
    if (typeof request.headers['x-amz-target'] === 'string') {
      const target = String(request.headers['x-amz-target']);
      const [prefix, operation = ''] = target.split('.', 2);
      const service = this.byPrefix.get(prefix);
      return {
        protocol: 'json',
        service,
        operation,
        target,
        decode: () => {
          const contentType = contentTypeFor(service!.model.jsonVersion);
          if (!header(request, 'content-type').startsWith('application/x-amz-json-')) throw new AwsError('SerializationException', `Content-Type must be ${contentType}.`);
          try {
            return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
          } catch {
            throw new AwsError('SerializationException', 'The request body is not valid JSON.');
          }
        },
      };
    }
    if (isRpcV2Request(request.url ?? '/', request.headers)) {
      const { service: name, operation } = rpcV2Target(request.url ?? '/');
      const service = this.byPrefix.get(name);
      return {
        protocol: 'cbor',
        service: service?.protocols?.rpcV2Cbor ? service : undefined,
        operation,
        target: `${name}.${operation}`,
        decode: () => {
          if (header(request, 'content-type') !== 'application/cbor' && body.length > 0) throw new AwsError('SerializationException', 'Content-Type must be application/cbor.');
          return decodeCborInput(body);
        },
      };
    }
    // The query protocol names no service: the operation does (only CloudWatch speaks it here).
    const query = parseQueryBody(body);
    const service = this.services.find((candidate) => candidate.protocols?.query !== undefined && query.action in candidate.handlers);
    return {
      protocol: 'query',
      service,
      operation: query.action,
      target: `${service?.model.targetPrefix ?? 'Query'}.${query.action}`,
      decode: () => {
        if (query.version !== undefined && query.version !== service!.model.apiVersion) {
          throw new AwsError('InvalidParameterValueException', `Version ${query.version} is not supported; this endpoint serves ${service!.model.apiVersion}.`);
        }
        return queryInput(service!.model, query.action, query.params);
      },
    };
  }

  async handle(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    const started = performance.now();
    const requestId = newRequestId();
    let addressed: Addressed | undefined;
    const fail = (error: AwsError): void => this.writeError(response, addressed, error, requestId);
    try {
      addressed = this.address(request, body);
      const { service, operation, target } = addressed;
      this.counts?.count(target);
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
        action: `${service.iamPrefix ?? service.model.signingName}:${operation}`,
        principal: `arn:aws:iam::${this.accountId()}:user/${identity.accessKeyId}`,
      });
      if (fault.kind === 'drop') {
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'error') throw fault.error;
      const input = addressed.decode();
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw new AwsError('SerializationException', 'The request body must be an object.');
      }
      const cleaned = stripNulls(input) as Record<string, unknown>;
      validateInput(service.model, operation, cleaned, service.validationErrorCode);
      const context: RequestContext = { region: identity.region, accessKeyId: identity.accessKeyId, requestId, now, ...(fault.kind === 'fail' ? { failOperation: true } : {}) };
      const result = service.handlers[operation](cleaned, context);
      if (isStreamingResult(result)) {
        result.start(response);
        return;
      }
      this.writeResult(response, addressed, result, requestId, started);
    } catch (error) {
      if (error instanceof AwsError) {
        fail(error);
        return;
      }
      console.error(`emulator: ${addressed?.target ?? request.url} failed:`, error);
      fail(new AwsError(addressed?.service?.internalErrorCode ?? 'InternalFailure', `Internal error: ${error instanceof Error ? error.message : String(error)}`, 500));
    }
  }

  private writeResult(response: ServerResponse, addressed: Addressed, result: object, requestId: string, started: number): void {
    const service = addressed.service!;
    const timing = { 'Server-Timing': `emulator;dur=${(performance.now() - started).toFixed(3)}` };
    if (addressed.protocol === 'query') {
      const payload = Buffer.from(queryResultXml(addressed.operation, result, service.protocols!.query!.xmlNamespace, requestId));
      response.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': payload.length, 'x-amzn-RequestId': requestId, ...timing });
      response.end(payload);
      return;
    }
    if (addressed.protocol === 'cbor') {
      const payload = encodeCbor(result);
      response.writeHead(200, { 'Content-Type': 'application/cbor', 'smithy-protocol': RPC_V2_CBOR, 'Content-Length': payload.length, 'x-amzn-RequestId': requestId, ...timing });
      response.end(payload);
      return;
    }
    writeJson(response, 200, contentTypeFor(service.model.jsonVersion), requestId, service.protocols ? datesToEpochSeconds(result) : result, started);
  }

  private writeError(response: ServerResponse, addressed: Addressed | undefined, error: AwsError, requestId: string): void {
    const service = addressed?.service;
    const queryCode = service?.queryErrorCodes?.[error.code] ?? error.code;
    if (addressed?.protocol === 'query') {
      const payload = Buffer.from(queryErrorXml(queryCode, error.message, error.status, service?.protocols?.query?.xmlNamespace ?? 'https://aws.amazon.com/', requestId));
      response.writeHead(error.status, { 'Content-Type': 'text/xml', 'Content-Length': payload.length, 'x-amzn-RequestId': requestId });
      response.end(payload);
      return;
    }
    const compatible = service?.protocols?.awsQueryCompatible === true ? queryCode : undefined;
    if (addressed?.protocol === 'cbor') {
      if (compatible !== undefined) response.setHeader('x-amzn-query-error', `${compatible};${error.status >= 500 ? 'Receiver' : 'Sender'}`);
      const payload = encodeCbor({ __type: `com.amazonaws.${service?.model.id ?? 'aws'}#${error.code}`, message: error.message });
      response.writeHead(error.status, { 'Content-Type': 'application/cbor', 'smithy-protocol': RPC_V2_CBOR, 'Content-Length': payload.length, 'x-amzn-RequestId': requestId });
      response.end(payload);
      return;
    }
    const contentType = service ? contentTypeFor(service.model.jsonVersion) : 'application/x-amz-json-1.1';
    writeAwsError(response, error, contentType, requestId, service?.capitalisedMessage === true, compatible);
  }
}
