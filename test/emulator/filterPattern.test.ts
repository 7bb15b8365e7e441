// The emulator's filter patterns against what AWS documents in "Filter pattern syntax for metric
// filters, subscription filters, filter log events, and Live Tail" (and the older "Filter and
// Pattern Syntax"). Each case names the documented rule it checks; the events are ours, written to
// exercise that rule, and so is the expected outcome, read from the rule's meaning. Where the page
// contradicts itself the case says which reading we follow (also listed in emulator/README.md).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilterPattern } from '../../emulator/src/logs/filterPattern';
import { splitFields } from '../../emulator/src/logs/filterDelimited';
import { AwsError } from '../../emulator/src/protocol';

interface Case {
  rule: string;
  pattern: string;
  /** The indexes of `events` that match. */
  matches: number[];
}

function check(events: readonly string[], cases: readonly Case[]): void {
  for (const { rule, pattern, matches } of cases) {
    void it(`${rule}: ${pattern}`, () => {
      const matcher = compileFilterPattern(pattern);
      const matched = events.flatMap((event, i) => (matcher(event) ? [i] : []));
      assert.deepEqual(matched, matches, `${pattern} matched ${JSON.stringify(matched.map((i) => events[i]))}`);
    });
  }
}

function refused(pattern: string): AwsError {
  try {
    compileFilterPattern(pattern);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  assert.fail(`${pattern} was accepted`);
}

void describe('filter patterns: terms in unstructured events', () => {
  const events = [
    '[ERROR] pipeline step failed: train_model',
    'exit status ERRORLEVEL=3',
    'INFO step train_model finished',
    'WARN slow step: train_model took 35 s',
    'ERROR WARN both levels on one line',
    'error in lower case',
    'Failed to load the model artifact from s3://bucket/model.pkl',
  ];
  check(events, [
    { rule: 'an empty pattern matches every event', pattern: '', matches: [0, 1, 2, 3, 4, 5, 6] },
    { rule: 'a quoted blank matches every event', pattern: '" "', matches: [0, 1, 2, 3, 4, 5, 6] },
    { rule: 'a term matches wherever it appears in the message, also inside a longer word', pattern: 'ERROR', matches: [0, 1, 4] },
    { rule: 'terms are case-sensitive', pattern: 'error', matches: [5] },
    { rule: 'several terms must all appear, in any order', pattern: 'train_model step', matches: [0, 2, 3] },
    { rule: 'a minus sign excludes a term', pattern: 'ERROR -ERRORLEVEL', matches: [0, 4] },
    { rule: 'the minus sign may stand apart from its quoted term', pattern: '"ERROR" - "WARN"', matches: [0, 1] },
    { rule: 'a question mark makes terms alternatives', pattern: '?ERROR ?WARN', matches: [0, 1, 3, 4] },
    { rule: 'two plain terms both must appear', pattern: 'ERROR WARN', matches: [4] },
    { rule: 'a term with an exclusion', pattern: 'WARN -ERROR', matches: [3] },
    { rule: '? groups: each ? starts a group whose terms all must appear (CDK anyTermGroup)', pattern: '?ERROR failed ?WARN slow', matches: [0, 3] },
    { rule: 'a quoted phrase matches exactly, punctuation and spaces included', pattern: '"step failed: train_model"', matches: [0] },
    { rule: 'a quoted phrase with characters a bare term may not hold', pattern: '"s3://bucket/"', matches: [6] },
    { rule: 'quoted words with spaces are one phrase, not all-terms', pattern: '"train_model finished"', matches: [2] },
    { rule: 'an escaped quote inside a phrase', pattern: '"\\"x\\""', matches: [] },
    { rule: 'regex: %...% searches anywhere in the message', pattern: '%train_model took [0-9]+ s%', matches: [3] },
    { rule: 'regex: alternatives and classes', pattern: '%[Ee]rror in|Failed%', matches: [5, 6] },
    { rule: 'regex: anchors', pattern: '%^INFO%', matches: [2] },
    { rule: 'regex: \\d and escapes, as AWS\'s IP example uses', pattern: '%ERRORLEVEL=\\d$%', matches: [1] },
  ]);

  void it('terms with characters other than letters, digits and _ must be quoted', () => {
    for (const term of ['s3://bucket', 'step:', 'a.b', 'status=3', 'ERROR!']) {
      const error = refused(term);
      assert.equal(error.code, 'InvalidParameterException');
      assert.equal(error.message, `Invalid filter pattern: Invalid character(s) in term '${term}'`);
    }
    assert.equal(refused('ERROR ""').message, `Invalid filter pattern: Invalid character(s) in term '""'`);
    assert.match(refused('"not closed').message, /^Invalid filter pattern: a double quote is not closed/);
    assert.equal(refused('ERROR -').message, "Invalid filter pattern: Invalid character(s) in term '-'");
  });

  void it('regular expressions accept only the documented characters: no parentheses, no multi-byte characters', () => {
    assert.equal(refused('%(ERROR|WARN)%').message, "Invalid filter pattern: Invalid character(s) in term '%(ERROR|WARN)%'");
    assert.equal(refused('%something!%').message, "Invalid filter pattern: Invalid character(s) in term '%something!%'");
    assert.equal(refused('%caf\u00e9%').code, 'InvalidParameterException');
    assert.match(refused('%[unclosed%').message, /is not a regular expression/);
    // AWS suggests hexadecimal escapes for the characters it does not allow.
    assert.ok(compileFilterPattern('%\\x28ERROR\\x29%')('(ERROR) in brackets'));
  });
});

void describe('filter patterns: JSON events', () => {
  // One event with every kind of node the documented selectors reach, and its neighbours.
  const run = JSON.stringify({
    event: 'PipelineRunFailed',
    sourceIp: '10.20.30.40',
    tags: ['gpu', 'nightly'],
    steps: [
      { name: 'load', id: 7 },
      { name: 'train', id: 8 },
    ],
    grid: [
      [3, 4],
      [5, 6],
    ],
    parent: null,
    cached: true,
    retried: false,
    latency: 1250,
    ratio: 0.004,
    code: '503',
    user: { id: 42, email: 'ml-team@example.org' },
  });
  const events = [
    run,
    JSON.stringify({ event: 'PipelineRunStarted', sourceIp: '10.20.99.1', latency: 80, cached: false, user: { id: 7 } }),
    JSON.stringify({ event: 'Ev*ent', tags: 'not-a-list', steps: 3 }),
    'PipelineRunFailed but not JSON',
    '[1, 2, 3]',
  ];
  check(events, [
    { rule: 'a string property equals a quoted value', pattern: '{ $.event = "PipelineRunFailed" }', matches: [0] },
    { rule: 'a value of letters and digits needs no quotes', pattern: '{ $.event = PipelineRunStarted }', matches: [1] },
    { rule: 'a leading * matches any start', pattern: '{ $.event = *Failed }', matches: [0] },
    { rule: 'a trailing * matches any end', pattern: '{ $.event = PipelineRun* }', matches: [0, 1] },
    { rule: 'a * inside the value is an ordinary character', pattern: '{ $.event = "Ev*ent" }', matches: [2] },
    { rule: '!= with a wildcard: outside a subnet', pattern: '{ $.sourceIp != 10.20.30.* }', matches: [1] },
    { rule: 'an array element', pattern: '{ $.tags[0] = "gpu" }', matches: [0] },
    { rule: 'an index on something that is not an array is false', pattern: '{ $.tags[0] = "n*" }', matches: [] },
    { rule: 'a property of an array element', pattern: '{ $.steps[1].id = 8 }', matches: [0] },
    { rule: 'nested arrays', pattern: '{ $.grid[1][0] = 5 }', matches: [0] },
    { rule: 'IS NULL: the property is present and null', pattern: '{ $.parent IS NULL }', matches: [0] },
    { rule: 'NOT EXISTS: the property is absent', pattern: '{ $.parent NOT EXISTS }', matches: [1, 2] },
    { rule: 'NOT EXISTS on an element past the end (or under a non-array)', pattern: '{ $.steps[5].id NOT EXISTS }', matches: [0, 1, 2] },
    { rule: 'IS TRUE', pattern: '{ $.cached IS TRUE }', matches: [0] },
    { rule: 'IS FALSE', pattern: '{ $.cached IS FALSE }', matches: [1] },
    { rule: 'a selector that points to an array matches neither = nor !=', pattern: '{ $.tags = 1 || $.tags != 1 }', matches: [] },
    { rule: 'a selector that points to an object matches neither = nor !=', pattern: '{ $.user = "x" || $.user != "x" }', matches: [] },
    { rule: 'numeric >=', pattern: '{ $.latency >= 1250 }', matches: [0] },
    { rule: 'numeric <', pattern: '{ $.latency < 100 }', matches: [1] },
    { rule: 'numeric with a sign', pattern: '{ $.latency > +1000 }', matches: [0] },
    { rule: 'numeric in scientific notation', pattern: '{ $.ratio < 10e-3 }', matches: [0] },
    { rule: 'numeric decimal', pattern: '{ $.ratio <= 0.004 }', matches: [0] },
    { rule: 'numeric != needs a number to compare', pattern: '{ $.latency != 80 }', matches: [0] },
    { rule: 'a number in a string is a string: a numeric comparison does not match it', pattern: '{ $.code = 503 }', matches: [] },
    { rule: 'a quoted number matches the string', pattern: '{ $.code = "503" }', matches: [0] },
    { rule: '= * matches any value the selector reaches', pattern: '{ $.latency = * }', matches: [0, 1] },
    { rule: '&& binds tighter than ||', pattern: '{ $.user.id = 42 || $.latency = 1 && $.cached IS FALSE }', matches: [0] },
    { rule: 'parentheses come first', pattern: '{ ($.user.id = 42 || $.latency = 80) && $.cached IS FALSE }', matches: [1] },
    { rule: 'parentheses around each condition', pattern: '{ ($.user.id = 42) && ($.steps[0].name = "load") }', matches: [0] },
    { rule: 'quoted strings with @ and .', pattern: '{ $.user.email = "ml-team@example.org" }', matches: [0] },
    { rule: 'a regex on a property (allowed characters)', pattern: '{ $.event = %^Pipeline.*Failed$% }', matches: [0] },
    { rule: 'the OR example: one of two values', pattern: '{ $.event = PipelineRunFailed || $.event = PipelineRunStarted }', matches: [0, 1] },
    { rule: 'an event that is not a JSON object matches no JSON pattern, not even NOT EXISTS', pattern: '{ $.missing NOT EXISTS }', matches: [0, 1, 2] },
  ]);

  void it('refuses what CloudWatch refuses, with its messages', () => {
    assert.equal(refused('{ $.level = "ERROR"').message, "If a filter pattern starts with '{' it must end with '}'");
    assert.match(refused('{ $.level = }').message, /^Invalid filter pattern: .*value/);
    assert.match(refused('{ level = "ERROR" }').message, /^Invalid filter pattern: expected a selector/);
    assert.match(refused('{ $.latency > fast }').message, /needs a number/);
    assert.match(refused('{ $.a == 1 }').message, /unknown operator '=='/);
    assert.match(refused('{ ($.a = 1 }').message, /expected '\)'|ends where/);
    assert.match(refused('{ $.a IS MAYBE }').message, /TRUE, FALSE or NULL/);
    assert.match(refused('{ $.a = 1 $.b = 2 }').message, /unexpected/);
    assert.match(refused('{ $[0] = 1 }').message, /is not a selector/);
    assert.match(refused('{ $.a = %x% || $.b = %y% || $.c = %z% }').message, /at most 2 regular expressions/);
    assert.match(refused('{ $.a = %(x)% }').message, /Invalid character\(s\) in term '%\(x\)%'/);
    assert.match(refused('{ $.a = foo@bar }').message, /Invalid character\(s\) in term|unexpected/);
    assert.match(refused('{ }').message, /empty/);
  });
});

void describe('filter patterns: space-delimited events', () => {
  const access = [
    '10.0.0.1 - alice [01/Dec/2026:10:00:01 +0000] "GET /index.html HTTP/1.1" 200 1534',
    '10.0.0.2 - bob [01/Dec/2026:10:00:02 +0000] "POST /invoke HTTP/1.1" 500 88',
    '10.0.0.3 - carol [01/Dec/2026:10:00:03 +0000] "GET /docs/page.html HTTP/1.1" 404 2048',
    '10.0.0.4 - dave [01/Dec/2026:10:00:04 +0000] "GET /admin HTTP/1.1" 403 12',
    'short line',
  ];
  check(access, [
    { rule: 'one name per field: the event must have exactly that many', pattern: '[ip, identity, user, timestamp, request, status, bytes]', matches: [0, 1, 2, 3] },
    { rule: '... at the start', pattern: '[..., status, bytes]', matches: [0, 1, 2, 3, 4] },
    { rule: '... in the middle', pattern: '[ip, identity, ..., status, bytes]', matches: [0, 1, 2, 3] },
    { rule: '... at the end', pattern: '[ip, identity, ...]', matches: [0, 1, 2, 3, 4] },
    { rule: 'a numeric condition', pattern: '[ip, identity, user, timestamp, request, status, bytes > 1000]', matches: [0, 2] },
    { rule: 'a numeric equality', pattern: '[ip, identity, user, timestamp, request, status = 200, bytes]', matches: [0] },
    { rule: 'a string wildcard on a number-looking field', pattern: '[ip, identity, user, timestamp, request, status = 4*, bytes]', matches: [2, 3] },
    { rule: 'a quoted field is one field, and a bracketed one', pattern: '[ip, identity, user, timestamp = *Dec/2026*, request = *html*, status = 4*, bytes]', matches: [2] },
    { rule: '&& on one field', pattern: '[ip, identity, user, timestamp, request, status = 4* && status != 403, bytes]', matches: [2] },
    { rule: '|| on one field', pattern: '[ip, identity, user, timestamp, request, status = 403 || status = 500, bytes]', matches: [1, 3] },
    { rule: 'a trailing comma leaves an unnamed last field', pattern: '[..., request = *.html*, status = 4*,]', matches: [2] },
    { rule: 'a regex on a field', pattern: '[ip = %^10\\.0\\.0\\.[12]$%, ...]', matches: [0, 1] },
    { rule: 'a quoted value', pattern: '[..., request = "POST /invoke HTTP/1.1", status, bytes]', matches: [1] },
  ]);

  const words = ['ERROR WARN message', 'ERROR message', 'WARN message'];
  check(words, [
    { rule: 'w1=ERROR: the first of exactly two words', pattern: '[w1=ERROR, w2]', matches: [1] },
    { rule: 'w1=ERROR || w1=WARN', pattern: '[w1=ERROR || w1=WARN, w2]', matches: [1, 2] },
    // AWS's page says this matches "ERROR WARN message"; by its own rules (two fields; the first is
    // neither ERROR nor WARN) it matches none of the three, which is what we do.
    { rule: 'w1!=ERROR&&w1!=WARN (the page contradicts itself; we follow its rules)', pattern: '[w1!=ERROR&&w1!=WARN, w2]', matches: [] },
  ]);

  void it('cuts events into fields as documented', () => {
    assert.deepEqual(splitFields('127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /a b HTTP/1.0" 200 1534'), ['127.0.0.1', '-', 'frank', '10/Oct/2000:13:25:15 -0700', 'GET /a b HTTP/1.0', '200', '1534']);
    assert.deepEqual(splitFields('  two   spaces  '), ['two', 'spaces']);
  });

  void it('refuses what CloudWatch refuses', () => {
    // The CloudWatch console answers "Invalid filter pattern" to AWS's own example that tests
    // `bytes` in the field named status_code.
    assert.match(refused('[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]').message, /^Invalid filter pattern: the conditions of one field must all name that field/);
    assert.match(refused('[..., a, ...]').message, /only once/);
    assert.match(refused('[a, a]').message, /used twice/);
    assert.match(refused('[]').message, /at least one field/);
    assert.match(refused('[a, , b]').message, /no name/);
    assert.match(refused('[a = %x%, b = %y%, c = %z%]').message, /at most 2 regular expressions/);
    assert.match(refused('[ip, status > high]').message, /needs a number/);
    assert.match(refused('[ip, status').message, /must end with '\]'/);
  });
});
