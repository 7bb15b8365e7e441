// Snippet text for completing a key, from the schema: its `defaultSnippets`, its enum or
// boolean choices, its default or first example as the placeholder.
import type { SettingFacts } from '../../domain/schemaFacts';
import { yamlValue } from './schemaDocs';

/** Escapes text for a snippet placeholder, where `$`, `}` and `\` are special. */
export function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

/** Non-null choices, the default first: completing a value the user must pick. */
export function choicesOf(facts: SettingFacts): unknown[] | undefined {
  const types = Array.isArray(facts.type) ? facts.type : [facts.type];
  const values = facts.enum ?? (types.includes('boolean') ? [true, false] : undefined);
  if (!values) return undefined;
  const present = values.filter((value) => value !== null);
  const first = present.filter((value) => value === facts.default);
  return [...first, ...present.filter((value) => value !== facts.default)];
}

function isBlock(facts: SettingFacts): boolean {
  const types = Array.isArray(facts.type) ? facts.type : [facts.type];
  return types.includes('object') || types.includes('array');
}

/** A `defaultSnippets` body (VS Code's format: `^` marks raw text) written as YAML lines. */
function bodyLines(body: Record<string, unknown>, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      lines.push(`${indent}${key}:`, ...bodyLines(value as Record<string, unknown>, `${indent}  `));
    } else {
      const raw = typeof value === 'string' ? (value.startsWith('^') ? value.slice(1) : value) : JSON.stringify(value);
      lines.push(`${indent}${key}: ${raw}`);
    }
  }
  return lines;
}

/**
 * `key: ${1:default}`-style snippet for a key at `indent` spaces. Blocks open on the next line
 * (filled from the schema's `defaultSnippets` when it has an object body). `eol` is the file's.
 */
export function keySnippet(key: string, facts: SettingFacts, indent: number, eol: string): string {
  const childIndent = ' '.repeat(indent + 2);
  const body = facts.defaultSnippets?.find((snippet) => typeof snippet.body === 'object' && snippet.body !== null)?.body;
  if (body && !Array.isArray(body)) return [`${key}:`, ...bodyLines(body as Record<string, unknown>, childIndent)].join(eol);
  if (isBlock(facts)) {
    const types = Array.isArray(facts.type) ? facts.type : [facts.type];
    return `${key}:${eol}${childIndent}${types.includes('array') ? '- ' : ''}$0`;
  }
  const choices = choicesOf(facts);
  if (choices?.length) return `${key}: \${1|${choices.map((value) => escapeChoice(yamlValue(value))).join(',')}|}`;
  const placeholder = facts.default ?? facts.examples?.[0];
  if (placeholder === undefined || placeholder === null) return `${key}: $1`;
  return `${key}: \${1:${escapePlaceholder(yamlValue(placeholder))}}`;
}
