// Writing YAML for quick fixes: scalars quoted only when needed, blocks at a given column in the
// file's indentation step, flow mappings, and existing values re-indented for a move. Shared
// by `edits.ts`; positions come from the parsed document.
import { isMap, isScalar, parse, type Node } from 'yaml';
import type { DeployerDocument } from './deployerDocument';
import { isMapping, MovedValue, type Entry, type NodeRef, type SettingsTree } from './settingsTree';
import type { TextEdit } from './types';

export { isMapping, MovedValue, type Entry, type YamlValue } from './settingsTree';

const DEFAULT_INDENT = 2;
const indentCache = new WeakMap<DeployerDocument, number>();

/** The file's indentation step: how far the first nested block mapping is indented. */
export function indentUnit(doc: DeployerDocument): number {
  const cached = indentCache.get(doc);
  if (cached !== undefined) return cached;
  let unit = DEFAULT_INDENT;
  const root = doc.yaml.contents;
  if (isMap(root) && !root.flow) {
    for (const pair of root.items) {
      const value = pair.value as Node | null;
      const keyStart = startOf(pair.key);
      if (!isMap(value) || value.flow || keyStart === undefined) continue;
      const childStart = startOf(value.items[0]?.key as Node | null);
      if (childStart === undefined) continue;
      const delta = column(doc, childStart) - column(doc, keyStart);
      if (delta > 0 && delta <= 8) unit = delta;
      break;
    }
  }
  indentCache.set(doc, unit);
  return unit;
}

export function startOf(node: Node | null | undefined): number | undefined {
  return node?.range ? node.range[0] : undefined;
}

export function column(doc: SettingsTree, offset: number): number {
  return doc.source.positionAt(offset).character;
}

export function lineOf(doc: SettingsTree, offset: number): number {
  return doc.source.positionAt(offset).line;
}

export function edit(doc: SettingsTree, start: number, end: number, newText: string): TextEdit {
  return { range: doc.source.range(start, end), newText };
}

const FLOW_INDICATORS = /[,[\]{}]/;
const RISKY = /^[\s\-?:,[\]{}#&*!|>'"%@`]|\s$|:\s|:$|\s#|[\n\r\t]/;

/** A string as YAML: plain when it reads back as the same string, otherwise quoted. */
export function stringText(value: string, flow = false): string {
  if (value === '' || RISKY.test(value) || (flow && FLOW_INDICATORS.test(value))) return quoted(value);
  try {
    if (parse(value) === value) return value;
  } catch {
    // fall through to quoting
  }
  return quoted(value);
}

/** Single quotes when they need no escaping (easier to read, e.g. JSON inside), else double. */
function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[^'\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/u.test(value) ? `'${value}'` : JSON.stringify(value);
}

/** A scalar as YAML text. */
export function scalarText(value: string | number | boolean | null, flow = false): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return stringText(value, flow);
}

export function keyOut(key: string, flow: boolean): string {
  return key.includes(':') ? JSON.stringify(key) : stringText(key, flow);
}


/** End of an entry's text: its value's end (or the key's), without trailing blanks. */
export function entryEnd(doc: SettingsTree, ref: NodeRef): number {
  const keyEnd = ref.key?.range?.[1] ?? ref.value?.range?.[0] ?? 0;
  const end = ref.value?.range ? Math.max(ref.value.range[1], keyEnd) : keyEnd;
  return doc.source.trimmedEnd(keyEnd, end);
}

export function isFlowContext(doc: SettingsTree, ref: NodeRef): boolean {
  if (ref.path.length === 0) return false;
  const parent = doc.get(ref.path.slice(0, -1))?.value;
  return isMap(parent) && parent.flow === true;
}

export function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

// ---------------------------------------------------------------------------------------------
// Rendering

export function renderBlock(doc: DeployerDocument, entries: readonly Entry[], col: number, eol: string): string | undefined {
  const lines: string[] = [];
  const pad = ' '.repeat(col);
  for (const [key, value] of entries) {
    const head = `${pad}${keyOut(key, false)}`;
    if (value instanceof MovedValue) {
      const moved = renderMovedBlock(value, head, col, eol);
      if (moved === undefined) return undefined;
      lines.push(moved);
    } else if (isMapping(value)) {
      const children = Object.entries(value);
      if (children.length === 0) {
        lines.push(`${head}: {}`);
      } else {
        const nested = renderBlock(doc, children, col + indentUnit(doc), eol);
        if (nested === undefined) return undefined;
        lines.push(`${head}:${eol}${nested}`);
      }
    } else {
      lines.push(`${head}: ${scalarText(value)}`);
    }
  }
  return lines.join(eol);
}

export function renderFlow(entries: readonly Entry[]): string | undefined {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    let text: string | undefined;
    if (value instanceof MovedValue) text = renderMovedFlow(value);
    else if (isMapping(value)) {
      const inner = renderFlow(Object.entries(value));
      text = inner === undefined ? undefined : `{${inner}}`;
    } else text = scalarText(value, true);
    if (text === undefined) return undefined;
    parts.push(`${keyOut(key, true)}: ${text}`);
  }
  return parts.join(', ');
}

function shiftLine(line: string, delta: number): string {
  if (line.trim() === '') return '';
  if (delta >= 0) return ' '.repeat(delta) + line;
  const leading = /^ */.exec(line)?.[0].length ?? 0;
  return line.slice(Math.min(leading, -delta));
}

/** `head` (the indented key) followed by the moved value, re-indented to the new column. */
function renderMovedBlock(moved: MovedValue, head: string, col: number, eol: string): string | undefined {
  const { doc, ref } = moved;
  const node = ref.value;
  const keyStart = ref.key?.range?.[0];
  if (keyStart === undefined) return undefined;
  if (isEmptyValue(node) && !(node?.range && node.range[1] > node.range[0])) return `${head}:`;
  if (!node?.range) return undefined;
  const text = doc.source.text;
  const valueStart = node.range[0];
  const valueEnd = entryEnd(doc, ref);
  const delta = col - column(doc, keyStart);
  if (lineOf(doc, valueStart) === lineOf(doc, keyStart)) {
    const [first, ...rest] = text.slice(valueStart, valueEnd).split(/\r?\n|\r/);
    return [`${head}: ${first}`, ...rest.map((line) => shiftLine(line, delta))].join(eol);
  }
  const from = doc.source.lineStart(lineOf(doc, valueStart));
  const body = text.slice(from, valueEnd).split(/\r?\n|\r/).map((line) => shiftLine(line, delta));
  return `${head}:${eol}${body.join(eol)}`;
}

function renderMovedFlow(moved: MovedValue): string | undefined {
  const node = moved.ref.value;
  if (isEmptyValue(node)) return 'null';
  if (!node?.range) return undefined;
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return scalarText(value, true);
  }
  const raw = moved.doc.source.text.slice(node.range[0], entryEnd(moved.doc, moved.ref));
  return /[\r\n]/.test(raw) || !/^[[{]/.test(raw) ? undefined : raw;
}
