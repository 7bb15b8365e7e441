// The YAML editor: text edits for quick fixes in zenml.deployer.yaml and run-config YAML: replace a value, insert keys into a mapping (creating missing
// parent blocks, matching the file's indentation, block or flow style), delete or rename an
// entry, move an entry to another block. Every function returns `undefined` when it cannot
// produce YAML that is sure to parse (the fix is then simply not offered); none throws.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { DeployerDocument } from './deployerDocument';
import type { NodeRef, Path, SettingsEditor } from './settingsTree';
import type { TextEdit } from './types';
import {
  column,
  edit,
  entryEnd,
  indentUnit,
  isEmptyValue,
  isFlowContext,
  isMapping,
  keyOut,
  lineOf,
  MovedValue,
  renderBlock,
  renderFlow,
  scalarText,
  startOf,
  type Entry,
  type YamlValue,
} from './yamlText';

export { entryEnd, indentUnit, MovedValue, scalarText, stringText, type Entry, type YamlValue } from './yamlText';

/** The YAML editor of a document, for the rules' fixes (see `edits.ts`). */
export function yamlEditor(doc: DeployerDocument): SettingsEditor {
  return {
    replaceValue: (ref, value) => replaceValue(doc, ref, value),
    renameKey: (ref, newKey) => renameKey(doc, ref, newKey),
    insertEntries: (parentPath, entries) => insertEntries(doc, parentPath, entries),
    setEntries: (parentPath, entries) => setEntries(doc, parentPath, entries),
    deleteEntry: (ref) => deleteEntry(doc, ref),
    moveEntry: (ref, targetParentPath, newKey) => moveEntry(doc, ref, targetParentPath, newKey),
    replaceEntry: (ref, entries) => replaceEntry(doc, ref, entries),
  };
}
// ---------------------------------------------------------------------------------------------
// Edits

/** Replaces an entry's value with a scalar (or writes one after `key:` when it is empty). */
export function replaceValue(doc: DeployerDocument, ref: NodeRef, value: string | number | boolean | null): TextEdit | undefined {
  const text = scalarText(value, isFlowContext(doc, ref));
  const node = ref.value;
  const keyEnd = ref.key?.range?.[1];
  const colon = keyEnd === undefined ? -1 : doc.source.text.indexOf(':', keyEnd);
  const colonOk = keyEnd !== undefined && colon >= 0 && doc.source.text.slice(keyEnd, colon).trim() === '';
  // A tag (`!!str 8000`) or an anchor written before the value is outside the node's range: the
  // replacement starts at the colon so the tag goes too (an anchor is kept, aliases may use it).
  const props = node !== null && (node.tag !== undefined || node.anchor !== undefined);
  if (props) {
    if (!colonOk || !node?.range) return undefined;
    const anchor = node.anchor === undefined ? '' : `&${node.anchor} `;
    return edit(doc, colon + 1, Math.max(entryEnd(doc, ref), colon + 1), ` ${anchor}${text}`);
  }
  if (node?.range && node.range[1] > node.range[0]) {
    // A block value on the lines below the key: the scalar goes right after the colon.
    if (colonOk && lineOf(doc, node.range[0]) > lineOf(doc, colon)) return edit(doc, colon + 1, entryEnd(doc, ref), ` ${text}`);
    return edit(doc, node.range[0], entryEnd(doc, ref), text);
  }
  return colonOk ? edit(doc, colon + 1, colon + 1, ` ${text}`) : undefined;
}

/** Renames the key of an entry. */
export function renameKey(doc: DeployerDocument, ref: NodeRef, newKey: string): TextEdit | undefined {
  const range = ref.key?.range;
  if (!range) return undefined;
  return edit(doc, range[0], range[1], keyOut(newKey, isFlowContext(doc, ref)));
}

