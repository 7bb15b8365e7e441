// JSON filter patterns, `{ CONDITION }`: selectors from the root (`$.a.b`, `$.list[0]`,
// `$.grid[0][1]`) compared with `=`/`!=` (strings with `*` wildcards, numbers, %regex%) or
// `<`/`>`/`<=`/`>=` (numbers), tested with `IS TRUE`, `IS FALSE`, `IS NULL` or `NOT EXISTS`, joined
// by `&&`/`||` and parentheses. An event that is not a JSON object matches no JSON pattern.
import { evaluate, leaves, MAX_REGEXES, parseCondition, describeToken, tokenize, type TokenStream } from './filterConditions';
import { checkOperator, compare, invalidPattern, regexValue, stringValue, wordValue, type Operator, type Value } from './filterValues';
import type { MessageMatcher } from './filterPattern';

type Step = string | number;

type JsonTest =
  | { kind: 'compare'; path: Step[]; operator: Operator; value: Value }
  | { kind: 'is'; path: Step[]; expected: true | false | null }
  | { kind: 'notExists'; path: Step[] };

/** `$.users[0].email` → ['users', 0, 'email']. */
function readPath(selector: string): Step[] {
  const steps: Step[] = [];
  for (const match of selector.slice(1).matchAll(/\.([A-Za-z0-9_-]+)|\[(\d+)\]/g)) {
    steps.push(match[1] !== undefined ? match[1] : Number(match[2]));
  }
  return steps;
}

const MISSING = Symbol('missing');

/** The node a path leads to, or MISSING; an index needs an array, a name an object. */
function nodeAt(document: unknown, path: readonly Step[]): unknown {
  let current: unknown = document;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return MISSING;
      current = current[step];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, step)) return MISSING;
      current = (current as Record<string, unknown>)[step];
    }
  }
  return current;
}

function readTest(stream: TokenStream): JsonTest {
  const selector = stream.next('a selector ($.name)');
  if (selector.kind !== 'selector') throw invalidPattern(`expected a selector such as $.level, found ${describeToken(selector)}`);
  const path = readPath(selector.text);
  const after = stream.next(`an operator after ${selector.text}`);
  if (after.kind === 'word' && after.text === 'IS') {
    const what = stream.next('TRUE, FALSE or NULL');
    const expected = what.kind === 'word' ? ({ TRUE: true, FALSE: false, NULL: null } as Record<string, true | false | null>)[what.text] : undefined;
    if (expected === undefined) throw invalidPattern(`${selector.text} IS must be followed by TRUE, FALSE or NULL, not ${describeToken(what)}`);
    return { kind: 'is', path, expected };
  }
  if (after.kind === 'word' && after.text === 'NOT') {
    const what = stream.next('EXISTS');
    if (what.kind !== 'word' || what.text !== 'EXISTS') throw invalidPattern(`${selector.text} NOT must be followed by EXISTS, not ${describeToken(what)}`);
    return { kind: 'notExists', path };
  }
  if (after.kind !== 'op') throw invalidPattern(`expected an operator after ${selector.text}, found ${describeToken(after)}`);
  const operand = stream.next(`a value after ${selector.text} ${after.op}`);
  let value: Value;
  if (operand.kind === 'string') value = stringValue(operand.text);
  else if (operand.kind === 'regex') value = regexValue(operand.text);
  else if (operand.kind === 'word') value = wordValue(operand.text);
  else throw invalidPattern(`expected a value after ${selector.text} ${after.op}, found ${describeToken(operand)}`);
  checkOperator(after.op, value, selector.text);
  return { kind: 'compare', path, operator: after.op, value };
}

function passes(test: JsonTest, document: unknown): boolean {
  const node = nodeAt(document, test.path);
  switch (test.kind) {
    case 'notExists':
      return node === MISSING;
    case 'is':
      return node === test.expected;
    case 'compare':
      // Only a value node (a string or a number) is compared: a selector that points to an object,
      // an array, a boolean, null or nothing makes both `=` and `!=` false.
      if (typeof node !== 'string' && typeof node !== 'number') return false;
      return compare(node, test.operator, test.value, false);
  }
}

/** `text` is the whole pattern, starting with `{` and ending with `}`. */
export function jsonMatcher(text: string): MessageMatcher {
  const tokens = tokenize(text.slice(1, -1));
  if (tokens.filter((token) => token.kind === 'regex').length > MAX_REGEXES) throw invalidPattern(`a JSON pattern may hold at most ${MAX_REGEXES} regular expressions`);
  const condition = parseCondition(tokens, readTest);
  if (leaves(condition).length === 0) throw invalidPattern('the JSON pattern has no condition');
  return (message) => {
    const trimmed = message.trimStart();
    if (!trimmed.startsWith('{')) return false;
    let document: unknown;
    try {
      document = JSON.parse(message);
    } catch {
      return false;
    }
    return evaluate(condition, (test) => passes(test, document));
  };
}
