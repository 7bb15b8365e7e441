// Completion: the keys that fit the map level at the cursor (found from indentation, since the
// line being typed rarely parses), and values for the key on the cursor's line.
import { factsAt, knownKeys, type SettingFacts } from '../domain/schemaFacts';
import { parseDeployerFile, parsedFile, type DeployerInput, type ParsedFile } from './deployerDocument';
import { CHECKED_BLOCKS } from './sources/runConfigSource';
import type { SourceFile } from './sources/sourceFile';
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

export function plainDetail(key: string, facts: SettingFacts): string {
  return titleLine(key, facts).replace(/\*\*`[^`]*`\*\* · ?/, '').replace(/`/g, '');
}

/** How a YAML file's map paths relate to the schema's, and the plain data of the scope at an offset. */
interface YamlContext {
  schemaPath(path: readonly string[]): string[] | undefined;
  json(offset: number): unknown;
}

function keyCompletions(file: ParsedFile, context: YamlContext, position: Position, indent: number, partialStart: number): CompletionEntry[] {
  const { source } = file;
  const found = mapLevelAt(source, position.line, indent);
  const schemaPath = found && context.schemaPath(found.path);
  if (!found || !schemaPath) return [];
  const level = { ...found, path: schemaPath };
  const parentFacts = factsAt(level.path);
  if (!parentFacts?.properties) return [];
  const line = source.lineText(position.line);
  const tail = line.slice(position.character);
  const wordEnd = position.character + (WORD_TAIL.exec(tail)?.[0].length ?? 0);
  // Renaming the key of an existing `key: value` entry: insert the name only.
  const keyOnly = /^\s*:/.test(line.slice(wordEnd));
  const present = keysAtIndent(source, found, indent, position.line);
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

function valueCompletions(file: ParsedFile, context: YamlContext, position: Position, match: RegExpExecArray): CompletionEntry[] {
  const [, indentText, rawKey, spacing, partial] = match;
  const key = /^["']/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  const level = mapLevelAt(file.source, position.line, indentText.length);
  const levelPath = level && context.schemaPath(level.path);
  if (!levelPath) return [];
  const path = [...levelPath, key];
  const facts = factsAt(path);
  if (!facts) return [];
  const candidates = valueCandidates(path, facts, context.json(file.source.offsetAt(position)));
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
  return completeYaml(file, { schemaPath: (path) => [...path], json: (offset) => documentAt(file, offset)?.value }, position);
}

/**
 * Completion in a run config: inside its checked settings blocks (pipeline or step), with the
 * deployer file's keys and values; nothing elsewhere in the file.
 */
export function completeRunConfig(file: SourceFile, position: Position): CompletionEntry[] {
  const parsed = file.yaml ?? parseDeployerFile(file.source.text);
  const context: YamlContext = {
    schemaPath: (path) => {
      const rest = path[0] === 'steps' && path.length >= 3 ? path.slice(2) : path;
      if (rest[0] !== 'settings' || (rest.length >= 2 && !CHECKED_BLOCKS.includes(rest[1]))) return undefined;
      return [...rest];
    },
    json: (offset) => file.scopes.find((scope) => scope.hitAt(offset) !== undefined)?.value,
  };
  return completeYaml(parsed, context, position);
}

function completeYaml(file: ParsedFile, context: YamlContext, position: Position): CompletionEntry[] {
  const line = file.source.lineText(position.line);
  if (position.character > line.length) return [];
  const before = line.slice(0, position.character);
  if (before.trimStart().startsWith('#')) return [];
  const value = VALUE_PREFIX.exec(before);
  if (value) return valueCompletions(file, context, position, value);
  const key = KEY_PREFIX.exec(before);
  if (key) return keyCompletions(file, context, position, key[1].length, position.character - key[2].length);
  return [];
}
