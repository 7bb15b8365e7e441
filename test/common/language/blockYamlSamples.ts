// Inputs for the differential test of the fast block-YAML parser: hand-picked edge cases and a
// generator of random block-style documents that mostly stay inside the parser's subset (so
// its range rules get exercised), with now and then a line the subset excludes.
import type { Random } from '../../fuzz/support/random';

/**
 * Texts on both sides of the subset's borders, where every detail matters to ranges: comments,
 * blank lines, empty values, block scalars, sequences, flow collections, `---` lines.
 */
export const EDGE_CASES: readonly string[] = [
  'a: b\n',
  'a: b',
  'a:',
  'a:\n',
  'a:   \nb: 1',
  'a: 1\nb:\n\n',
  'a: b  # c\n\n# x\nc:\n  d: 1\n  e:\n\n# y\n\nf: g',
  'x:\n  a: # c\n  b: 1',
  'x:\n  a:\n  # c\n  b: 1\n',
  'x:\n  a:\n    # c\n  b: 1\n',
  'x:\n  y:\n    a:\n    # c\n  z: 1',
  'a: b\n  # indented\nc: d\n',
  'a: b\n\n  # indented after blank\n\nc: d\n',
  'a:\n  b: 1\n  # same level\nc: 2\n',
  'a:\n  b: 1\n    # deeper\n  # same\n# col0\nc: 2\n',
  'a:\n  b: 1\n# col0\n  c: 2\n',
  'a:\n  b:\n    c: 1\n    # deep trailing\n',
  'a:\n  b:\n    c: 1\n  # middle trailing\n',
  'a:\n  b:\n    c: 1\n# top trailing\n\n',
  '# prelude\n\n  # indented prelude\na: 1\n# after\n',
  'a: |\n  line 1\n  line 2\nb: 2\n',
  'a: |\n  line 1\n\n  line 3\n\n\nb: 2\n',
  'a: |-\n  x\n   \n\n',
  'a: |+\n  x\n\n\nb: 1\n',
  'a: |+\n  x\n  \n',
  'a: >\n  folded\n  text\n\n  para\n    more\n  back\n',
  'a: >-\n  one\n  two\n',
  'a: >+\n  one\n\n',
  'a: | # header comment\n  x\n',
  'a: |\n    deep\n      deeper\n    \n      \n',
  'a: |\n  x\n      \nb: 1',
  'a: |\n  x\n  ',
  'a: |\n  x\n   ',
  'k:\n  a: |\n    x\n  b: y\n',
  'a: "quoted # not comment"  # comment\nb: \'it\'\'s\'\n',
  '"q key": 1\n\'s key\' : 2\n',
  'aws:owner: x\nurl: http://x:80/y\nref: ${env:A}\n',
  'a: b#c\nd: e #f\n',
  'n1: ~\nn2: null\nn3: Null\nn4: NULL\nb1: true\nb2: False\nb3: TRUE\n',
  'i1: 0o17\ni2: 0x1F\ni3: -12\ni4: +3\nf1: .inf\nf2: -.Inf\nf3: .nan\nf4: 1e3\nf5: 1.50\nf6: .5\nf7: 3.\n',
  'big: 123456789012345678901234567890\nhex: 0xFFFFFFFFFFFFFFFFFF\n',
  '1: one\ntrue: yes\nnull: nothing\n~: tilde\n1.5: float key\n',
  'a: 1\r\nb:\r\n  c: |\r\n    x\r\n\r\n    y\r\n  d: 2\r\n# c\r\n',
  'a: -1\nb: -x\nc: ?x\nd: :x\ne: x:y\n',
  'a  : b\nc :\n',
  'a: b\n\n\n',
  'a:\n  b: 1\n\n\n  # c\n\n',
  'a: 1\n  b: 2\n',
  'a: b\n  c\n',
  'a:\n  b: 1\n c: 2\n',
  'a: b: c\n',
  '- a\n- b\n',
  'a: [1, 2]\n',
  'a: &x 1\nb: *x\n',
  '---\na: 1\n',
  'a: 1\n...\n',
  'a:\tb\n',
  '%YAML 1.2\n---\na: 1\n',
  'a: "esc\\n"\n',
  'a: "unterminated\n',
  'a: |2\n   x\n',
  'a: |\n\n  x\n',
  'a: |\nb: 1\n',
  '  a: 1\n',
  '',
  '# only a comment\n',
  'a: @x\n',
  'a: `x\n',
  'a: %x\n',
  'a: ,x\n',
  '? a\n: b\n',
  'a: 1 # c\n    # deeper comment\n      # deeper still\nb: 2\n',
  'a:\n  b:\n  c: 1\n',
  'a:\n    # comment before nested\n  b: 1\n',
  'a:\n# col0 before nested\n  b: 1\n',
  'a:\n---\nb: 1\n',
  'a: 1\n# c\n\n--- # x\n# y\nb: 1\n',
  '# prelude\n---\na: 1\n',
  'a: 1\n---\n',
  '---\n---\na: 1\n',
  '--- a: 1\n',
  'a:\n- x\n- y\nb: 1\n',
  'a:\n  - x\n    # deep\n  - y\n  # same\nb:\n',
  'a:\n  - k: 1\n    j: 2\n\n    # deep\n  - k: 3\n',
  'a:\n  - k:\n    j: 2\n  -  "q": |\n       text\n',
  'a:\n  - [1, 2]\n  - {x: 1}\n',
  'a:\n  - |\n    text\n  - b\n',
  'a:\n  -\n  - b\n',
  'a:\n  - - b\n',
  'a:\n  - b\n  c: 1\n',
  '- a\n',
  'a: {x: 1, y: b c , z: "q"}  # c\nb: [1, 2 ,3]\n',
  'a: {x: 1,}\nb: []\nc: {}\nd: [ ]\n',
  'a: [1, 2]\n  # deep comment after a flow collection\nb: 1\n',
  'a: {x: , y: 1}\n',
  'a: [1, 2\n  , 3]\n',
  'a: {x: 1}#c\n',
];

