// The condition language inside `{ ... }` and inside a `[ ... ]` field: comparisons joined by `&&`
// and `||` with parentheses, `()` binding tighter than `&&`, and `&&` tighter than `||`. This file
// reads the text into tokens and a tree; what a comparison is (a JSON selector, a field name) is
// up to the caller.
import { invalidPattern, type Operator } from './filterValues';

export type Token =
  | { kind: '(' | ')' | '&&' | '||' }
  | { kind: 'op'; op: Operator }
  | { kind: 'selector'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'regex'; text: string }
  | { kind: 'word'; text: string };

const WORD_END = /[\s()=!<>&|"%]/;

/** Reads a double-quoted string starting at `start` (the quote); `\"` and `\\` are escapes. */
export function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const character = text[i];
    if (character === '\\' && i + 1 < text.length) {
      value += text[++i];
    } else if (character === '"') {
      return { value, end: i + 1 };
    } else {
      value += character;
    }
  }
  return undefined;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const character = text[i];
    if (/\s/.test(character)) {
      i++;
    } else if (character === '(' || character === ')') {
      tokens.push({ kind: character });
      i++;
    } else if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      tokens.push({ kind: text.slice(i, i + 2) as '&&' | '||' });
      i += 2;
    } else if (/^(!=|<=|>=)/.test(text.slice(i, i + 2))) {
      tokens.push({ kind: 'op', op: text.slice(i, i + 2) as Operator });
      i += 2;
    } else if (character === '=' || character === '<' || character === '>') {
      if (text[i + 1] === '=') throw invalidPattern(`unknown operator '${character}='`);
      tokens.push({ kind: 'op', op: character });
      i++;
    } else if (character === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted) throw invalidPattern('a double quote is not closed');
      tokens.push({ kind: 'string', text: quoted.value });
      i = quoted.end;
    } else if (character === '%') {
      const end = text.indexOf('%', i + 1);
      if (end < 0) throw invalidPattern('a regular expression (%...%) is not closed');
      tokens.push({ kind: 'regex', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (character === '$') {
      // A property first; array indexes follow a property (`$.users[0].id`, `$.grid[0][1]`).
      const match = /\$\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+|\[\d+\])*/y;
      match.lastIndex = i;
      const found = match.exec(text);
      const end = found ? i + found[0].length : i + 1;
      if (!found || (end < text.length && !WORD_END.test(text[end]))) {
        let stop = i + 1;
        while (stop < text.length && !WORD_END.test(text[stop])) stop++;
        throw invalidPattern(`'${text.slice(i, stop)}' is not a selector (write $.name, $.list[0], $.a.b)`);
      }
      tokens.push({ kind: 'selector', text: found[0] });
      i = end;
    } else {
      let end = i;
      while (end < text.length && !WORD_END.test(text[end])) end++;
      if (end === i) throw invalidPattern(`unexpected '${character}'`);
      tokens.push({ kind: 'word', text: text.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

export type Condition<Leaf> = { kind: 'and' | 'or'; items: Condition<Leaf>[] } | { kind: 'leaf'; leaf: Leaf };

/** A cursor over tokens for the caller's comparison parser. */
export class TokenStream {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.position];
  }

  next(what: string): Token {
    const token = this.tokens[this.position++];
    if (token === undefined) throw invalidPattern(`the pattern ends where ${what} should follow`);
    return token;
  }

  get done(): boolean {
    return this.position >= this.tokens.length;
  }
}

export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'op':
      return `'${token.op}'`;
    case 'selector':
    case 'word':
      return `'${token.text}'`;
    case 'string':
      return `"${token.text}"`;
    case 'regex':
      return `%${token.text}%`;
    default:
      return `'${token.kind}'`;
  }
}

/** Reads the whole token list as one condition; `leaf` reads one comparison. */
export function parseCondition<Leaf>(tokens: readonly Token[], leaf: (stream: TokenStream) => Leaf): Condition<Leaf> {
  const stream = new TokenStream(tokens);
  if (stream.done) throw invalidPattern('the condition is empty');
  const condition = parseOr(stream, leaf);
  const rest = stream.peek();
  if (rest !== undefined) throw invalidPattern(`unexpected ${describeToken(rest)}`);
  return condition;
}

function parseOr<Leaf>(stream: TokenStream, leaf: (stream: TokenStream) => Leaf): Condition<Leaf> {
  const items = [parseAnd(stream, leaf)];
  while (stream.peek()?.kind === '||') {
    stream.next('||');
    items.push(parseAnd(stream, leaf));
  }
  return items.length === 1 ? items[0] : { kind: 'or', items };
}

function parseAnd<Leaf>(stream: TokenStream, leaf: (stream: TokenStream) => Leaf): Condition<Leaf> {
  const items = [parseUnit(stream, leaf)];
  while (stream.peek()?.kind === '&&') {
    stream.next('&&');
    items.push(parseUnit(stream, leaf));
  }
  return items.length === 1 ? items[0] : { kind: 'and', items };
}

function parseUnit<Leaf>(stream: TokenStream, leaf: (stream: TokenStream) => Leaf): Condition<Leaf> {
  if (stream.peek()?.kind !== '(') return { kind: 'leaf', leaf: leaf(stream) };
  stream.next('(');
  const inner = parseOr(stream, leaf);
  const close = stream.next("')'");
  if (close.kind !== ')') throw invalidPattern(`expected ')' but found ${describeToken(close)}`);
  return inner;
}

export function evaluate<Leaf>(condition: Condition<Leaf>, test: (leaf: Leaf) => boolean): boolean {
  switch (condition.kind) {
    case 'leaf':
      return test(condition.leaf);
    case 'and':
      return condition.items.every((item) => evaluate(item, test));
    case 'or':
      return condition.items.some((item) => evaluate(item, test));
  }
}

export function leaves<Leaf>(condition: Condition<Leaf>): Leaf[] {
  return condition.kind === 'leaf' ? [condition.leaf] : condition.items.flatMap((item) => leaves(item));
}

/** AWS allows at most two regular expressions in one JSON or space-delimited pattern. */
export const MAX_REGEXES = 2;
