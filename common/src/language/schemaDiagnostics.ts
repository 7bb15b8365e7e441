// Schema problems (from the domain's Ajv validator) as findings: each error's path mapped to the
// exact key or value in the document, a stable code per keyword, and fixes where the right
// edit is clear (enum spelling, clamping to a limit, quotes, unknown keys, missing keys).
import { isScalar } from 'yaml';
import { factsAt, knownKeys } from '../domain/schemaFacts';
import type { SchemaError } from '../domain/schemaValidator';
import type { NodeRef, Path, SettingsTree } from './settingsTree';
import { didYouMean, isAliasOf } from './didYouMean';
import { deleteEntry, insertEntries, moveEntry, renameKey, replaceValue } from './edits';
import type { RuleCode } from './ruleCodes';
import { fix, type Report } from './rules/rule';
import type { Fix, Range } from './types';

const CODE_BY_KEYWORD: Readonly<Record<string, RuleCode>> = {
  type: 'schema.type',
  minimum: 'schema.range',
  maximum: 'schema.range',
  exclusiveMinimum: 'schema.range',
  exclusiveMaximum: 'schema.range',
  enum: 'schema.enum',
  const: 'schema.enum',
  pattern: 'schema.pattern',
  format: 'schema.pattern',
  minLength: 'schema.length',
  maxLength: 'schema.length',
  minItems: 'schema.items',
  maxItems: 'schema.items',
  additionalItems: 'schema.items',
  items: 'schema.items',
  required: 'schema.required',
  additionalProperties: 'schema.unknown-key',
};

/** The code of a schema error. A keyword without one is a bug (the schema gained a keyword): it throws, loudly. */
export function codeForSchemaError(error: SchemaError): RuleCode {
  if (error.keyword === 'additionalProperties') return 'schema.unknown-key';
  if (error.onKey) return 'schema.invalid-key';
  const code = CODE_BY_KEYWORD[error.keyword];
  if (code === undefined) throw new Error(`The schema keyword "${error.keyword}" has no diagnostic code: add it to CODE_BY_KEYWORD in schemaDiagnostics.ts.`);
  return code;
}

/** Reports every schema error as a finding on the exact key or value at fault. */
export function reportSchemaErrors(doc: SettingsTree, errors: readonly SchemaError[], report: (finding: Report) => void): void {
  for (const error of errors) {
    const code = codeForSchemaError(error);
    const ref = doc.get(error.path);
    const unknown = code === 'schema.unknown-key' && ref ? unknownKey(doc, ref) : undefined;
    report({ code, range: rangeFor(doc, error, ref, code), message: unknown?.message ?? error.message, fixes: () => unknown?.fixes() ?? fixesFor(doc, error, code, ref) });
  }
}

function fixesFor(doc: SettingsTree, error: SchemaError, code: RuleCode, ref: NodeRef | undefined): (Fix | undefined)[] {
  if (code === 'schema.required') return requiredFixes(doc, error);
  if (!ref) return [];
  if (code === 'schema.enum') return enumFixes(doc, ref);
  if (code === 'schema.range') return rangeFixes(doc, ref);
  if (code === 'schema.type') return typeFixes(doc, ref);
  return [];
}

function rangeFor(doc: SettingsTree, error: SchemaError, ref: NodeRef | undefined, code: RuleCode): Range {
  if (code === 'schema.required') return ref && ref.path.length > 0 ? doc.rangeOfKey(ref) : documentAnchor(doc);
  if (ref) return code === 'schema.unknown-key' || code === 'schema.invalid-key' ? doc.rangeOfKey(ref) : doc.rangeOfValue(ref);
  // The path does not resolve (e.g. a key written twice, or a complex key): the nearest ancestor.
  for (let depth = error.path.length - 1; depth > 0; depth--) {
    const ancestor = doc.get(error.path.slice(0, depth));
    if (ancestor) return doc.rangeOfKey(ancestor);
  }
  return documentAnchor(doc);
}

/** Where document-level problems go: the first key of the document, else its first content. */
export function documentAnchor(doc: SettingsTree): Range {
  return doc.anchor();
}

function scalarOf(ref: NodeRef): unknown {
  return isScalar(ref.value) ? ref.value.value : undefined;
}

function enumFixes(doc: SettingsTree, ref: NodeRef): (Fix | undefined)[] {
  const allowed = (factsAt(ref.path)?.enum ?? []).filter((value): value is string => typeof value === 'string');
  const value = scalarOf(ref);
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const best = text ? didYouMean(text, allowed) : undefined;
  const ordered = best === undefined ? allowed : [best, ...allowed.filter((item) => item !== best)];
  const shown = best === undefined && allowed.length > 4 ? [] : ordered.slice(0, 4);
  return shown.map((option, index) => fix(`Change to ${option}`, replaceValue(doc, ref, option), index === 0 && best !== undefined));
}

function rangeFixes(doc: SettingsTree, ref: NodeRef): (Fix | undefined)[] {
  const facts = factsAt(ref.path);
  const value = scalarOf(ref);
  if (!facts || typeof value !== 'number') return [];
  const name = String(ref.path[ref.path.length - 1]);
  if (facts.maximum !== undefined && value > facts.maximum) {
    return [fix(`Set ${name} to ${facts.maximum}`, replaceValue(doc, ref, facts.maximum), true)];
  }
  if (facts.minimum !== undefined && value < facts.minimum) {
    return [fix(`Set ${name} to ${facts.minimum}`, replaceValue(doc, ref, facts.minimum), true)];
  }
  return [];
}

