// Where things end on a line of block-style YAML, by the yaml library's lexer rules: keys,
// plain and quoted scalars, flow-collection items, block-scalar bodies, `---` lines. For the
// fast block-YAML parser (blockYaml.ts); anything these functions do not reproduce exactly
// makes them call `outside()`, which sends the whole text to the library instead.

export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const PLUS = 43;
export const PIPE = 124;
export const GREATER = 62;
export const SINGLE_QUOTE = 39;
export const DOUBLE_QUOTE = 34;
export const COMMA = 44;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
const QUESTION = 63;
const BACKSLASH = 92;

/** Characters that end a plain scalar inside a flow collection. */
const FLOW_INDICATORS = new Set([COMMA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET]);

/** Characters a plain scalar cannot start with, or that start something left to the library. */
const NOT_PLAIN_START = new Set(Array.from('[]{},#&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));

/** Thrown when the text leaves the subset; caught by `parseBlockYaml`. */
export const OUTSIDE_SUBSET = new Error('outside the block YAML subset');

export function outside(): never {
  throw OUTSIDE_SUBSET;
}

export function skipSpaces(text: string, at: number, contentEnd: number): number {
  while (at < contentEnd && text.charCodeAt(at) === SPACE) at++;
  return at;
}

function isQuote(ch: number): boolean {
  return ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE;
}

/** `-` followed by a blank or the line end: a block sequence item. */
export function isItemIndicator(text: string, at: number, contentEnd: number): boolean {
  return text.charCodeAt(at) === DASH && (at + 1 === contentEnd || text.charCodeAt(at + 1) === SPACE);
}

/** `---` alone on its line (perhaps with a comment): the start of a next document. */
export function isDocumentStart(text: string, lineStart: number, contentEnd: number): boolean {
  if (!text.startsWith('---', lineStart) || (lineStart + 3 < contentEnd && text.charCodeAt(lineStart + 3) !== SPACE)) return false;
  const at = skipSpaces(text, lineStart + 3, contentEnd);
  // Content after the marker starts the document's root on the marker line: left to the library.
  if (at < contentEnd && text.charCodeAt(at) !== HASH) outside();
  return true;
}

/** Whether a plain scalar may start at `at` in block context (indicators followed by a blank start other syntax). */
function startsPlain(text: string, at: number, contentEnd: number): boolean {
  const ch = text.charCodeAt(at);
  if (NOT_PLAIN_START.has(ch)) return false;
  if (ch === DASH || ch === QUESTION || ch === COLON) return at + 1 < contentEnd && text.charCodeAt(at + 1) !== SPACE;
  return true;
}

/**
 * Offset of the `:` after a one-line implicit key starting at `start` (plain, or quoted and
 * followed by blanks), or -1 when the content is not `key:` (a value, or something else).
 */
export function keyColon(text: string, start: number, contentEnd: number): number {
  if (isQuote(text.charCodeAt(start))) {
    const colon = skipSpaces(text, closingQuote(text, start, contentEnd) + 1, contentEnd);
    const isKey = colon < contentEnd && text.charCodeAt(colon) === COLON && (colon + 1 === contentEnd || text.charCodeAt(colon + 1) === SPACE);
    return isKey ? colon : -1;
  }
  if (!startsPlain(text, start, contentEnd)) return -1;
  for (let i = start; i < contentEnd; i++) {
    const ch = text.charCodeAt(i);
    if (ch === COLON && (i + 1 === contentEnd || text.charCodeAt(i + 1) === SPACE)) return i;
    if (ch === SPACE && text.charCodeAt(i + 1) === HASH) return -1;
  }
  return -1;
}

/** End of the key whose `:` is at `colon`: before the blanks between them. */
export function keyEnd(text: string, colon: number): number {
  let end = colon;
  while (text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

/** End of a one-line plain value starting at `start`: before ` #` or trailing blanks. */
export function plainValueEnd(text: string, start: number, contentEnd: number): number {
  if (!startsPlain(text, start, contentEnd)) outside();
  let end = start;
  for (let i = start; i < contentEnd; i++) {
    const ch = text.charCodeAt(i);
    if (ch === SPACE) {
      if (text.charCodeAt(i + 1) === HASH) break;
    } else {
      // `: ` inside a value would start a mapping on the same line (an error).
      if (ch === COLON && (i + 1 === contentEnd || text.charCodeAt(i + 1) === SPACE)) outside();
      end = i + 1;
    }
  }
  return end;
}

/** End of a one-line quoted value starting at `start`; after it only a comment may follow. */
export function quotedValueEnd(text: string, start: number, contentEnd: number): number {
  const end = closingQuote(text, start, contentEnd) + 1;
  const after = skipSpaces(text, end, contentEnd);
  // The comment needs a blank before it.
  if (after < contentEnd && (text.charCodeAt(after) !== HASH || after === end)) outside();
  return end;
}

/** After a flow collection's closing bracket at `close`: nothing, or a comment after a blank. */
export function checkFlowCollectionEnd(text: string, close: number, contentEnd: number): void {
  const after = skipSpaces(text, close + 1, contentEnd);
  if (after < contentEnd && (text.charCodeAt(after) !== HASH || after === close + 1)) outside();
}

/** Offset of the quote closing the one-line quoted scalar opened at `start`. */
function closingQuote(text: string, start: number, contentEnd: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < contentEnd; i++) {
    const ch = text.charCodeAt(i);
    if (quote === SINGLE_QUOTE && ch === SINGLE_QUOTE) {
      if (text.charCodeAt(i + 1) !== SINGLE_QUOTE) return i;
      i++; // '' is an escaped quote
    } else if (quote === DOUBLE_QUOTE) {
      if (ch === BACKSLASH) outside(); // escapes are left to the library
      if (ch === DOUBLE_QUOTE) return i;
    }
  }
  return outside(); // the scalar goes on over the next line
}

/** End of the plain or quoted scalar starting at `start` inside a one-line flow collection. */
export function flowScalarEnd(text: string, start: number, contentEnd: number): number {
  if (start >= contentEnd) outside(); // the collection goes on over lines
  const ch = text.charCodeAt(start);
  if (isQuote(ch)) return closingQuote(text, start, contentEnd) + 1;
  // Nested collections, empty items (`,,`) and indicators are left to the library.
  if (NOT_PLAIN_START.has(ch)) outside();
  if ((ch === DASH || ch === QUESTION || ch === COLON) && endsFlowPlain(text, start + 1, contentEnd)) outside();
  let end = start;
  for (let i = start; i < contentEnd; i++) {
    const c = text.charCodeAt(i);
    if (FLOW_INDICATORS.has(c)) break;
    if (c === SPACE) {
      if (text.charCodeAt(i + 1) === HASH) outside(); // a comment: the collection goes on over lines
    } else if (c === COLON && endsFlowPlain(text, i + 1, contentEnd)) {
      break;
    } else {
      end = i + 1;
    }
  }
  return end;
}

/** After `:` (or `-`, `?`), whether the character at `at` makes it an indicator in a flow collection. */
function endsFlowPlain(text: string, at: number, contentEnd: number): boolean {
  return at === contentEnd || text.charCodeAt(at) === SPACE || FLOW_INDICATORS.has(text.charCodeAt(at));
}

/** Where the header of a block scalar at `start` ends, and its chomping indicator. */
export function blockScalarHeader(text: string, start: number, contentEnd: number): { keep: boolean; strip: boolean } {
  let end = start + 1;
  const chomp = text.charCodeAt(end);
  if (chomp === DASH || chomp === PLUS) end++;
  // Explicit indentation indicators and anything glued to the header are left to the library.
  if (end < contentEnd && text.charCodeAt(end) !== SPACE) outside();
  const after = skipSpaces(text, end, contentEnd);
  if (after < contentEnd && text.charCodeAt(after) !== HASH) outside();
  return { keep: chomp === PLUS, strip: chomp === DASH };
}

/**
 * The body of a block scalar whose header line ends at `start`: the lines the library's lexer
 * gives it, i.e. lines indented at least as deep as the first one, and blank lines between.
 * Blank lines at the end belong to the body only with keep chomping (`|+`) or when they are
 * indented deeper than the body. The first line must be deeper than `parentIndent`.
 */
export function blockBody(text: string, start: number, parentIndent: number, keep: boolean): { end: number; indent: number } {
  const length = text.length;
  const first = skipSpaces(text, start, length);
  const indent = first - start;
  const ch = first < length ? text.charCodeAt(first) : -1;
  // Leading blank lines and an empty or under-indented body are left to the library.
  if (ch === -1 || ch === LF || ch === CR || indent <= parentIndent) outside();

  let lineBreak = start - 1; // the `\n` before the current line
  for (;;) {
    const lineStart = lineBreak + 1;
    const at = skipSpaces(text, lineStart, length);
    const c = at < length ? text.charCodeAt(at) : -1;
    const blank = c === LF || (c === CR && text.charCodeAt(at + 1) === LF);
    if (!blank && at - lineStart < indent) break;
    const lf = text.indexOf('\n', at);
    if (lf === -1) {
      lineBreak = length;
      break;
    }
    lineBreak = lf;
  }
  if (!keep) {
    // Drop trailing lines holding no more than the body's indentation in blanks.
    for (;;) {
      let i = lineBreak - 1;
      if (text.charCodeAt(i) === CR) i--;
      const last = i;
      while (text.charCodeAt(i) === SPACE) i--;
      if (text.charCodeAt(i) === LF && i >= start && i + 1 + indent > last) lineBreak = i;
      else break;
    }
  }
  return { end: Math.min(lineBreak + 1, length), indent };
}
