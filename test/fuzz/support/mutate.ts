// Mutations that turn a seed file into the kind of text an editor holds mid-keystroke, and
// worse: truncations, stray structure characters, tabs, document markers, anchors and alias
// bombs, tags, huge numbers, odd unicode, mixed line breaks.
import type { Random } from './random';

export type Mutation = (text: string, random: Random, corpus: readonly string[]) => string;

const LINE_BREAK = /\r\n|\r|\n/;

function lines(text: string): string[] {
  return text.split(LINE_BREAK);
}

function insertAt(text: string, offset: number, snippet: string): string {
  return text.slice(0, offset) + snippet + text.slice(offset);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** A random `key: value` line's value span, or undefined when the text has none. */
function valueSpan(text: string, random: Random): [number, number] | undefined {
  const pattern = /^[ \t]*(?:- )?[^\s#:][^:\n\r]*:[ \t]+([^\n\r#]*[^\s#])/gm;
  const spans: [number, number][] = [];
  for (let match = pattern.exec(text); match && spans.length < 400; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    spans.push([end - match[1].length, end]);
  }
  return spans.length > 0 ? random.pick(spans) : undefined;
}

function replaceValue(text: string, random: Random, value: string): string {
  const span = valueSpan(text, random);
  if (!span) return `${text}\nkey: ${value}\n`;
  return text.slice(0, span[0]) + value + text.slice(span[1]);
}

function randomLineStart(text: string, random: Random): number {
  return random.pick(lineStarts(text));
}

const STRUCTURE = [':', ': ', '[', ']', '{', '}', ',', '- ', '? ', '#', '|', '>', '"', "'", '&', '*', '!', '%', '@', '`', '\\', ' ', '  ', '\n', '\n  ', '\t'];
const TAGS = ['!!binary ', '!!str ', '!!int ', '!!float ', '!!bool ', '!!null ', '!!map ', '!!seq ', '!!set ', '!!omap ', '!!timestamp ', '!custom ', '!<tag:yaml.org,2002:str> ', '!e!x ', '!! '];
const HUGE = [
  '1e400', '-1e400', '99999999999999999999999999999999', '0x7fffffffffffffffffff', '0o777777777777777777777', '.inf', '-.inf', '.nan',
  '-0', '0.0000000000000000000001', '1_000_000', '123456789012345678901234567890.5', '2e-400', '0b1010', '+12', '1e308', String(Number.MAX_SAFE_INTEGER + 2),
];
const UNICODE = ['😀', '\u{1F9D1}\u200D\u{1F52C}', '\uD800', '\uDFFF', '\uFEFF', '\u200B', '\u202E', 'e\u0301', '\u0000', '\u0007', '\u0085', '\u2028', '\u2029', 'ü', '中文', '\uFFFD', '\u00A0'];
const VALUES = [
  'HTTPS', 'HTTP', 'TCP', 'tcp', 'us-east-1', 'us-east-7', 'mars-1', '2GB', '2 GB', '2gb', '1GiB', '512MiB', '0.25', '0.5', '3', '4', '-1', '0', '26',
  'null', '~', '', 'true', 'yes', 'off', '[]', '{}', '[1, 2]', '{a: b}', '"${env:A}"', '${env:}', 'arn:aws:iam::123:role/x', '"quoted', "'single", '/health',
  'AWSAPPRUNNER_X', 'aws:tag', '|', '>-', '*undefined_alias', '&anchor value', '2025-01-01', '2025-01-01T00:00:00Z', '=', '<<',
];

function aliasBomb(random: Random): string {
  const width = random.between(2, 10);
  const depth = random.between(3, 10);
  const out = [`l0: &l0 [${Array.from({ length: width }, () => '"lol"').join(', ')}]`];
  for (let level = 1; level < depth; level++) {
    out.push(`l${level}: &l${level} [${Array.from({ length: width }, () => `*l${level - 1}`).join(', ')}]`);
  }
  return out.join('\n');
}

export const MUTATIONS: readonly (readonly [string, Mutation])[] = [
  ['truncate', (text, r) => text.slice(0, r.int(text.length + 1))],
  ['delete-chars', (text, r) => {
    const at = r.int(text.length);
    return text.slice(0, at) + text.slice(at + r.between(1, 8));
  }],
  ['insert-structure', (text, r) => insertAt(text, r.int(text.length + 1), Array.from({ length: r.between(1, 3) }, () => r.pick(STRUCTURE)).join(''))],
  ['duplicate-chars', (text, r) => {
    const at = r.int(text.length);
    const piece = text.slice(at, at + r.between(1, 40));
    return insertAt(text, at, piece);
  }],
  ['delete-line', (text, r) => {
    const all = lines(text);
    all.splice(r.int(all.length), 1);
    return all.join('\n');
  }],
  ['duplicate-line', (text, r) => {
    const all = lines(text);
    const at = r.int(all.length);
    all.splice(at, 0, all[at]);
    return all.join('\n');
  }],
  ['swap-lines', (text, r) => {
    const all = lines(text);
    const a = r.int(all.length);
    const b = r.int(all.length);
    [all[a], all[b]] = [all[b], all[a]];
    return all.join('\n');
  }],
  ['indent-shift', (text, r) => {
    const all = lines(text);
    const at = r.int(all.length);
    all[at] = r.chance(0.5) ? ' '.repeat(r.between(1, 4)) + all[at] : all[at].replace(/^ {1,3}/, '');
    return all.join('\n');
  }],
  ['tab', (text, r) => {
    const at = r.chance(0.6) ? randomLineStart(text, r) : r.int(text.length + 1);
    return insertAt(text, at, r.chance(0.5) ? '\t' : '  \t');
  }],
  ['document-marker', (text, r) => insertAt(text, randomLineStart(text, r), r.pick(['---\n', '...\n', '--- ', '---\n---\n', '--- |\n  x\n'])) ],
  ['directive', (text, r) => r.pick(['%YAML 1.1\n---\n', '%YAML 1.3\n', '%TAG ! tag:example.com,2000:\n---\n', '%FOO bar\n']) + text],
  ['anchor-alias', (text, r) => {
    const withAnchor = replaceValue(text, r, `&a ${r.pick(['1', 'x', '{k: v}', '[1]', '2GB'])}`);
    return replaceValue(withAnchor, r, r.pick(['*a', '*a', '*missing', '{<<: *a}', '[*a, *a]']));
  }],
  ['merge-key', (text, r) => insertAt(text, randomLineStart(text, r), r.pick(['<<: *a\n', '  <<: *a\n', '<<: [*a, *b]\n', '<<: {x: 1}\n']))],
  ['alias-bomb', (text, r) => (r.chance(0.5) ? `${aliasBomb(r)}\n${text}` : `${text}\n${aliasBomb(r)}\n`)],
  ['alias-bomb-in-value', (text, r) => {
    const bomb = aliasBomb(r);
    const depth = bomb.split('\n').length - 1;
    return `${bomb}\n${replaceValue(text, r, `*l${depth}`)}`;
  }],
  ['tag', (text, r) => {
    const span = valueSpan(text, r);
    return span ? insertAt(text, span[0], r.pick(TAGS)) : insertAt(text, r.int(text.length + 1), r.pick(TAGS));
  }],
  ['binary', (text, r) => replaceValue(text, r, r.pick(['!!binary aGVsbG8=', '!!binary !!!', '!!binary |\n  R0lGODlhDAAMAIQAAP', '!!binary']))],
  ['huge-number', (text, r) => replaceValue(text, r, r.pick(HUGE))],
  ['replace-value', (text, r) => replaceValue(text, r, r.pick(VALUES))],
  ['unicode', (text, r) => insertAt(text, r.int(text.length + 1), r.pick(UNICODE))],
  ['crlf', (text, r) => {
    if (r.chance(0.4)) return text.replace(/\r?\n/g, '\r\n');
    if (r.chance(0.5)) return text.replace(/\r?\n/g, '\r');
    const at = r.int(text.length + 1);
    return insertAt(text, at, r.pick(['\r\n', '\r', '\n\r']));
  }],
  ['duplicate-key', (text, r) => {
    const all = lines(text);
    const keyed = all.map((line, i) => [line, i] as const).filter(([line]) => /^\s*[\w.]+:/.test(line));
    if (keyed.length === 0) return text;
    const [line, at] = r.pick(keyed);
    all.splice(at + 1, 0, line.replace(/:.*$/, `: ${r.pick(VALUES)}`));
    return all.join('\n');
  }],
  ['deep-nesting', (text, r) => {
    const depth = r.between(20, 400);
    const open = r.chance(0.5) ? '['.repeat(depth) : '{a: '.repeat(depth);
    const close = r.chance(0.7) ? (open.startsWith('[') ? ']' : '}').repeat(depth) : '';
    return replaceValue(text, r, open + close);
  }],
  ['deep-block', (text, r) => {
    const depth = r.between(20, 300);
    const block = Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
    return insertAt(text, randomLineStart(text, r), `${block}\n`);
  }],
  ['long-line', (text, r) => replaceValue(text, r, r.pick(['x', 'ab ', '"', '\\u']).repeat(r.between(500, 4000)))],
  ['block-scalar', (text, r) => replaceValue(text, r, r.pick(['|', '>-', '|+', '|2', '>9', '|\n  text\n more', '|-\n\ttab']))],
  ['comment', (text, r) => insertAt(text, r.int(text.length + 1), r.pick(['#', ' #', ' # comment', '#\n']))],
  ['splice', (text, r, corpus) => {
    const other = lines(r.pick(corpus));
    const from = r.int(other.length);
    const piece = other.slice(from, from + r.between(1, 8)).join('\n');
    return insertAt(text, randomLineStart(text, r), `${piece}\n`);
  }],
  ['empty', () => ''],
];

/** Applies 1 to `max` random mutations; returns the text and the names applied, in order. */
export function mutate(seedText: string, random: Random, corpus: readonly string[], max = 4): { text: string; applied: string[] } {
  let text = seedText;
  const applied: string[] = [];
  const count = random.between(1, max);
  for (let i = 0; i < count; i++) {
    const [name, mutation] = random.pick(MUTATIONS);
    // "empty" is rare on purpose; everything else is uniform.
    if (name === 'empty' && !random.chance(0.2)) continue;
    text = mutation(text, random, corpus);
    applied.push(name);
  }
  return { text, applied };
}
