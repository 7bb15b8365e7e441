// The wording of schema problems: each message names the value, the rule and the way out, and
// reads limits, allowed values and hints from the schema node that failed.
import { suggestMemorySpelling } from './memory';
import { factsAt, knownKeys, schemaNodeAt, type SchemaNode } from './schemaFacts';

type Path = readonly (string | number)[];

export interface MessageInput {
  path: Path;
  keyword: string;
  params: Record<string, unknown>;
  schema: SchemaNode;
  data: unknown;
  /** Ajv's own message, for keywords our schema does not use. */
  fallback?: string;
}

const MAX_SHOWN = 60;
/** An environment variable name, as the schema's pattern for secret names says. */
export const ENV_NAME = secretNamePattern();

function secretNamePattern(): RegExp {
  const pattern = schemaNodeAt(['deployment', 'secrets'])?.propertyNames?.pattern;
  if (pattern === undefined) throw new Error('The schema gives no pattern for deployment.secrets names (propertyNames.pattern).');
  return new RegExp(pattern);
}

/** A value as quoted in messages: strings in double quotes (shortened), lists and maps by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value;
    return JSON.stringify(shown);
  }
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object') ? JSON.stringify(value) : 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/** A block's name in messages: `settings.deployer`, or `the top level` for the root. */
export function keyLabel(path: Path): string {
  return path.length === 0 ? 'the top level' : path.map(String).join('.');
}

function isMapEntry(path: Path): boolean {
  return path.length > 1 && typeof path[path.length - 1] === 'string' && factsAt(path.slice(0, -1))?.isMap === true;
}

/** A value's name in messages: its key (`region`), `tags.team` for map entries, `x[0]` for items. */
export function valueLabel(path: Path): string {
  if (path.length === 0) return 'The document';
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number') return `${valueLabel(parent)}[${last}]`;
  if (isMapEntry(path)) return `${String(parent[parent.length - 1])}.${last}`;
  return last;
}

/** ` (got <value>)`, or nothing for secret values, which messages never repeat. */
function got(input: MessageInput): string {
  return input.schema['x-secretLike'] === true ? '' : ` (got ${describeValue(input.data)})`;
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping of keys to values',
  array: 'a list',
  null: 'null',
};

function typesOf(input: MessageInput): string[] {
  const fromSchema = input.schema.type;
  if (Array.isArray(fromSchema)) return fromSchema;
  if (typeof fromSchema === 'string') return [fromSchema];
  const fromParams = input.params.type;
  return typeof fromParams === 'string' ? fromParams.split(',').filter(Boolean) : [];
}