/**
 * Adds entries to the mapping at `parentPath`, creating the missing blocks on the way
 * (`['deployment', 'secrets']` creates `secrets:` under `deployment`). Keys that already exist
 * are not checked: use `setEntries` to replace or insert.
 */
export function insertEntries(doc: DeployerDocument, parentPath: Path, entries: readonly Entry[]): TextEdit | undefined {
  if (entries.length === 0) return undefined;
  let anchor = doc.root;
  let depth = 0;
  while (depth < parentPath.length) {
    const next = doc.get(parentPath.slice(0, depth + 1));
    if (!next) break;
    anchor = next;
    depth++;
  }
  let nested: readonly Entry[] = entries;
  for (let i = parentPath.length - 1; i >= depth; i--) {
    const segment = parentPath[i];
    if (typeof segment !== 'string') return undefined;
    nested = [[segment, Object.fromEntries<YamlValue>(nested)]];
  }
  return insertInto(doc, anchor, nested);
}

function insertInto(doc: DeployerDocument, anchor: NodeRef, entries: readonly Entry[]): TextEdit | undefined {
  const node = anchor.value;
  const { text, eol } = doc.source;
  if (isMap(node)) return node.flow ? insertIntoFlow(doc, node, entries) : insertIntoBlock(doc, node, entries);
  if (!isEmptyValue(node)) return undefined;
  if (anchor.path.length === 0) {
    // An empty document (or one that is just `null`/`~`): write the block at its start.
    const block = renderBlock(doc, entries, 0, eol);
    if (block === undefined) return undefined;
    if (node?.range && node.range[1] > node.range[0]) return edit(doc, node.range[0], node.range[1], block);
    let offset = Math.max(0, Math.min(doc.yaml.range[0], text.length));
    if (text.startsWith('---', offset)) {
      const line = lineOf(doc, offset);
      if (line + 1 >= doc.source.lineCount) return edit(doc, text.length, text.length, `${eol}${block}${eol}`);
      offset = doc.source.lineStart(line + 1);
    }
    return edit(doc, offset, offset, `${documentStartMarker(text, offset, eol)}${block}${eol}`);
  }
  // `key:` / `key: null` / `key: ~`: turn the value into a block (or a flow map inside a flow map).
  const key = anchor.key;
  if (!key?.range) return undefined;
  const keyEnd = key.range[1];
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0 || text.slice(keyEnd, colon).trim() !== '') return undefined;
  const end = node?.range && node.range[1] > node.range[0] ? entryEnd(doc, anchor) : colon + 1;
  if (isFlowContext(doc, anchor)) {
    const flow = renderFlow(entries);
    return flow === undefined ? undefined : edit(doc, keyEnd, end, `: {${flow}}`);
  }
  const block = renderBlock(doc, entries, column(doc, key.range[0]) + indentUnit(doc), eol);
  return block === undefined ? undefined : edit(doc, keyEnd, end, `:${eol}${block}`);
}

/**
 * `---` plus a line break when content written at `offset` would follow directives (`%YAML 1.2`)
 * with no document start marker between them, which YAML requires; else nothing.
 */
export function documentStartMarker(text: string, offset: number, eol: string): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  let directive = false;
  for (const line of before) {
    if (line.startsWith('%')) directive = true;
    else if (line.startsWith('---') || (line.trim() !== '' && !line.trimStart().startsWith('#'))) directive = false;
  }
  return directive ? `---${eol}` : '';
}

