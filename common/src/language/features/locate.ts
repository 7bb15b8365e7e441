// Finding the YAML document and the map level a cursor is at. Completion works on text that
// is being typed and rarely parses cleanly, so the map level comes from indentation, not the AST.
import type { DeployerDocument, ParsedFile } from '../deployerDocument';
import type { SourceText } from '../sourceText';

/** The document (of a `---`-separated file) whose span holds `offset`; the last one before it otherwise. */
export function documentAt(file: ParsedFile, offset: number): DeployerDocument | undefined {
  let candidate: DeployerDocument | undefined;
  for (const doc of file.documents) {
    const [start, , end] = doc.yaml.range;
    if (offset >= start && offset <= end) return doc;
    if (start <= offset) candidate = doc;
  }
  return candidate;
}

/** A block-map entry line: indentation, an optional `- `, the key, and what follows the colon. */
const ENTRY_LINE = /^(\s*)(?:-\s+)?([^\s#:'"{}[\],&*!|>%@`-][^#:]*?|"[^"]*"|'[^']*')\s*:(?:\s+(.*?))?\s*$/;
const DOCUMENT_MARKER = /^(---|\.\.\.)(\s|$)/;

export interface EntryLine {
  indent: number;
  key: string;
  /** The text after `key:` without a trailing comment; empty when the value is a nested block. */
  value: string;
}

export function parseEntryLine(line: string): EntryLine | undefined {
  const match = ENTRY_LINE.exec(line);
  if (!match) return undefined;
  const value = stripComment(match[3] ?? '');
  return { indent: match[1].length, key: unquote(match[2]), value };
}

function stripComment(value: string): string {
  const hash = value.search(/(^|\s)#/);
  return (hash === -1 ? value : value.slice(0, hash)).trim();
}

function unquote(key: string): string {
  return /^(".*"|'.*')$/.test(key) ? key.slice(1, -1) : key;
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

export interface MapLevel {
  /** Key path of the enclosing map, `[]` at the top level. */
  path: string[];
  /** Line of the parent's `key:` (−1 for the top level, with the document's first line in `blockStart`). */
  parentLine: number;
  /** First and last line (inclusive) of the parent's block, within the current document. */
  blockStart: number;
  blockEnd: number;
}

/**
 * The map a line at `indent` belongs to: walk up to each less indented `key:` line that opens
 * a block. `undefined` when the line cannot be a key there (e.g. under a scalar entry).
 */
export function mapLevelAt(source: SourceText, line: number, indent: number): MapLevel | undefined {
  const path: string[] = [];
  let parentLine = -1;
  let limit = indent;
  let top = 0;
  for (let current = line - 1; current >= 0; current--) {
    const text = source.lineText(current);
    if (DOCUMENT_MARKER.test(text)) {
      top = current + 1;
      break;
    }
    if (isBlankOrComment(text) || indentOf(text) >= limit) continue;
    const entry = parseEntryLine(text);
    if (!entry || entry.value !== '') return undefined;
    if (parentLine === -1) parentLine = current;
    path.unshift(entry.key);
    limit = entry.indent;
    if (limit === 0) {
      top = findDocumentStart(source, current);
      break;
    }
  }
  if (limit > 0 && path.length > 0) return undefined;
  const blockStart = parentLine === -1 ? top : parentLine + 1;
  const parentIndent = parentLine === -1 ? -1 : indentOf(source.lineText(parentLine));
  return { path, parentLine, blockStart, blockEnd: blockEndAfter(source, blockStart, parentIndent) };
}

function findDocumentStart(source: SourceText, line: number): number {
  for (let current = line - 1; current >= 0; current--) {
    if (DOCUMENT_MARKER.test(source.lineText(current))) return current + 1;
  }
  return 0;
}

/** Last line of a block whose parent is indented by `parentIndent` (−1: the whole document). */
function blockEndAfter(source: SourceText, start: number, parentIndent: number): number {
  let end = start - 1;
  for (let current = start; current < source.lineCount; current++) {
    const text = source.lineText(current);
    if (DOCUMENT_MARKER.test(text)) break;
    if (isBlankOrComment(text)) continue;
    if (indentOf(text) <= parentIndent) break;
    end = current;
  }
  return Math.max(end, start - 1);
}

/** Keys written at `indent` in the given lines, except on `skipLine`. */
export function keysAtIndent(source: SourceText, level: MapLevel, indent: number, skipLine: number): Set<string> {
  const keys = new Set<string>();
  for (let current = level.blockStart; current <= level.blockEnd; current++) {
    if (current === skipLine) continue;
    const entry = parseEntryLine(source.lineText(current));
    if (entry && entry.indent === indent) keys.add(entry.key);
  }
  return keys;
}