const WORDS = ['name', 'region', 'aws:owner', 'my key', 'x.y', 'a-b', 'MAX_REPLICAS', 'url', '-dash', 'k'];
const PLAIN_VALUES = [
  'us-east-1', '8000', '-1', '+12', '0', '0o17', '0x1F', '1e3', '1.50', '.5', '.inf', '-.Inf', '.nan', '~', 'null', 'NULL', 'true', 'False',
  'yes', 'off', 'arn:aws:iam::123:role/x', 'http://x:80/y', '${env:A}', 'a b  c', 'x#y', '2GB', '1_000', '0b101', 'é中😀', '-x', '?x', ':x', '12:30',
  '2025-01-01', '<<', 'a,b', 'x]', 'x}', 'a:b', 'x!', 'x&y', 'x*', 'x|y', "x'", 'x"', '\u2028x', 'x\u0085y',
];
const QUOTED_VALUES = ['"x"', '"a # b"', '""', "'it''s'", "''", "'a: b'", '"x" # c', '"a: b"', "' lead and trail '", '"#"'];
/** Values the subset excludes: each must make the parser fall back (or agree with the library). */
const OUTSIDE_VALUES = ['x: y', 'x:', '[a]', '{a}', '&a b', '*a', '!t x', '@x', '%x', ',x', '"x', "'x", '"x"#c', '"x" y', '"a\\"b"', '- x', '? x'];

const FLOW_VALUES = ['{a: 1, b: "x"}', '[1, 2]', '[]', '{ }', "[a, 'b' , c,]", '{k: v,}', '[ 0.25 , 0.5 ]', '{url: http://x:80/y}', '["a"]', '{x: -1}'];
const OUTSIDE_FLOW = ['{a:1}', '[a, [b]]', '{a: }', '[a,,b]', '[a # c]', '{a: 1} x', '{a: 1}#c', '[a: 1]', '[', '{"a":1}', '[-]'];
const MARKERS = ['---', '--- # next', '---  '];

function spaces(n: number): string {
  return ' '.repeat(n);
}

