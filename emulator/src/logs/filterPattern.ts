// CloudWatch Logs filter patterns, the subset the emulator understands: terms (all must match),
// "quoted phrases", ?optional terms (any must match), -excluded terms, %regular expressions% and
// JSON conditions `{ $.a.b = "x" && $.n > 3 }`. Anything else (space-delimited `[...]` patterns)
// is refused rather than silently mis-matched.
import { AwsError } from '../protocol';

export type MessageMatcher = (message: string) => boolean;

function invalid(pattern: string, why: string): AwsError {
  return new AwsError('InvalidParameterException', `Invalid character(s) in term or unsupported filter pattern '${pattern}': ${why}`);
}

function termMatcher(pattern: string): MessageMatcher {
  const tokens = pattern.match(/[?-]?"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const required: string[] = [];
  const optional: string[] = [];
  const excluded: string[] = [];
  for (const token of tokens) {
    const marker = token[0] === '?' || token[0] === '-' ? token[0] : '';
    let term = marker ? token.slice(1) : token;
    if (term.startsWith('"')) term = term.slice(1, -1).replace(/\\(.)/g, '$1');
    if (term === '') throw invalid(pattern, 'empty term');
    (marker === '?' ? optional : marker === '-' ? excluded : required).push(term);
  }
  return (message) =>
    required.every((term) => message.includes(term)) &&
    (optional.length === 0 || optional.some((term) => message.includes(term))) &&
    !excluded.some((term) => message.includes(term));
}

type Comparison = '=' | '!=' | '<' | '>' | '<=' | '>=';

function valueAt(document: unknown, path: string): unknown {
  let current = document;
  for (const part of path.split('.').slice(1)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function condition(pattern: string, text: string): (document: unknown) => boolean {
  const match = /^\s*(\$(?:\.[\w-]+)+)\s*(!=|<=|>=|=|<|>)\s*(.+?)\s*$/.exec(text);
  if (!match) throw invalid(pattern, `cannot read the condition "${text.trim()}"`);
  const [, path, operator, rawValue] = match as unknown as [string, string, Comparison, string];
  if (rawValue.startsWith('"') || /^[A-Za-z*]/.test(rawValue)) {
    if (operator !== '=' && operator !== '!=') throw invalid(pattern, `${operator} needs a number`);
    const literal = rawValue.startsWith('"') ? rawValue.slice(1, -1) : rawValue;
    const wildcard = new RegExp(`^${literal.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (document) => {
      const value = valueAt(document, path);
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      const matches = value !== undefined && wildcard.test(text);
      return operator === '=' ? matches : !matches;
    };
  }
  const number = Number(rawValue);
  if (!Number.isFinite(number)) throw invalid(pattern, `"${rawValue}" is not a value`);
  return (document) => {
    const value = valueAt(document, path);
    if (typeof value !== 'number') return operator === '!=';
    switch (operator) {
      case '=': return value === number;
      case '!=': return value !== number;
      case '<': return value < number;
      case '>': return value > number;
      case '<=': return value <= number;
      case '>=': return value >= number;
    }
  };
}

function jsonMatcher(pattern: string): MessageMatcher {
  const body = pattern.trim().slice(1, -1);
  if (/[()]/.test(body)) throw invalid(pattern, 'parentheses are not supported by the emulator');
  // && binds tighter than ||.
  const alternatives = body.split('||').map((part) => part.split('&&').map((text) => condition(pattern, text)));
  return (message) => {
    let document: unknown;
    try {
      document = JSON.parse(message);
    } catch {
      return false;
    }
    return alternatives.some((all) => all.every((check) => check(document)));
  };
}

export function compileFilterPattern(pattern: string | undefined): MessageMatcher {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw invalid(text, 'unbalanced braces');
    return jsonMatcher(text);
  }
  if (text.startsWith('[')) throw invalid(text, 'space-delimited patterns are not supported by the emulator');
  if (text.length > 1 && text.startsWith('%') && text.endsWith('%')) {
    let regExp: RegExp;
    try {
      regExp = new RegExp(text.slice(1, -1));
    } catch {
      throw invalid(text, 'not a regular expression');
    }
    return (message) => regExp.test(message);
  }
  return termMatcher(text);
}
