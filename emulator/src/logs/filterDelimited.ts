// Space-delimited filter patterns, `[ip, user, ..., status_code = 4*, bytes > 1000]`: the event is
// cut into fields at spaces (text between double quotes or between `[` and `]` is one field, without
// them), each named field lines up with one event field, `...` stands for any number of fields,
// and a field may carry a condition on itself (`status = 4* && status != 403`, `w1 = A || w1 = B`).
// Without `...` the event must have exactly as many fields as the pattern.
import { describeToken, evaluate, leaves, MAX_REGEXES, parseCondition, readQuoted, tokenize, type Condition, type TokenStream } from './filterConditions';
import { checkOperator, compare, invalidPattern, regexValue, stringValue, wordValue, type Operator, type Value } from './filterValues';
import type { MessageMatcher } from './filterPattern';

interface FieldTest {
  name: string;
  operator: Operator;
  value: Value;
}

type Slot = { kind: 'ellipsis' } | { kind: 'field'; name: string; condition?: Condition<FieldTest> };

const ELLIPSIS = '...';
const FIELD_NAME = /^[A-Za-z0-9_-]+$/;

/** Splits the inside of `[...]` at commas that are not inside quotes, a %regex% or parentheses. */
function splitSlots(body: string): string[] {
  const slots: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const character = body[i];
    if (character === '"') {
      const quoted = readQuoted(body, i);
      if (!quoted) throw invalidPattern('a double quote is not closed');
      i = quoted.end - 1;
    } else if (character === '%') {
      const end = body.indexOf('%', i + 1);
      if (end < 0) throw invalidPattern('a regular expression (%...%) is not closed');
      i = end;
    } else if (character === '(') {
      depth++;
    } else if (character === ')') {
      depth--;
    } else if (character === ',' && depth === 0) {
      slots.push(body.slice(start, i));
      start = i + 1;
    }
  }
  slots.push(body.slice(start));
  return slots.map((slot) => slot.trim());
}

function readFieldTest(stream: TokenStream): FieldTest {
  const name = stream.next('a field name');
  if (name.kind !== 'word' || !FIELD_NAME.test(name.text)) throw invalidPattern(`expected a field name, found ${describeToken(name)}`);
  const operator = stream.next(`an operator after ${name.text}`);
  if (operator.kind !== 'op') throw invalidPattern(`expected an operator after ${name.text}, found ${describeToken(operator)}`);
  const operand = stream.next(`a value after ${name.text} ${operator.op}`);
  let value: Value;
  if (operand.kind === 'string') value = stringValue(operand.text);
  else if (operand.kind === 'regex') value = regexValue(operand.text);
  else if (operand.kind === 'word') value = wordValue(operand.text);
  else throw invalidPattern(`expected a value after ${name.text} ${operator.op}, found ${describeToken(operand)}`);
  checkOperator(operator.op, value, name.text);
  return { name: name.text, operator: operator.op, value };
}

function readSlot(text: string, position: number, total: number): Slot {
  if (text === ELLIPSIS) return { kind: 'ellipsis' };
  // A trailing comma leaves an unnamed last field (AWS's own example `[..., status_code=4*,]`).
  if (text === '') {
    if (position === total - 1 && total > 1) return { kind: 'field', name: '' };
    throw invalidPattern('a field between commas has no name');
  }
  if (FIELD_NAME.test(text)) return { kind: 'field', name: text };
  const condition = parseCondition(tokenize(text), readFieldTest);
  const names = new Set(leaves(condition).map((test) => test.name));
  // A condition tests its own field; one that names another field is refused, as the CloudWatch
  // console refuses AWS's own example `[..., status_code = 4* && bytes > 1000]`.
  if (names.size !== 1) throw invalidPattern(`the conditions of one field must all name that field, not ${[...names].join(' and ')}`);
  return { kind: 'field', name: [...names][0], condition };
}

/** The fields of an event: runs of non-spaces, or the text inside "..." or [...]. */
export function splitFields(message: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const length = message.length;
  while (i < length) {
    const character = message[i];
    if (character === ' ' || character === '\t' || character === '\n' || character === '\r') {
      i++;
      continue;
    }
    if (character === '"') {
      const quoted = readQuoted(message, i);
      if (quoted) {
        fields.push(quoted.value);
        i = quoted.end;
        continue;
      }
    } else if (character === '[') {
      const end = message.indexOf(']', i + 1);
      if (end > 0) {
        fields.push(message.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    let end = i;
    while (end < length && !/\s/.test(message[end])) end++;
    fields.push(message.slice(i, end));
    i = end;
  }
  return fields;
}

function fieldPasses(slot: Extract<Slot, { kind: 'field' }>, text: string): boolean {
  return slot.condition === undefined || evaluate(slot.condition, (test) => compare(text, test.operator, test.value, true));
}

/** `text` is the whole pattern, starting with `[` and ending with `]`. */
export function delimitedMatcher(text: string): MessageMatcher {
  const body = text.slice(1, -1);
  if (body.trim() === '') throw invalidPattern('a space-delimited pattern needs at least one field');
  const texts = splitSlots(body);
  const slots = texts.map((slot, i) => readSlot(slot, i, texts.length));
  const ellipses = slots.filter((slot) => slot.kind === 'ellipsis').length;
  if (ellipses > 1) throw invalidPattern("'...' may appear only once");
  const regexes = slots.reduce((count, slot) => count + (slot.kind === 'field' && slot.condition ? leaves(slot.condition).filter((test) => test.value.kind === 'regex').length : 0), 0);
  if (regexes > MAX_REGEXES) throw invalidPattern(`a space-delimited pattern may hold at most ${MAX_REGEXES} regular expressions`);
  const named = slots.filter((slot): slot is Extract<Slot, { kind: 'field' }> => slot.kind === 'field');
  const seen = new Set<string>();
  for (const slot of named) {
    if (slot.name === '') continue;
    if (seen.has(slot.name)) throw invalidPattern(`the field name '${slot.name}' is used twice`);
    seen.add(slot.name);
  }
  const split = slots.findIndex((slot) => slot.kind === 'ellipsis');
  const head = (split < 0 ? slots : slots.slice(0, split)) as Extract<Slot, { kind: 'field' }>[];
  const tail = (split < 0 ? [] : slots.slice(split + 1)) as Extract<Slot, { kind: 'field' }>[];
  return (message) => {
    const fields = splitFields(message);
    if (split < 0 ? fields.length !== head.length : fields.length < head.length + tail.length) return false;
    for (let i = 0; i < head.length; i++) if (!fieldPasses(head[i], fields[i])) return false;
    const offset = fields.length - tail.length;
    for (let i = 0; i < tail.length; i++) if (!fieldPasses(tail[i], fields[offset + i])) return false;
    return true;
  };
}