function typeFixes(doc: SettingsTree, ref: NodeRef): (Fix | undefined)[] {
  const facts = factsAt(ref.path);
  const types = facts?.type === undefined ? [] : Array.isArray(facts.type) ? facts.type : [facts.type];
  const value = scalarOf(ref);
  if (ref.path.length === 1 && ref.path[0] === 'deployment' && (ref.value === null || value === null)) {
    return [fix('Add a deployment name', insertEntries(doc, ['deployment'], [['name', suggestedName(doc)]]), true)];
  }
  if (typeof value === 'string') {
    const number = Number(value);
    if (value.trim() !== '' && Number.isFinite(number)) {
      if (types.includes('number') || (types.includes('integer') && Number.isInteger(number))) {
        return [fix('Remove the quotes', replaceValue(doc, ref, number), true)];
      }
    }
    if (types.includes('boolean') && /^(true|false)$/i.test(value)) {
      return [fix('Remove the quotes', replaceValue(doc, ref, value.toLowerCase() === 'true'), true)];
    }
  } else if ((typeof value === 'number' || typeof value === 'boolean') && types.includes('string')) {
    const text = String(value);
    const { pattern, enum: allowed } = facts ?? {};
    const fits = allowed ? allowed.includes(text) : pattern ? safeTest(pattern, text) : true;
    if (fits) return [fix(`Quote it: "${text}"`, replaceValue(doc, ref, text), true)];
  } else if (value === null && types.includes('object') && ref.path.length > 0) {
    return [fix(`Remove the empty ${String(ref.path[ref.path.length - 1])}`, deleteEntry(doc, ref))];
  }
  return [];
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** A deployment name to start from: the image's tag or repository, else `my-deployment`. */
export function suggestedName(doc: SettingsTree): string {
  const image = doc.get(['deployment', 'image']);
  const text = image && isScalar(image.value) && typeof image.value.value === 'string' ? image.value.value : '';
  const match = /\/([^/:@]+)(?::([^@]+))?(?:@.*)?$/.exec(text);
  const candidate = match ? (match[2] && match[2] !== 'latest' ? match[2] : match[1]) : '';
  const cleaned = candidate.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned.length >= 2 && cleaned !== 'zenml' ? cleaned : 'my-deployment';
}

function requiredFixes(doc: SettingsTree, error: SchemaError): (Fix | undefined)[] {
  const missing = error.params.missingProperty;
  if (typeof missing !== 'string') return [];
  if (error.path.length === 0 && missing === 'deployment') {
    return [fix('Add a deployment block', insertEntries(doc, [], [['deployment', { name: suggestedName(doc) }]]), true)];
  }
  if (error.path.length === 1 && error.path[0] === 'deployment' && missing === 'name') {
    const name = suggestedName(doc);
    return [fix(`Add name: ${name}`, insertEntries(doc, ['deployment'], [['name', name]]), true)];
  }
  return [];
}

interface UnknownKeyResult {
  message?: string;
  fixes: () => (Fix | undefined)[];
}

/** The blocks with fixed keys, where a misplaced key might belong. */
function blocks(doc: SettingsTree): Path[] {
  const own: Path[] = [['settings', doc.deployerKey ?? 'deployer'], ['settings', 'resources']];
  // Run configs and Python hold only the settings blocks: the top level and `deployment` are not ours there.
  return doc.hasDeploymentBlock ? [[], ['deployment'], ['settings'], ...own] : own;
}

function label(path: Path): string {
  return path.length === 0 ? 'the top level' : path.join('.');
}

/** The message for an unknown key (a likely rename or a better block for it) and its fixes. */
function unknownKey(doc: SettingsTree, ref: NodeRef): UnknownKeyResult {
  const key = String(ref.path[ref.path.length - 1]);
  const parentPath = ref.path.slice(0, -1);
  const here = label(parentPath);
  const known = knownKeys(parentPath);
  const suggestion = didYouMean(key, known);
  const strongSuggestion = suggestion !== undefined && isAliasOf(key, suggestion);
  let home: { block: Path; key: string } | undefined;
  for (const block of blocks(doc)) {
    if (label(block) === here) continue;
    const match = knownKeys(block).find((candidate) => candidate === key) ?? knownKeys(block).find((candidate) => isAliasOf(key, candidate));
    if (match !== undefined) {
      home = { block, key: match };
      break;
    }
  }
  const rename = (preferred: boolean): Fix | undefined =>
    suggestion === undefined || doc.get([...parentPath, suggestion]) !== undefined
      ? undefined
      : fix(`Rename to ${suggestion}`, renameKey(doc, ref, suggestion), preferred);
  const move = (preferred: boolean): Fix | undefined => {
    if (!home || doc.get([...home.block, home.key]) !== undefined) return undefined;
    const title = home.key === key ? `Move ${key} under ${label(home.block)}` : `Move to ${label(home.block)} as ${home.key}`;
    return fix(title, moveEntry(doc, ref, home.block, home.key), preferred);
  };
  const remove = (): Fix | undefined => fix(`Remove ${key}`, deleteEntry(doc, ref));
  if (suggestion !== undefined && (strongSuggestion || !home)) {
    return { message: `Unknown key "${key}" in ${here}; did you mean "${suggestion}"?`, fixes: () => [rename(true), move(false), remove()] };
  }
  if (home) {
    const where = label(home.block);
    const message =
      home.key === key
        ? `"${key}" does not belong in ${here}: it is a setting of ${where}. Move it there.`
        : `Unknown key "${key}" in ${here}; did you mean "${home.key}" in ${where}? Move it there.`;
    return { message, fixes: () => [move(true), rename(false), remove()] };
  }
  return { fixes: () => [remove()] };
}
