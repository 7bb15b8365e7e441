// Markdown about a setting, written from the schema's facts (never restated here): used by
// hover and as completion documentation.
import type { SettingFacts } from '../../domain/schemaFacts';

/** A value as it would be written in the YAML file. */
export function yamlValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value).replace(/"([^"]+)":/g, '$1: ').replace(/,/g, ', ');
}

function typeText(facts: SettingFacts): string | undefined {
  if (facts.type === undefined) return undefined;
  const types = Array.isArray(facts.type) ? facts.type : [facts.type];
  return types.map((type) => (type === 'object' && facts.isMap ? 'map' : type)).join(' | ');
}

/** `1–20`, `> 0`, `≥ 1`, or undefined when the schema gives no bounds. */
export function rangeText(facts: SettingFacts): string | undefined {
  const low = facts.exclusiveMinimum !== undefined ? `> ${facts.exclusiveMinimum}` : facts.minimum !== undefined ? `≥ ${facts.minimum}` : undefined;
  if (facts.minimum !== undefined && facts.maximum !== undefined) return `${facts.minimum}–${facts.maximum}`;
  if (facts.maximum !== undefined) return low ? `${low}, ≤ ${facts.maximum}` : `≤ ${facts.maximum}`;
  return low;
}

export function enumText(facts: SettingFacts): string | undefined {
  return facts.enum?.length ? `one of ${facts.enum.map((value) => `\`${yamlValue(value)}\``).join(', ')}` : undefined;
}

/** `**`key`** · `type` · default `x` · range or values`. */
export function titleLine(key: string, facts: SettingFacts): string {
  const parts = [`**\`${key}\`**`];
  const type = typeText(facts);
  if (type) parts.push(`\`${type}\``);
  if (facts.default !== undefined) parts.push(`default \`${yamlValue(facts.default)}\``);
  const range = rangeText(facts);
  if (range) parts.push(range);
  // The region list is long and the description names it; enums of a few values read well inline.
  const values = facts.enum && facts.enum.length <= 6 ? enumText(facts) : undefined;
  if (values) parts.push(values);
  return parts.join(' · ');
}

/** The setting's prose: the markdown description, or the plain one. */
export function descriptionOf(facts: SettingFacts): string {
  return facts.markdownDescription ?? facts.description ?? '';
}

/** Warnings the schema attaches: deprecated, ignored by App Runner. */
export function notesOf(facts: SettingFacts): string[] {
  const notes: string[] = [];
  if (facts.deprecated) notes.push(`**Deprecated.** ${facts.deprecatedMessage ?? ''}`.trim());
  if (facts.appRunnerIgnored) notes.push(`**No effect on App Runner.** ${facts.ignoredReason ?? ''}`.trim());
  return notes;
}

/** Title line, notes and description, separated as markdown paragraphs. */
export function settingMarkdown(key: string, facts: SettingFacts): string {
  return [titleLine(key, facts), ...notesOf(facts), descriptionOf(facts)].filter((part) => part !== '').join('\n\n');
}

/**
 * What one enum value means, from the description's bullet list (`- \`HTTP\`: ...`), the
 * schema's way of documenting values; `undefined` when the description has no such bullet.
 */
export function enumValueMeaning(facts: SettingFacts, value: unknown): string | undefined {
  const text = descriptionOf(facts);
  const written = yamlValue(value);
  for (const line of text.split('\n')) {
    const bullet = /^\s*[-*]\s+`([^`]+)`(.*)$/.exec(line);
    if (bullet && bullet[1] === written) return `\`${written}\`${bullet[2]}`.trim();
  }
  return undefined;
}
