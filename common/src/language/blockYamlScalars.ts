// Scalar values for the fast block-YAML parser (blockYaml.ts), equal to the yaml library's: plain
// scalars resolved through the document's own schema tags (so null, booleans, numbers and their
// formats come out exactly as the library makes them), one-line quoted scalars, and the text of
// literal and folded block scalars with their chomping.
import { isScalar, Scalar, type Document } from 'yaml';
import { plainScalarTags, type TestedTag } from './yamlInternals';

/** A plain scalar's node for its source text; `undefined` when the library would report an error. */
export type ScalarResolver = (source: string, atKey: boolean) => Scalar | undefined;

/** Resolves plain scalars the way the library's composer does with `doc`'s schema. */
export function scalarResolver(doc: Document.Parsed): ScalarResolver {
  const tags = plainScalarTags(doc);
  const anyTag = unionOfCached(tags.map((tag) => tag.test));
  const { options } = doc;
  return (source, atKey) => {
    // Most scalars are strings: one test of all the patterns at once rules that out quickly.
    if (anyTag && !anyTag.test(source)) return new Scalar(source);
    // The first default tag whose pattern matches wins (keys also try tags meant for keys);
    // no match is a string.
    let tag: TestedTag | undefined;
    for (const candidate of tags) {
      if ((candidate.default === true || atKey) && candidate.test.test(source)) {
        tag = candidate;
        break;
      }
    }
    if (!tag) return new Scalar(source);
    let failed = false;
    let value: unknown;
    try {
      value = tag.resolve(source, () => (failed = true), options);
    } catch {
      failed = true;
    }
    if (failed) return undefined;
    const node = isScalar(value) ? value : new Scalar(value);
    if (tag.format) node.format = tag.format;
    return node;
  };
}

const unions = new Map<string, RegExp | undefined>();

/** `unionOf`, compiled once per set of patterns (every document of every validation has the same). */
function unionOfCached(patterns: RegExp[]): RegExp | undefined {
  const key = patterns.map((pattern) => `${pattern.source}/${pattern.flags}`).join('\n');
  if (!unions.has(key)) unions.set(key, unionOf(patterns));
  return unions.get(key);
}

/**
 * One pattern matching exactly what any of `patterns` matches, or `undefined` when they cannot
 * be joined safely (flags, or back-references whose numbers a join would shift).
 */
function unionOf(patterns: RegExp[]): RegExp | undefined {
  if (patterns.length === 0 || patterns.some((pattern) => pattern.flags !== '' || /\\[1-9k]/.test(pattern.source))) return undefined;
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'));
}

/** The value of the one-line quoted scalar `text[start, end)`, quotes included (double-quoted ones hold no `\`). */
export function quotedValue(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return text.charCodeAt(start) === 39 /* ' */ && inner.includes("''") ? inner.replace(/''/g, "'") : inner;
}

export type Chomping = 'clip' | 'strip' | 'keep';

/**
 * The value of a block scalar whose body (its lines, from the first one's indentation to the
 * last line break the lexer gave it) is `body`, with content indented by `indent`.
 */
export function blockScalarValue(body: string, indent: number, folded: boolean, chomping: Chomping): string {
  const lines = body.split('\n');
  // Trailing lines holding only blanks are chomped, except those indented deeper than the
  // content: they are content (blank lines of more-indented text).
  let contentEnd = lines.length;
  while (contentEnd > 0 && isBlank(lines[contentEnd - 1])) contentEnd--;
  for (let i = lines.length - 1; i >= contentEnd; i--) {
    if (leadingSpaces(lines[i]) > indent) {
      contentEnd = i + 1;
      break;
    }
  }
  let value = folded ? foldLines(lines, contentEnd, indent) : literalLines(lines, contentEnd, indent);
  if (chomping === 'clip') value += '\n';
  else if (chomping === 'keep') {
    for (let i = contentEnd; i < lines.length; i++) value += `\n${' '.repeat(Math.max(0, leadingSpaces(lines[i]) - indent))}`;
    if (!value.endsWith('\n')) value += '\n';
  }
  return value;
}

function literalLines(lines: string[], count: number, indent: number): string {
  let value = '';
  for (let i = 0; i < count; i++) value += (i > 0 ? '\n' : '') + withoutCr(lines[i]).slice(indent);
  return value;
}

/**
 * Folding: lines at the content's indentation join with a space; a blank line becomes a line
 * break; more-indented lines keep their line breaks (and the one before them).
 */
function foldLines(lines: string[], count: number, indent: number): string {
  let value = '';
  let separator = '';
  let previousMoreIndented = false;
  for (let i = 0; i < count; i++) {
    const line = withoutCr(lines[i]);
    const spaces = leadingSpaces(line);
    if (spaces > indent) {
      if (separator === ' ') separator = '\n';
      else if (!previousMoreIndented && separator === '\n') separator = '\n\n';
      value += separator + line.slice(indent);
      separator = '\n';
      previousMoreIndented = true;
    } else if (spaces === line.length) {
      if (separator === '\n') value += '\n';
      else separator = '\n';
    } else {
      value += separator + line.slice(spaces);
      separator = ' ';
      previousMoreIndented = false;
    }
  }
  return value;
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (line.charCodeAt(count) === 32) count++;
  return count;
}

function isBlank(line: string): boolean {
  return leadingSpaces(line) === withoutCr(line).length;
}