function joinAlternatives(items: string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function typeMessage(input: MessageInput, label: string): string {
  const { data, path } = input;
  const types = typesOf(input);
  if (path.length === 0) {
    return `A zenml.deployer.yaml document must be a mapping with "deployment" and "settings" blocks (got ${describeValue(data)}).`;
  }
  if (types.includes('object') && data === null) {
    return `${label} is empty: add settings under it or remove the key.`;
  }
  if (types.includes('integer') && !types.includes('number') && typeof data === 'number') {
    return `${label} must be a whole number (got ${data}).`;
  }
  const hint = input.schema['x-valueHint'];
  const nonNull = types.filter((type) => type !== 'null');
  let expected = hint ?? joinAlternatives(nonNull.map((type) => TYPE_PHRASES[type] ?? type));
  if (hint === undefined && types.includes('null') && nonNull.length > 0) expected += ' (or null to leave it unset)';
  let message = `${label} must be ${expected}${got(input)}.`;
  if (typeof data === 'string') {
    const numeric = data.trim() !== '' && Number.isFinite(Number(data));
    if (numeric && (types.includes('number') || (types.includes('integer') && Number.isInteger(Number(data))))) {
      message += ' Remove the quotes.';
    } else if (types.includes('boolean') && /^(true|false)$/i.test(data)) {
      message += ` Write ${data.toLowerCase()} without quotes.`;
    }
  } else if (types.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
    // Suggest quotes only where the quoted text would be accepted.
    const text = String(data);
    const { pattern, enum: allowed } = input.schema;
    const fits = allowed ? allowed.includes(text) : pattern ? new RegExp(pattern, 'u').test(text) : isMapEntry(path);
    if (fits) message += ` Put it in quotes: "${text}".`;
  }
  return message;
}

function enumMessage(input: MessageInput, label: string): string {
  const allowed = input.schema.enum ?? (Array.isArray(input.params.allowedValues) ? (input.params.allowedValues as unknown[]) : []);
  const values = allowed.filter((value) => value !== null);
  const quoted = values.map((value) => JSON.stringify(value));
  const list = (quoted.length > 2 ? 'one of ' : '') + joinAlternatives(quoted) + (allowed.includes(null) ? ', or null' : '');
  const shown = describeValue(input.data);
  const subject = label === 'region' ? `${shown} is not a region where App Runner runs` : `${shown} is not a valid ${label}`;
  if (typeof input.data === 'string') {
    const text = input.data;
    const sameLetters = values.find((value) => typeof value === 'string' && value.toLowerCase() === text.toLowerCase());
    if (sameLetters !== undefined) return `${subject}; use ${list} (values are case-sensitive).`;
    const near = closest(text, values.filter((value): value is string => typeof value === 'string'));
    if (near !== undefined) return `${subject}; did you mean "${near}"? Allowed: ${list}.`;
  }
  return `${subject}; use ${list}.`;
}

function rangeMessage(input: MessageInput, label: string): string {
  const { minimum, maximum, exclusiveMinimum } = input.schema;
  const shown = got(input);
  if (minimum !== undefined && maximum !== undefined) return `${label} must be between ${minimum} and ${maximum}${shown}.`;
  if (exclusiveMinimum !== undefined) return `${label} must be greater than ${exclusiveMinimum}${shown}.`;
  if (minimum !== undefined) return `${label} must be at least ${minimum}${shown}.`;
  if (maximum !== undefined) return `${label} must be at most ${maximum}${shown}.`;
  return `${label} is out of range${shown}.`;
}

function patternMessage(input: MessageInput, label: string): string {
  const { path, data, schema } = input;
  const hint = schema['x-valueHint'] ?? `text matching ${schema.pattern ?? String(input.params.pattern)}`;
  let message = `${label} must be ${hint}${got(input)}.`;
  if (typeof data !== 'string') return message;
  const last = path[path.length - 1];
  if (path[1] === 'resources' && last === 'memory') {
    const suggestion = suggestMemorySpelling(data);
    if (suggestion !== undefined) message += ` Write "${suggestion}".`;
  } else if (path[0] === 'deployment' && path[1] === 'secrets' && typeof last === 'string' && ENV_NAME.test(last)) {
    message += ` Write "\${env:${last}}" and set ${last} in your environment before deploying.`;
  }
  return message;
}

function shapeMessage(input: MessageInput, label: string): string {
  const hint = input.schema['x-valueHint'];
  if (hint !== undefined) return `${label} must be ${hint} (got ${describeValue(input.data)}).`;
  const limit = Number(input.params.limit);
  const count = Array.isArray(input.data) ? input.data.length : 0;
  const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;
  if (input.keyword === 'minItems') return `${label} must list at least ${items(limit)} (got ${count}).`;
  return `${label} must list at most ${items(limit)} (got ${count}).`;
}

function requiredMessage(input: MessageInput): string {
  const missing = String(input.params.missingProperty);
  const where = input.path.length === 0 ? 'The document' : keyLabel(input.path);
  const description = factsAt([...input.path, missing])?.description;
  const why = description ? `: ${description.charAt(0).toLowerCase()}${description.slice(1)}` : '.';
  return `${where} is missing "${missing}"${why}`;
}

/** The message for one failed keyword on a value. */
export function messageFor(input: MessageInput): string {
  const label = valueLabel(input.path);
  switch (input.keyword) {
    case 'type':
      return typeMessage(input, label);
    case 'enum':
      return enumMessage(input, label);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return rangeMessage(input, label);
    case 'pattern':
      return patternMessage(input, label);
    case 'minLength':
      return Number(input.params.limit) <= 1
        ? `${label} must not be empty.`
        : `${label} must be at least ${String(input.params.limit)} characters long${got(input)}.`;
    case 'maxLength': {
      const length = typeof input.data === 'string' ? [...input.data].length : 0;
      return `${label} is ${length} characters long; the limit is ${String(input.params.limit)}.`;
    }
    case 'minItems':
    case 'maxItems':
    case 'additionalItems':
      return shapeMessage(input, label);
    case 'required':
      return requiredMessage(input);
    default:
      return `${label} ${input.fallback ?? 'is not valid'}.`;
  }
}

/** The blocks that take fixed keys, for "this key belongs elsewhere" hints. */
function blocksFor(path: Path): Path[] {
  const deployerKey = path[0] === 'settings' && path[1] === 'deployer.aws' ? 'deployer.aws' : 'deployer';
  return [[], ['deployment'], ['settings'], ['settings', deployerKey], ['settings', 'resources']];
}

/** The message for a key the block does not know. */
export function unknownKeyMessage(blockPath: Path, key: string): string {
  const where = keyLabel(blockPath);
  const known = knownKeys(blockPath);
  const near = closest(key, known);
  if (near !== undefined) return `Unknown key "${key}" in ${where}; did you mean "${near}"?`;
  const home = blocksFor(blockPath).find(
    (block) => keyLabel(block) !== where && knownKeys(block).includes(key),
  );
  if (home !== undefined) {
    return `"${key}" does not belong in ${where}; move it under ${home.length === 0 ? 'the top level' : keyLabel(home)}.`;
  }
  if (known.length > 0 && known.length <= 6) {
    return `Unknown key "${key}" in ${where}; the keys here are ${joinAlternatives(known, 'and')}.`;
  }
  return `Unknown key "${key}" in ${where}; remove it or check its spelling.`;
}

/** The candidate closest to `text` (same letters ignoring case, or a small typo), if any. */
export function closest(text: string, candidates: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const exact = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const budget = text.length <= 4 ? 1 : text.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}
