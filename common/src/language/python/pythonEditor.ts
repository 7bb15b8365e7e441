// The Python editor: quick fixes as edits of Python source. A value is replaced by a literal in
// the quote style around it (`memory="6GB"`), a missing key becomes a keyword argument or a dict
// entry laid out like its neighbours (one per line with the trailing comma, or inline), an entry
// is removed with its comma. Moving an entry to another settings object is not attempted.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { isMapping, MovedValue, type Entry, type NodeRef, type Path, type SettingsEditor, type YamlValue } from '../settingsTree';
import type { TextEdit } from '../types';
import { isIdentifier, pythonScalar, pythonString } from './literals';
import type { PyContainer, PythonScope } from './pythonScope';

export class PythonEditor implements SettingsEditor {
  constructor(private readonly scope: PythonScope) {}

  private get text(): string {
    return this.scope.source.text;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.scope.source.range(start, end), newText };
  }

  private containerOf(path: Path): { map: YAMLMap; container: PyContainer } | undefined {
    const parent = this.scope.get(path)?.value;
    const container = isMap(parent) ? this.scope.containers.get(parent) : undefined;
    return container && isMap(parent) ? { map: parent, container } : undefined;
  }

  /** The quote of the string being replaced, else the one its container uses. */
  private quoteFor(ref: NodeRef): string {
    const range = ref.value?.range;
    const first = range ? this.text[range[0]] : undefined;
    if (isScalar(ref.value) && typeof ref.value.value === 'string' && (first === '"' || first === "'")) return first;
    return this.containerOf(ref.path.slice(0, -1))?.container.quote ?? '"';
  }

  replaceValue(ref: NodeRef, value: string | number | boolean | null): TextEdit | undefined {
    const range = ref.value?.range;
    if (!range) return undefined;
    return this.edit(range[0], range[1], pythonScalar(value, this.quoteFor(ref)));
  }

  renameKey(ref: NodeRef, newKey: string): TextEdit | undefined {
    const range = ref.key?.range;
    const owner = this.containerOf(ref.path.slice(0, -1));
    if (!range || !owner) return undefined;
    if (owner.container.kind === 'call') return isIdentifier(newKey) ? this.edit(range[0], range[1], newKey) : undefined;
    const quote = this.text[range[0]] === "'" ? "'" : owner.container.quote;
    return this.edit(range[0], range[1], pythonString(newKey, quote));
  }

  private renderEntry(kind: PyContainer['kind'], quote: string, [key, value]: Entry): string | undefined {
    const rendered = this.renderValue(value, quote);
    if (rendered === undefined) return undefined;
    if (kind === 'call') return isIdentifier(key) ? `${key}=${rendered}` : undefined;
    return `${pythonString(key, quote)}: ${rendered}`;
  }

  private renderValue(value: YamlValue, quote: string): string | undefined {
    if (value instanceof MovedValue) return undefined;
    if (!isMapping(value)) return pythonScalar(value, quote);
    const parts = Object.entries(value).map((entry) => this.renderEntry('dict', quote, entry));
    return parts.some((part) => part === undefined) ? undefined : `{${parts.join(', ')}}`;
  }

  insertEntries(parentPath: Path, entries: readonly Entry[]): TextEdit | undefined {
    if (entries.length === 0) return undefined;
    // The deepest existing map on the way; the missing blocks below it become nested dicts.
    let depth = parentPath.length;
    while (depth > 0 && !this.containerOf(parentPath.slice(0, depth))) depth--;
    const owner = this.containerOf(parentPath.slice(0, depth));
    if (!owner) return undefined;
    let nested: readonly Entry[] = entries;
    for (let i = parentPath.length - 1; i >= depth; i--) {
      const segment = parentPath[i];
      if (typeof segment !== 'string') return undefined;
      nested = [[segment, Object.fromEntries<YamlValue>(nested)]];
    }
    const { map, container } = owner;
    const rendered = nested.map((entry) => this.renderEntry(container.kind, container.quote, entry));
    if (rendered.some((part) => part === undefined)) return undefined;
    return this.insertInto(map, container, rendered as string[]);
  }

  private insertInto(map: YAMLMap, container: PyContainer, parts: string[]): TextEdit | undefined {
    const { source } = this.scope;
    const last = map.items[map.items.length - 1];
    const lastEnd = (last?.value as Node | null)?.range?.[1];
    const lastStart = (last?.key as Node | null)?.range?.[0];
    if (lastEnd === undefined || lastStart === undefined) {
      // Empty (or holding only what we do not read): write right after the opening bracket.
      const between = this.text.slice(container.open, container.close);
      if (between.trim() !== '') return undefined;
      return this.edit(container.open, container.close, parts.join(', '));
    }
    const after = /^[ \t]*,?/.exec(this.text.slice(lastEnd))?.[0] ?? '';
    const comma = after.endsWith(',');
    const openLine = source.positionAt(container.open).line;
    const lastLine = source.positionAt(lastStart).line;
    if (lastLine > openLine && source.lineText(lastLine).slice(0, source.positionAt(lastStart).character).trim() === '') {
      // One entry per line: a new line at the same indentation, keeping the trailing-comma style.
      const indent = ' '.repeat(source.positionAt(lastStart).character);
      const eol = source.eol;
      const lines = parts.map((part) => `${eol}${indent}${part}`).join(',');
      return comma ? this.edit(lastEnd + after.length, lastEnd + after.length, `${lines},`) : this.edit(lastEnd, lastEnd, `,${lines}`);
    }
    return this.edit(lastEnd, lastEnd, `, ${parts.join(', ')}`);
  }

  setEntries(parentPath: Path, entries: readonly Entry[]): TextEdit[] | undefined {
    const edits: TextEdit[] = [];
    const missing: Entry[] = [];
    for (const [key, value] of entries) {
      const ref = this.scope.get([...parentPath, key]);
      if (!ref) {
        missing.push([key, value]);
        continue;
      }
      if (isMapping(value) || value instanceof MovedValue) return undefined;
      const replaced = this.replaceValue(ref, value);
      if (!replaced) return undefined;
      edits.push(replaced);
    }
    if (missing.length > 0) {
      const inserted = this.insertEntries(parentPath, missing);
      if (!inserted) return undefined;
      edits.push(inserted);
    }
    return edits;
  }

  /** The whole `key=value` (or `"key": value`) text. */
  private entrySpan(ref: NodeRef): [number, number] | undefined {
    const start = ref.key?.range?.[0];
    const end = ref.value?.range?.[1];
    return start === undefined || end === undefined ? undefined : [start, end];
  }

  deleteEntry(ref: NodeRef): TextEdit | undefined {
    const span = this.entrySpan(ref);
    if (!span || !this.containerOf(ref.path.slice(0, -1))) return undefined;
    const { source } = this.scope;
    const [start, end] = span;
    const text = this.text;
    const after = /^[ \t]*,?[ \t]*/.exec(text.slice(end))?.[0] ?? '';
    const line = source.positionAt(start).line;
    const ownLine = text.slice(source.lineStart(line), start).trim() === '' && source.positionAt(end + after.length).character === source.lineText(source.positionAt(end).line).length;
    if (ownLine && source.positionAt(end).line + 1 < source.lineCount) {
      return this.edit(source.lineStart(line), source.lineStart(source.positionAt(end).line + 1), '');
    }
    if (after.includes(',')) return this.edit(start, end + after.length, '');
    const before = /,[ \t]*$/.exec(text.slice(0, start));
    return before ? this.edit(start - before[0].length, end, '') : this.edit(start, end, '');
  }

  /**
   * Moves an entry into a block the tree does not hold yet, written as a new dict entry of the
   * nearest map that has a container (`port=8080` → `"deployment": {"uvicorn_port": 8080}` in the
   * settings dict). Not when that key is already written there (the tree leaves `deployment` out):
   * a second one would replace the first.
   */
  moveEntry(ref: NodeRef, targetParentPath: Path, newKey?: string): TextEdit[] | undefined {
    const key = newKey ?? String(ref.path[ref.path.length - 1]);
    const range = ref.value?.range;
    if (!range || targetParentPath.length === 0 || this.scope.get(targetParentPath) !== undefined) return undefined;
    const owner = this.containerOf(targetParentPath.slice(0, -1));
    const block = targetParentPath[targetParentPath.length - 1];
    if (!owner || typeof block !== 'string' || owner.container.keys.has(block)) return undefined;
    const value = this.text.slice(range[0], range[1]);
    if (/[\r\n]/.test(value)) return undefined;
    const entry = owner.container.kind === 'call' ? (isIdentifier(block) ? `${block}=` : undefined) : `${pythonString(block, owner.container.quote)}: `;
    if (entry === undefined) return undefined;
    const insertion = this.insertInto(owner.map, owner.container, [`${entry}{${pythonString(key, owner.container.quote)}: ${value}}`]);
    const removal = this.deleteEntry(ref);
    if (!insertion || !removal) return undefined;
    const [insertStart, removeStart] = [this.scope.source.offsetAt(insertion.range.start), this.scope.source.offsetAt(removal.range.start)];
    const removeEnd = this.scope.source.offsetAt(removal.range.end);
    if (insertStart > removeStart && insertStart < removeEnd) return undefined;
    return insertStart <= removeStart ? [insertion, removal] : [removal, insertion];
  }

  replaceEntry(ref: NodeRef, entries: readonly Entry[]): TextEdit | undefined {
    const span = this.entrySpan(ref);
    const owner = this.containerOf(ref.path.slice(0, -1));
    if (!span || !owner) return undefined;
    const parts = entries.map((entry) => this.renderEntry(owner.container.kind, owner.container.quote, entry));
    if (parts.some((part) => part === undefined)) return undefined;
    return this.edit(span[0], span[1], parts.join(', '));
  }
}