function insertIntoBlock(doc: DeployerDocument, map: YAMLMap, entries: readonly Entry[]): TextEdit | undefined {
  const first = map.items.find((pair) => (pair.key as Node | null)?.range);
  const last = map.items[map.items.length - 1];
  const firstStart = startOf(first?.key as Node | null);
  if (firstStart === undefined || !last) return undefined;
  const block = renderBlock(doc, entries, column(doc, firstStart), doc.source.eol);
  if (block === undefined) return undefined;
  const lastRef: NodeRef = { path: [], key: isScalar(last.key) ? last.key : undefined, value: (last.value as Node | null) ?? null };
  if (!lastRef.key?.range && !lastRef.value?.range) return undefined;
  const lastLine = lineOf(doc, entryEnd(doc, lastRef));
  const { text, eol } = doc.source;
  if (lastLine + 1 < doc.source.lineCount) {
    const offset = doc.source.lineStart(lastLine + 1);
    return edit(doc, offset, offset, `${block}${eol}`);
  }
  return edit(doc, text.length, text.length, `${eol}${block}`);
}

function insertIntoFlow(doc: DeployerDocument, map: YAMLMap, entries: readonly Entry[]): TextEdit | undefined {
  const flow = renderFlow(entries);
  const range = map.range;
  if (flow === undefined || !range) return undefined;
  const text = doc.source.text;
  if (map.items.length === 0) {
    if (text[range[0]] !== '{') return undefined;
    return edit(doc, range[0] + 1, range[0] + 1, flow);
  }
  const last = map.items[map.items.length - 1];
  const lastValue = last.value as Node | null;
  const lastEnd = lastValue?.range && lastValue.range[1] > lastValue.range[0] ? lastValue.range[1] : (last.key as Node | null)?.range?.[1];
  if (lastEnd === undefined) return undefined;
  return edit(doc, lastEnd, lastEnd, `, ${flow}`);
}

/** Sets each entry of the mapping at `parentPath`: replaces existing values, inserts the others in one edit. */
export function setEntries(doc: DeployerDocument, parentPath: Path, entries: readonly Entry[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const missing: Entry[] = [];
  for (const [key, value] of entries) {
    const ref = doc.get([...parentPath, key]);
    if (!ref) {
      missing.push([key, value]);
      continue;
    }
    if (isMapping(value) || value instanceof MovedValue) return undefined;
    const replaced = replaceValue(doc, ref, value);
    if (!replaced) return undefined;
    edits.push(replaced);
  }
  if (missing.length > 0) {
    const inserted = insertEntries(doc, parentPath, missing);
    if (!inserted) return undefined;
    edits.push(inserted);
  }
  return edits;
}

/** Sets one scalar at `path`, replacing or inserting it. */
export function setValue(doc: DeployerDocument, path: Path, value: string | number | boolean | null): TextEdit[] | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  return setEntries(doc, path.slice(0, -1), [[key, value]]);
}

/**
 * Removes an entry: its whole lines in a block mapping (the parent becomes `{}` when it was the
 * only entry), or `key: value` and a comma in a flow mapping.
 */
export function deleteEntry(doc: DeployerDocument, ref: NodeRef): TextEdit | undefined {
  const keyRange = ref.key?.range;
  if (!keyRange || ref.path.length === 0) return undefined;
  const parentRef = doc.get(ref.path.slice(0, -1));
  const parent = parentRef?.value;
  if (!parentRef || !isMap(parent)) return undefined;
  const text = doc.source.text;
  const end = entryEnd(doc, ref);
  if (parent.flow) {
    let start = keyRange[0];
    let stop = end;
    let j = stop;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === ',') {
      stop = j + 1;
      while (stop < text.length && (text[stop] === ' ' || text[stop] === '\t')) stop++;
    } else {
      let i = start;
      while (i > 0 && /[ \t\r\n]/.test(text[i - 1])) i--;
      if (text[i - 1] === ',') start = i - 1;
    }
    return edit(doc, start, stop, '');
  }
  const keyLine = lineOf(doc, keyRange[0]);
  const lineStart = doc.source.lineStart(keyLine);
  if (text.slice(lineStart, keyRange[0]).trim() !== '') return undefined;
  const lastLine = lineOf(doc, end);
  if (parent.items.length === 1 && parentRef.path.length > 0) {
    const parentKeyEnd = parentRef.key?.range?.[1];
    if (parentKeyEnd === undefined || lineOf(doc, parentKeyEnd) >= keyLine) return undefined;
    return edit(doc, parentKeyEnd, doc.source.lineEnd(lastLine), ': {}');
  }
  let next = lastLine + 1;
  // Blank lines holding a tab were harmless inside the removed block but read as tab
  // indentation once it is gone: they go with it.
  while (next < doc.source.lineCount && /^[ \t]*\t[ \t]*$/.test(doc.source.lineText(next))) next++;
  const stop = next < doc.source.lineCount ? doc.source.lineStart(next) : text.length;
  return edit(doc, lineStart, stop, '');
}

