// Typed lookups into `schemas/zenml.deployer.schema.json`, the single source of settings facts
// (defaults, ranges, enums, patterns, descriptions). Hover, completion, messages and the
// settings model read them from here instead of restating them.
import schemaJson from '../../../schemas/zenml.deployer.schema.json';

/** The parts of a JSON Schema (draft-07) node that our schema uses, custom keywords included. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  enum?: unknown[];
  pattern?: string;
  description?: string;
  markdownDescription?: string;
  deprecated?: boolean;
  examples?: unknown[];
  defaultSnippets?: DefaultSnippet[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode | SchemaNode[];
  not?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
  'x-deprecatedMessage'?: string;
  'x-appRunnerIgnored'?: boolean;
  'x-ignoredReason'?: string;
  'x-valueHint'?: string;
  'x-deployerDefault'?: number;
  'x-appRunnerMaximum'?: number;
  'x-secretLike'?: boolean;
}

/** A completion snippet in VS Code's `defaultSnippets` format. */
export interface DefaultSnippet {
  label?: string;
  description?: string;
  body: unknown;
}

/** What the schema says about one key (or one list item) of the file. */
export interface SettingFacts {
  /** The path as asked for, e.g. `['settings', 'deployer', 'region']`. */
  path: string[];
  type?: string | string[];
  /** ZenML's (or, for `deployment`, our) default; absent when there is none. */
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  enum?: unknown[];
  pattern?: string;
  description?: string;
  markdownDescription?: string;
  deprecated?: boolean;
  deprecatedMessage?: string;
  /** App Runner has no use for the setting: it is accepted but changes nothing. */
  appRunnerIgnored?: boolean;
  /** Why the setting has no effect, one sentence (with `appRunnerIgnored`). */
  ignoredReason?: string;
  /** What a valid value looks like, as a phrase that completes "must be …". */
  valueHint?: string;
  /** The value this deployer uses when the setting is absent (where ZenML has no real default). */
  deployerDefault?: number;
  /** App Runner's upper limit (for `max_replicas`, the default account quota). */
  appRunnerMaximum?: number;
  /** The value is a secret and should not be written literally into the file. */
  secretLike?: boolean;
  examples?: unknown[];
  defaultSnippets?: DefaultSnippet[];
  /** Child keys that must be present. */
  required?: string[];
  /** Known child keys, in schema order. */
  properties?: string[];
  /** True when the object is a free-form map (any key, values as `factsAt([...path, key])`). */
  isMap?: boolean;
  /** For maps: the rule every key must follow. */
  keyFacts?: SettingFacts;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The schema, frozen: facts hand out its arrays and objects, which nobody may change. */
export const SCHEMA = deepFreeze(schemaJson as unknown as SchemaNode);
export const SCHEMA_ID = (schemaJson as { $id: string }).$id;

export type FactsPath = readonly (string | number)[];

/** Follows a local `$ref`, merging the referring node's own keywords over the target's. */
export function resolveNode(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const prefix = '#/definitions/';
  if (!node.$ref.startsWith(prefix)) throw new Error(`Unsupported $ref ${node.$ref}`);
  const target = SCHEMA.definitions?.[node.$ref.slice(prefix.length)];
  if (!target) throw new Error(`Unresolved $ref ${node.$ref}`);
  const own: SchemaNode = { ...node };
  delete own.$ref;
  return { ...resolveNode(target), ...own };
}

/** The raw (resolved) schema node of a path in the file, or `undefined` when the schema has none. */
export function schemaNodeAt(path: FactsPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolveNode(SCHEMA);
  for (const segment of path) {
    node = childNode(node, segment);
    if (!node) return undefined;
  }
  return node;
}

function childNode(node: SchemaNode, segment: string | number): SchemaNode | undefined {
  const types = typeList(node.type);
  if (types.includes('array') && node.items !== undefined) {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : NaN;
    if (Number.isNaN(index)) return undefined;
    const item = Array.isArray(node.items) ? node.items[index] : node.items;
    return item ? resolveNode(item) : undefined;
  }
  if (typeof segment !== 'string') return undefined;
  const own = node.properties && Object.prototype.hasOwnProperty.call(node.properties, segment)
    ? node.properties[segment]
    : undefined;
  if (own) return resolveNode(own);
  if (typeof node.additionalProperties === 'object') return resolveNode(node.additionalProperties);
  return undefined;
}

function typeList(type: string | string[] | undefined): string[] {
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

const factsCache = new Map<string, SettingFacts | undefined>();

/**
 * Facts about the value at a key path of the file, e.g. `['settings', 'deployer', 'region']`,
 * `['settings', 'deployer.aws', 'region']` (the same facts), `['settings', 'resources', 'memory']`,
 * or `['deployment', 'secrets', 'ANY_KEY']` (the facts every value of the map shares).
 * Memoised; the returned object is frozen.
 */
export function factsAt(path: FactsPath): SettingFacts | undefined {
  const cacheKey = path.map(String).join('\u0000');
  if (factsCache.has(cacheKey)) return factsCache.get(cacheKey);
  const node = schemaNodeAt(path);
  const facts = node ? Object.freeze(toFacts(node, path.map(String))) : undefined;
  factsCache.set(cacheKey, facts);
  return facts;
}

function toFacts(node: SchemaNode, path: string[]): SettingFacts {
  const facts: SettingFacts = { path };
  const copy = <K extends keyof SettingFacts>(key: K, value: SettingFacts[K] | undefined): void => {
    if (value !== undefined) facts[key] = value;
  };
  copy('type', node.type);
  copy('default', node.default);
  copy('minimum', node.minimum);
  copy('maximum', node.maximum);
  copy('exclusiveMinimum', node.exclusiveMinimum);
  copy('minLength', node.minLength);
  copy('maxLength', node.maxLength);
  copy('enum', node.enum);
  copy('pattern', node.pattern);
  copy('description', node.description);
  copy('markdownDescription', node.markdownDescription);
  copy('deprecated', node.deprecated);
  copy('deprecatedMessage', node['x-deprecatedMessage']);
  copy('appRunnerIgnored', node['x-appRunnerIgnored']);
  copy('ignoredReason', node['x-ignoredReason']);
  copy('valueHint', node['x-valueHint']);
  copy('deployerDefault', node['x-deployerDefault']);
  copy('appRunnerMaximum', node['x-appRunnerMaximum']);
  copy('secretLike', node['x-secretLike']);
  copy('examples', node.examples);
  copy('defaultSnippets', node.defaultSnippets);
  copy('required', node.required);
  if (node.properties) facts.properties = Object.keys(node.properties);
  if (typeof node.additionalProperties === 'object') {
    facts.isMap = true;
    if (node.propertyNames) facts.keyFacts = Object.freeze(toFacts(node.propertyNames, [...path, '<key>']));
  }
  return facts;
}

/** The known child keys of the object at `path` (empty for maps, scalars and unknown paths). */
export function knownKeys(path: FactsPath): string[] {
  return [...(factsAt(path)?.properties ?? [])];
}

/** The schema default at `path` (objects as a fresh copy, safe to modify), or `undefined` when none. */
export function schemaDefault(path: FactsPath): unknown {
  return defaultOf(factsAt(path));
}

/** The default in `facts`, copied like `schemaDefault`, for callers that hold the facts already. */
export function defaultOf(facts: SettingFacts | undefined): unknown {
  return copyJson(facts?.default);
}

/** A deep copy of JSON data (what the schema's defaults are); much cheaper than structuredClone for such small values. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = copyJson(item);
  return copy;
}

/** Whether a plain value has one of the JSON types listed in the facts (no type: anything goes). */
export function matchesSchemaType(value: unknown, type: string | string[] | undefined): boolean {
  if (type === undefined) return true;
  if (typeof type === 'string') return hasJsonType(value, type);
  return type.length === 0 || type.some((candidate) => hasJsonType(value, candidate));
}

export function hasJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    default:
      return false;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
