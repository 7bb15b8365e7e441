// The values a filter pattern compares with, shared by JSON (`{ $.a = "x*" }`) and space-delimited
// (`[ip, status = 4*]`) patterns: strings with a leading or trailing `*` wildcard, numbers, and
// `%regular expressions%`; plus the error CloudWatch answers for a pattern it cannot read.
import { AwsError } from '../protocol';

/** CloudWatch's answer to a pattern it cannot read; `detail` says what is wrong. */
export function invalidPattern(detail: string): AwsError {
  return new AwsError('InvalidParameterException', `Invalid filter pattern: ${detail}`);
}

/** CloudWatch's wording for a term with characters it only accepts inside double quotes. */
export function invalidTerm(term: string): AwsError {
  return invalidPattern(`Invalid character(s) in term '${term}'`);
}

/** An integer or decimal with an optional sign, optionally in scientific notation (`10e-3`). */
export const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type Operator = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Value =
  | { kind: 'string'; text: string; matches: (text: string) => boolean }
  | { kind: 'number'; value: number }
  | { kind: 'regex'; source: string; regExp: RegExp };

/**
 * A string value: `*` at the start and/or the end matches any text there (`*Event`, `Event*`,
 * `*html*`); a `*` anywhere else is itself (`Ev*ent` matches only "Ev*ent"); `*` alone matches
 * any value.
 */
export function stringValue(text: string): Value {
  if (text === '*') return { kind: 'string', text, matches: () => true };
  const leading = text.startsWith('*');
  const trailing = text.length > 1 && text.endsWith('*');
  const core = text.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  const matches = (candidate: string): boolean => {
    if (leading && trailing) return candidate.includes(core);
    if (leading) return candidate.endsWith(core);
    if (trailing) return candidate.startsWith(core);
    return candidate === core;
  };
  return { kind: 'string', text, matches };
}

// What AWS documents for regular expressions: letters, digits, the symbols _ # = @ / ; , - (and :,
// which one version of the page lists), the operators ^ $ ? [ ] { } | \ * + . and no parentheses.
// We also accept a space (the page does not list it; refusing it would refuse plain phrases).
const REGEX_CHARACTER = /^[A-Za-z0-9_#=@/;,:\- ^$?[\]{}|\\*+.]$/;

/** `%...%` without its percent signs, checked as CloudWatch does, as a JavaScript RegExp (searching, not anchored). */
export function compileRegex(source: string): RegExp {
  if (source === '') throw invalidTerm('%%');
  for (const character of source) {
    if (!REGEX_CHARACTER.test(character)) throw invalidTerm(`%${source}%`);
  }
  try {
    return new RegExp(source);
  } catch {
    throw invalidPattern(`'%${source}%' is not a regular expression`);
  }
}

export function regexValue(source: string): Value {
  return { kind: 'regex', source, regExp: compileRegex(source) };
}

/** An unquoted word on the right of an operator: a number when it reads as one, else a string. */
export function wordValue(word: string): Value {
  if (NUMBER.test(word)) return { kind: 'number', value: Number(word) };
  // Strings of letters and digits need no quotes; we also let through the characters AWS's own
  // examples leave unquoted (`123.123.*`); anything else must be quoted.
  if (!/^[A-Za-z0-9_.*:/+-]+$/.test(word)) throw invalidTerm(word);
  return stringValue(word);
}

/** Checks that `value` fits `operator`: numbers for `<`, `>`, `<=`, `>=`; regexes only with `=` and `!=`. */
export function checkOperator(operator: Operator, value: Value, subject: string): void {
  const ordering = operator !== '=' && operator !== '!=';
  if (ordering && value.kind !== 'number') throw invalidPattern(`${subject} ${operator} needs a number`);
}

export function compareNumbers(left: number, operator: Operator, right: number): boolean {
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '>=':
      return left >= right;
  }
}

/**
 * Compares a value read from the event (a JSON string or number, or a space-delimited field's
 * text) with the pattern's value. Numbers compare as numbers: a JSON number, or a field whose text
 * is a number (`textIsNumber`); strings and regexes compare with the text.
 */
export function compare(actual: string | number, operator: Operator, value: Value, textIsNumber: boolean): boolean {
  if (value.kind === 'number') {
    const number = typeof actual === 'number' ? actual : textIsNumber && NUMBER.test(actual) ? Number(actual) : undefined;
    return number !== undefined && compareNumbers(number, operator, value.value);
  }
  const text = typeof actual === 'number' ? String(actual) : actual;
  const matched = value.kind === 'string' ? value.matches(text) : value.regExp.test(text);
  return operator === '=' ? matched : !matched;
}