/** Moves an entry (key, value and nested lines) under `targetParentPath`, optionally renamed. */
export function moveEntry(doc: DeployerDocument, ref: NodeRef, targetParentPath: Path, newKey?: string): TextEdit[] | undefined {
  const key = newKey ?? String(ref.path[ref.path.length - 1]);
  const parentPath = ref.path.slice(0, -1);
  const below = targetParentPath.length > parentPath.length && parentPath.every((segment, i) => targetParentPath[i] === segment);
  if (below && doc.get(targetParentPath.slice(0, parentPath.length + 1)) === undefined) {
    // The target is a new block next to the entry (`settings.x` → `settings.resources.x`): write
    // the block in the entry's place, so the parent never goes through being empty.
    const remainder = targetParentPath.slice(parentPath.length);
    if (remainder.some((segment) => typeof segment !== 'string')) return undefined;
    let value: YamlValue = { [key]: new MovedValue(doc, ref) };
    for (let i = remainder.length - 1; i >= 1; i--) value = { [String(remainder[i])]: value };
    const replaced = replaceEntry(doc, ref, [[String(remainder[0]), value]]);
    return replaced ? [replaced] : undefined;
  }
  const removal = deleteEntry(doc, ref);
  const insertion = insertEntries(doc, targetParentPath, [[key, new MovedValue(doc, ref)]]);
  if (!removal || !insertion || overlaps(doc, removal, insertion)) return undefined;
  // Edits that start at the same place apply in array order (LSP); after the removal, an
  // insertion there would fall inside the removed range, which editors reject as overlapping.
  const insertFirst = doc.source.offsetAt(insertion.range.start) <= doc.source.offsetAt(removal.range.start);
  return insertFirst ? [insertion, removal] : [removal, insertion];
}

/** Replaces an entry (`key: value`) with other text, e.g. `generate_auth_key: true`. */
export function replaceEntry(doc: DeployerDocument, ref: NodeRef, entries: readonly Entry[]): TextEdit | undefined {
  const keyRange = ref.key?.range;
  if (!keyRange) return undefined;
  const flow = isFlowContext(doc, ref);
  const rendered = flow ? renderFlow(entries) : renderBlock(doc, entries, column(doc, keyRange[0]), doc.source.eol)?.trimStart();
  return rendered === undefined ? undefined : edit(doc, keyRange[0], entryEnd(doc, ref), rendered);
}

/** Replaces the tab characters in a line's indentation with spaces (one indentation step each). */
export function replaceTabIndent(doc: DeployerDocument, line: number): TextEdit | undefined {
  const text = doc.source.lineText(line);
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  if (!indent.includes('\t')) return undefined;
  const spaces = indent.replace(/\t/g, ' '.repeat(indentUnit(doc)));
  const start = doc.source.lineStart(line);
  return edit(doc, start, start + indent.length, spaces);
}

function overlaps(doc: DeployerDocument, a: TextEdit, b: TextEdit): boolean {
  const [aStart, aEnd] = [doc.source.offsetAt(a.range.start), doc.source.offsetAt(a.range.end)];
  const [bStart, bEnd] = [doc.source.offsetAt(b.range.start), doc.source.offsetAt(b.range.end)];
  return aStart < bEnd && bStart < aEnd;
}
