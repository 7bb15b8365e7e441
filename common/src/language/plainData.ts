// A parsed YAML document as plain data, the same as the library's `toJS()` for the documents
// deployer files are made of (maps with scalar keys, sequences, scalars), in one pass without
// the library's per-node conversion context. Anything else (aliases, complex keys, merge keys,
// custom node classes) returns `undefined`, and the caller uses the library.
import { isScalar, YAMLMap, YAMLSeq, type Document } from 'yaml';

/** Thrown inside the walk to give up on a document; never escapes `plainData`. */
const UNSUPPORTED = new Error('not plain data');

export function plainData(doc: Document.Parsed): { value: unknown } | undefined {
  return plainNode(doc.contents);
}

/** One node as plain data, or `undefined` when it is not plain (see above). */
export function plainNode(node: unknown): { value: unknown } | undefined {
  try {
    return { value: convert(node) };
  } catch {
    // UNSUPPORTED, or nesting too deep for the stack: the library decides what such a document is.
    return undefined;
  }
}

function convert(node: unknown): unknown {
  if (node === null) return null;
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'object' && value !== null) throw UNSUPPORTED;
    return value;
  }
  if (node instanceof YAMLMap && node.constructor === YAMLMap) {
    const result: Record<string, unknown> = {};
    for (const { key, value } of node.items) {
      const name = keyName(key);
      const converted = convert(value);
      // As in the library, `__proto__` becomes an own property (assigning it would set the
      // prototype); every other name, inherited ones included, is an own property when assigned.
      if (name === '__proto__') Object.defineProperty(result, name, { value: converted, writable: true, enumerable: true, configurable: true });
      else result[name] = converted;
    }
    return result;
  }
  if (node instanceof YAMLSeq && node.constructor === YAMLSeq) {
    const items = node.items as unknown[];
    const result = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) result[i] = convert(items[i]);
    return result;
  }
  throw UNSUPPORTED;
}

/** The property name the library gives a map key: `''` for null, else the scalar as a string. */
function keyName(key: unknown): string {
  if (key === null) return '';
  if (!isScalar(key)) throw UNSUPPORTED;
  const value: unknown = key.value;
  if (value === null) return '';
  if (value === '<<') throw UNSUPPORTED;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw UNSUPPORTED;
}
