// The AWS query protocol (what botocore, and so the AWS CLI v2, sends to CloudWatch): a form-encoded
// POST (`Action=GetMetricData&Version=2010-08-01&MetricDataQueries.member.1.Id=m1...`) answered in
// XML. Parameters are rebuilt into the operation's input structure with the model's shapes, so the
// same validation and handlers serve every protocol; timestamps become epoch seconds as in JSON.
import type { ServiceModel } from './modelTypes';
import { AwsError } from './protocol';

type Tree = { [key: string]: Tree } | string;

export interface QueryRequest {
  action: string;
  version: string | undefined;
  params: Map<string, string>;
}

export function parseQueryBody(body: Buffer): QueryRequest {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.set(key, value);
  const action = params.get('Action');
  if (!action) throw new AwsError('MissingAction', 'The request must contain the parameter Action.');
  const version = params.get('Version');
  params.delete('Action');
  params.delete('Version');
  return { action, version, params };
}

function toTree(params: Map<string, string>): Tree {
  const root: { [key: string]: Tree } = {};
  for (const [key, value] of params) {
    const parts = key.split('.');
    let node = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (typeof next !== 'object') node[part] = {};
      node = node[part] as { [key: string]: Tree };
    });
  }
  return root;
}

function parseTimestamp(text: string, path: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  if (!Number.isFinite(parsed)) throw new AwsError('ValidationError', `Value '${text}' at '${path}' is not a valid timestamp (ISO 8601 expected).`);
  return parsed / 1000;
}

function convert(model: ServiceModel, shapeName: string, node: Tree, path: string): unknown {
  const shape = model.shapes[shapeName];
  if (!shape) throw new Error(`model ${model.id} has no shape ${shapeName}`);
  switch (shape.type) {
    case 'structure': {
      if (typeof node !== 'object') throw new AwsError('ValidationError', `Parameter ${path} must be a structure.`);
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        const member = shape.members[key];
        if (member === undefined) throw new AwsError('InvalidParameterValueException', `Unknown parameter ${path ? `${path}.` : ''}${key}.`);
        out[key] = convert(model, member, child, path ? `${path}.${key}` : key);
      }
      return out;
    }
    case 'list': {
      // An empty list is sent as `Name=` with no members.
      if (node === '') return [];
      if (typeof node !== 'object' || typeof node.member !== 'object') throw new AwsError('ValidationError', `Parameter ${path} must be a list (${path}.member.N).`);
      const items = Object.entries(node.member);
      if (items.some(([index]) => !/^[1-9]\d*$/.test(index))) throw new AwsError('ValidationError', `List ${path} has a member index that is not a positive integer.`);
      return items.sort(([a], [b]) => Number(a) - Number(b)).map(([index, item]) => convert(model, shape.member, item, `${path}.member.${index}`));
    }
    case 'map': {
      if (typeof node !== 'object' || typeof node.entry !== 'object') throw new AwsError('ValidationError', `Parameter ${path} must be a map (${path}.entry.N.key/value).`);
      const out: Record<string, unknown> = {};
      for (const entry of Object.values(node.entry)) {
        if (typeof entry !== 'object' || typeof entry.key !== 'string') throw new AwsError('ValidationError', `Map ${path} has an entry without a key.`);
        out[entry.key] = convert(model, shape.value, entry.value ?? '', `${path}.entry`);
      }
      return out;
    }
    default:
      break;
  }
  if (typeof node !== 'string') throw new AwsError('ValidationError', `Parameter ${path} must be a single value.`);
  switch (shape.type) {
    case 'string':
    case 'blob':
      return node;
    case 'boolean':
      if (node !== 'true' && node !== 'false') throw new AwsError('ValidationError', `Value '${node}' at '${path}' must be true or false.`);
      return node === 'true';
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const value = Number(node);
      if (node.trim() === '' || !Number.isFinite(value)) throw new AwsError('ValidationError', `Value '${node}' at '${path}' is not a number.`);
      return value;
    }
    case 'timestamp':
      return parseTimestamp(node, path);
  }
}

/** The operation's input, shaped as the JSON protocols would carry it. */
export function queryInput(model: ServiceModel, operation: string, params: Map<string, string>): Record<string, unknown> {
  const inputShape = model.operations[operation]?.input;
  if (!inputShape) return {};
  return convert(model, inputShape, params.size === 0 ? {} : toTree(params), '') as Record<string, unknown>;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function xmlValue(value: unknown): string {
  if (value instanceof Date) return escapeXml(value.toISOString());
  if (Array.isArray(value)) return value.map((item) => `<member>${xmlValue(item)}</member>`).join('');
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => `<${key}>${xmlValue(member)}</${key}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…` as query services answer. */
export function queryResultXml(action: string, result: object, xmlNamespace: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${xmlNamespace}">` +
    `<${action}Result>${xmlValue(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function queryErrorXml(code: string, message: string, status: number, xmlNamespace: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlNamespace}"><Error>` +
    `<Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>` +
    `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
