// Validates a parsed `zenml.deployer.yaml` document against the JSON schema with Ajv and turns
// Ajv's errors into specific, actionable messages with paths into the document.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileSchemaValidator } from './compiledSchema';
import type { SchemaNode } from './schemaFacts';
import { describeValue, keyLabel, messageFor, unknownKeyMessage } from './schemaMessages';

export type SchemaPath = (string | number)[];

export interface SchemaError {
  /** Where the problem is: key path into the document (array indexes as numbers). */
  path: SchemaPath;
  /** The JSON Schema keyword that failed, e.g. `type`, `maximum`, `additionalProperties`. */
  keyword: string;
  message: string;
  /** Ajv's params, plus `propertyName` for problems with a key. */
  params: Record<string, unknown>;
  /** The problem is the key at the end of `path` (unknown or invalid key), not its value. */
  onKey?: boolean;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= compileSchemaValidator();
  return compiled;
}

/** Every schema problem of one document (a plain JS value, as parsed from YAML). */
export function validateAgainstSchema(value: unknown): SchemaError[] {
  if (value === null || value === undefined) {
    return [
      {
        path: [],
        keyword: 'required',
        message: 'The document is empty: add a "deployment" block with at least a name.',
        params: { missingProperty: 'deployment' },
      },
    ];
  }
  const validate = validator();
  if (validate(value)) return [];
  const errors = collapseAlternatives(validate.errors ?? []);
  // The verbose errors hold the document's data; left on the shared validator, they would keep
  // it alive (and promoted by the garbage collector) until the next validation.
  validate.errors = null;
  const typeFailures = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const result: SchemaError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'propertyNames' || error.keyword === 'if') continue; // wrappers of other errors
    const isKeyError = error.propertyName !== undefined;
    // A value of the wrong type fails its other keywords (e.g. enum) too: report the type only.
    if (!isKeyError && error.keyword !== 'type' && typeFailures.has(error.instancePath)) continue;
    const converted = convert(error, value);
    const id = `${converted.path.join('\u0000')}|${converted.keyword}|${converted.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    result.push(converted);
  }
  return result;
}

function convert(error: ErrorObject, root: unknown): SchemaError {
  const path = decodePointer(error.instancePath, root);
  const params = { ...(error.params as Record<string, unknown>) };
  const schemaNode = (error.parentSchema ?? {}) as SchemaNode;
  if (error.keyword === 'additionalProperties') {
    const key = String(params.additionalProperty);
    return { path: [...path, key], keyword: 'additionalProperties', message: unknownKeyMessage(path, key), params, onKey: true };
  }
  if (error.propertyName !== undefined) {
    const key = error.propertyName;
    return {
      path: [...path, key],
      keyword: error.keyword,
      message: keyMessage(path, key, error.keyword, schemaNode, params),
      params: { ...params, propertyName: key },
      onKey: true,
    };
  }
  return {
    path,
    keyword: error.keyword,
    message: messageFor({ path, keyword: error.keyword, params, schema: schemaNode, data: error.data, fallback: error.message }),
    params,
  };
}

function keyMessage(path: SchemaPath, key: string, keyword: string, schema: SchemaNode, params: Record<string, unknown>): string {
  const where = keyLabel(path);
  const hint = schema['x-valueHint'];
  let detail = '';
  if (keyword === 'maxLength' || keyword === 'minLength') detail = ` (${[...key].length} characters)`;
  const rule = hint ?? (keyword === 'pattern' ? `a key matching ${String(params.pattern)}` : 'a valid key');
  return `${describeValue(key)} is not a valid key in ${where}${detail}: use ${rule}.`;
}

/** JSON pointer → path segments (`~1` → `/`, `~0` → `~`), array indexes as numbers. */
export function decodePointer(pointer: string, root: unknown): SchemaPath {
  if (pointer === '') return [];
  const path: SchemaPath = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = current[index] as unknown;
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

/**
 * `anyOf`/`oneOf` report every failing branch plus themselves. When all branches failed on
 * `type` at the same place, keep one `type` error listing every allowed type; otherwise keep the
 * branch errors that are not mere type mismatches. Either way the wrapper goes.
 */
function collapseAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const wrappers = errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && e.params.passingSchemas == null);
  if (wrappers.length === 0) return errors;
  const drop = new Set<ErrorObject>();
  const add: ErrorObject[] = [];
  for (const wrapper of wrappers) {
    const branchErrors = errors.filter((e) => e !== wrapper && e.schemaPath.startsWith(`${wrapper.schemaPath}/`));
    drop.add(wrapper);
    const allTypes = branchErrors.length > 0 && branchErrors.every((e) => e.keyword === 'type' && e.instancePath === wrapper.instancePath);
    if (allTypes) {
      branchErrors.forEach((e) => drop.add(e));
      const types = [...new Set(branchErrors.flatMap((e) => String((e.params as { type?: unknown }).type).split(',')))];
      add.push({ ...wrapper, keyword: 'type', params: { type: types.join(',') }, parentSchema: { type: types } });
    } else {
      branchErrors.filter((e) => e.keyword === 'type').forEach((e) => drop.add(e));
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...add];
}
