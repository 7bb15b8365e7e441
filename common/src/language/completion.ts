// Completion: the keys that fit the map level at the cursor (found from indentation, since the
// line being typed rarely parses), and values for the key on the cursor's line.
import { factsAt, knownKeys, type SettingFacts } from '../domain/schemaFacts';
import { parsedFile, type DeployerInput, type ParsedFile } from './deployerDocument';
import { documentAt, keysAtIndent, mapLevelAt } from './features/locate';
import { settingMarkdown, titleLine } from './features/schemaDocs';
import { keySnippet } from './features/snippets';
import { valueCandidates } from './features/valueCandidates';
import type { Position, Range } from './types';

export type CompletionKind = 'property' | 'value' | 'enumMember';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces `range`; snippet syntax when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  range: Range;
  /** Sorts before others when smaller: the likeliest item first. */
  sortText: string;
  preselect?: boolean;
  deprecated?: boolean;
}

/** `key` or `- key` being typed at the start of a line (possibly nothing yet). */
const KEY_PREFIX = /^(\s*)(?:-\s+)?([\w.-]*)$/;
/** `key: partial` with the cursor in the value. */
const VALUE_PREFIX = /^(\s*)(?:-\s+)?([\w.-]+|"[^"]*"|'[^']*')\s*:(\s*)([^#]*)$/;
const WORD_TAIL = /^[\w.-]*/;

function pad(rank: number, index: number): string {
  return `${rank}${String(index).padStart(3, '0')}`;
}

function rankOf(key: string, facts: SettingFacts, required: readonly string[]): number {
  if (facts.deprecated) return 3;
  if (facts.appRunnerIgnored) return 2;
  return required.includes(key) ? 0 : 1;
}

function plainDetail(key: string, facts: SettingFacts): string {
  return titleLine(key, facts).replace(/\*\*`[^`]*`\*\* · ?/, '').replace(/`/g, '');
}

function keyCompletions(file: ParsedFile, position: Position, indent: number, partialStart: number): CompletionEntry[] {
  const { source } = file;
  const level = mapLevelAt(source, position.line, indent);
  if (!level) return [];
  const parentFacts = factsAt(level.path);
  if (!parentFacts?.properties) return [];
  const line = source.lineText(position.line);
  const tail = line.slice(position.character);
  const wordEnd = position.character + (WORD_TAIL.exec(tail)?.[0].length ?? 0);
  // Renaming the key of an existing `key: value` entry: insert the name only.
  const keyOnly = /^\s*:/.test(line.slice(wordEnd));
  const present = keysAtIndent(source, level, indent, position.line);
  const range: Range = { start: { line: position.line, character: partialStart }, end: { line: position.line, character: wordEnd } };
  const required = parentFacts.required ?? [];
  const entries: CompletionEntry[] = [];
  knownKeys(level.path).forEach((key, index) => {
    const facts = factsAt([...level.path, key]);
    if (!facts || present.has(key)) return;
    entries.push({
      label: key,
      kind: 'property',
      detail: plainDetail(key, facts),
      documentation: settingMarkdown(key, facts),
      insertText: keyOnly ? key : keySnippet(key, facts, indent, source.eol),
      snippet: !keyOnly,
      range,
      sortText: pad(rankOf(key, facts, required), index),
      deprecated: facts.deprecated,
    });
  });
  return entries;
}

function valueCompletions(file: ParsedFile, position: Position, match: RegExpExecArray): CompletionEntry[] {
  const [, indentText, rawKey, spacing, partial] = match;
  const key = /^["']/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  const level = mapLevelAt(file.source, position.line, indentText.length);
  if (!level) return [];
  const path = [...level.path, key];
  const facts = factsAt(path);
  if (!facts) return [];
  const doc = documentAt(file, file.source.offsetAt(position));
  const candidates = valueCandidates(path, facts, doc?.value);
  const start = position.character - partial.length;
  const line = file.source.lineText(position.line);
  const valueEnd = start + line.slice(start).replace(/\s+#.*$/, '').trimEnd().length;
  const range: Range = { start: { line: position.line, character: start }, end: { line: position.line, character: Math.max(valueEnd, position.character) } };
  // `key:|` with no space yet: the value needs one in front.
  const lead = spacing === '' && partial === '' ? ' ' : '';
  const keyDoc = settingMarkdown(key, facts);
  return candidates.map((candidate, index) => ({
    label: candidate.text,
    kind: facts.enum ? 'enumMember' : 'value',
    detail: candidate.detail,
    documentation: candidate.documentation ? `${candidate.documentation}\n\n---\n\n${keyDoc}` : keyDoc,
    insertText: lead + candidate.text,
    snippet: false,
    range,
    sortText: pad(0, index),
    preselect: index === 0 || undefined,
  }));
}

export function completeAt(input: DeployerInput, position: Position): CompletionEntry[] {
  const file = parsedFile(input);
  const line = file.source.lineText(position.line);
  if (position.character > line.length) return [];
  const before = line.slice(0, position.character);
  if (before.trimStart().startsWith('#')) return [];
  const value = VALUE_PREFIX.exec(before);
  if (value) return valueCompletions(file, position, value);
  const key = KEY_PREFIX.exec(before);
  if (key) return keyCompletions(file, position, key[1].length, position.character - key[2].length);
  return [];
}