/** A random block-style document (or a few, split by `---`), with `\n` or `\r\n` line breaks. */
export function randomBlockDocument(random: Random): string {
  const lines: string[] = [];
  const noise = (indent: number): void => {
    while (random.chance(0.25)) {
      if (random.chance(0.5)) lines.push(spaces(random.chance(0.5) ? 0 : random.between(0, indent + 4)));
      else lines.push(`${spaces(random.between(0, indent + 4))}#${random.chance(0.8) ? ' note' : ''}`);
    }
  };
  const comment = (): string => (random.chance(0.2) ? `${spaces(random.between(1, 3))}# c` : '');
  const oneLineValue = (): string => {
    if (random.chance(0.01)) return random.pick(OUTSIDE_VALUES);
    if (random.chance(0.01)) return random.pick(OUTSIDE_FLOW);
    const roll = random.int(10);
    return roll < 7 ? random.pick(PLAIN_VALUES) : roll < 9 ? random.pick(QUOTED_VALUES) : random.pick(FLOW_VALUES);
  };
  const key = (): string => {
    const word = random.pick(WORDS);
    return random.chance(0.1) ? random.pick([`"${word}"`, `'${word}'`, '1', 'true', 'null', '~', `${word} `]) : word;
  };
  /** A block scalar's header after `prefix`, then its body, deeper than `indent`. */
  const blockScalar = (prefix: string, indent: number): void => {
    const header = random.chance(0.05) ? random.pick(['|2', '|x', '|-+', '|#c']) : random.pick(['|', '|-', '|+', '>', '>-', '>+', '| ']);
    lines.push(`${prefix}${header}${comment()}`);
    const bodyIndent = indent + (random.chance(0.05) ? 0 : random.between(1, 4));
    const bodyLines = random.chance(0.05) ? 0 : random.between(1, 6);
    for (let j = 0; j < bodyLines; j++) {
      const roll = j === 0 && random.chance(0.95) ? 5 : random.int(6);
      if (roll === 0) lines.push(spaces(random.between(0, bodyIndent + 3)));
      else if (roll === 1) lines.push(`${spaces(bodyIndent + random.between(1, 3))}more ${j}`);
      else if (roll === 2 && j > 0) lines.push(`${spaces(bodyIndent)}# not a comment`);
      else lines.push(`${spaces(bodyIndent)}text ${j}${random.chance(0.2) ? ' ' : ''}`);
    }
  };
  /** The value after `prefix` (`key:` or `- ` already written): one line, a block scalar or a nested collection. */
  const value = (prefix: string, indent: number, depth: number): void => {
    const kind = random.int(12);
    if (kind < 5 || depth > 4) {
      lines.push(`${prefix} ${oneLineValue()}${random.chance(0.1) ? '  ' : ''}${comment()}`);
    } else if (kind < 7 && prefix.endsWith(':')) {
      lines.push(`${prefix}${random.chance(0.3) ? '  ' : ''}${comment()}`);
    } else if (kind < 9 && prefix.endsWith(':')) {
      lines.push(`${prefix}${comment()}`);
      map(indent + random.between(1, 4), depth + 1);
    } else if (kind < 10 && prefix.endsWith(':')) {
      lines.push(`${prefix}${comment()}`);
      seq(indent + random.between(0, 3), depth + 1);
    } else {
      blockScalar(`${prefix} `, indent);
    }
  };
  const map = (indent: number, depth: number, firstPrefix?: string): void => {
    const count = random.between(1, 4);
    for (let i = 0; i < count; i++) {
      if (i > 0 || !firstPrefix) noise(indent);
      const shift = random.chance(0.01) ? random.pick([-1, 1, 2]) : 0;
      const pad = i === 0 && firstPrefix ? firstPrefix : spaces(Math.max(0, indent + shift));
      value(`${pad}${key()}:`, indent, depth);
    }
  };
  const seq = (indent: number, depth: number): void => {
    const count = random.between(1, 4);
    for (let i = 0; i < count; i++) {
      noise(indent);
      const shift = random.chance(0.01) ? random.pick([-1, 1, 2]) : 0;
      const dash = `${spaces(Math.max(0, indent + shift))}-${random.chance(0.01) ? '' : spaces(random.between(1, 2))}`;
      if (random.chance(0.3)) map(indent + dash.length - indent, depth + 1, dash);
      else value(dash.trimEnd(), indent, depth + 1);
    }
  };
  const documents = random.chance(0.2) ? random.between(2, 3) : 1;
  for (let d = 0; d < documents; d++) {
    if (d > 0 || random.chance(0.05)) lines.push(random.pick(MARKERS));
    noise(0);
    map(0, 0);
    noise(0);
  }
  const eol = random.chance(0.2) ? '\r\n' : '\n';
  const text = lines.join(eol);
  return random.chance(0.8) ? text + eol : text;
}
