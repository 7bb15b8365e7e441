import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsAt, knownKeys } from '../../../common/src/domain/schemaFacts';
import { completeAt, type CompletionEntry } from '../../../common/src/language/completion';
import type { Position } from '../../../common/src/language/types';

function at(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.replace('|', ''), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function complete(marked: string): CompletionEntry[] {
  const { text, position } = at(marked);
  return completeAt(text, position).sort((a, b) => a.sortText.localeCompare(b.sortText));
}

const labels = (entries: CompletionEntry[]): string[] => entries.map((entry) => entry.label);

void describe('completeAt: keys', () => {
  void it('offers the resource keys on an empty line, inferring the map from indentation', () => {
    const entries = complete('settings:\n  resources:\n    cpu_count: 1\n    |\n');
    const expected = knownKeys(['settings', 'resources']).filter((key) => key !== 'cpu_count');
    assert.deepEqual(new Set(labels(entries)), new Set(expected));
    assert.ok(entries.every((entry) => entry.kind === 'property' && entry.range.start.character === 4));
  });

  void it('offers the sibling level when the cursor is less indented', () => {
    const entries = complete('settings:\n  resources:\n    cpu_count: 1\n  |\n');
    assert.deepEqual(labels(entries), ['deployer', 'deployer.aws']);
  });

  void it('offers the top-level keys, required first', () => {
    const entries = complete('|');
    assert.equal(entries[0].label, 'deployment');
    assert.deepEqual(new Set(labels(entries)), new Set(knownKeys([])));
  });

  void it('writes snippets with the schema default, enum choices and blocks', () => {
    const entries = complete('settings:\n  deployer:\n    region: us-east-1\n    |');
    const byLabel = new Map(entries.map((entry) => [entry.label, entry]));
    assert.equal(byLabel.get('lcm_timeout')?.insertText, 'lcm_timeout: ${1:600}');
    assert.equal(byLabel.get('health_check_protocol')?.insertText, 'health_check_protocol: ${1|TCP,HTTP|}');
    assert.equal(byLabel.get('use_secrets_manager')?.insertText, 'use_secrets_manager: ${1|true,false|}');
    assert.equal(byLabel.get('tags')?.insertText, 'tags:\n      $0');
    assert.ok(!byLabel.has('region'), 'keys already present are left out');
    assert.equal(byLabel.get('port')?.deprecated, true);
    assert.ok(byLabel.get('port')!.sortText > byLabel.get('lcm_timeout')!.sortText, 'deprecated keys sort last');
    const facts = factsAt(['settings', 'deployer', 'lcm_timeout']);
    assert.ok(facts?.markdownDescription && byLabel.get('lcm_timeout')?.documentation?.includes(facts.markdownDescription));
  });

  void it('completes a partly typed key, replacing the word', () => {
    const entries = complete('settings:\n  resources:\n    mem|\n');
    const memory = entries.find((entry) => entry.label === 'memory');
    assert.ok(memory);
    assert.deepEqual(memory.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
  });

  void it('inserts only the name when renaming the key of an existing entry', () => {
    const entries = complete('settings:\n  resources:\n    mem|: 2GB\n');
    const memory = entries.find((entry) => entry.label === 'memory');
    assert.equal(memory?.insertText, 'memory');
    assert.equal(memory?.snippet, false);
  });

  void it('uses defaultSnippets bodies for blocks', () => {
    const resources = complete('settings:\n  |').find((entry) => entry.label === 'resources');
    assert.match(resources?.insertText ?? '', /^resources:\n {4}cpu_count: \$\{1\|0\.25,0\.5,1,2,4\|\}\n {4}memory: /);
  });

  void it('offers nothing inside free-form maps, comments or under a scalar', () => {
    assert.deepEqual(complete('settings:\n  deployer:\n    tags:\n      |'), []);
    assert.deepEqual(complete('# |'), []);
    assert.deepEqual(complete('deployment:\n  name: x\n    |'), []);
  });

  void it('keeps each document of a multi-document file separate', () => {
    const entries = complete('deployment:\n  name: a\n---\n|');
    assert.ok(labels(entries).includes('deployment'));
  });
});

void describe('completeAt: values', () => {
  void it('offers enum values with their meaning, the default first', () => {
    const entries = complete('settings:\n  deployer:\n    health_check_protocol: |\n');
    assert.deepEqual(labels(entries), ['TCP', 'HTTP']);
    assert.equal(entries[0].preselect, true);
    assert.match(entries[1].documentation ?? '', /^`HTTP`: a `GET`/);
  });

  void it('offers booleans', () => {
    assert.deepEqual(labels(complete('settings:\n  deployer:\n    use_secrets_manager: |')), ['true', 'false']);
  });

  void it('offers the regions from the schema', () => {
    const entries = complete('settings:\n  deployer:\n    region: eu|\n');
    const regions = factsAt(['settings', 'deployer', 'region'])?.enum?.filter((value) => value !== null);
    assert.deepEqual(labels(entries), [...(regions as string[]), 'null']);
    assert.deepEqual(entries[0].range, { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } });
  });

  void it('offers the memory sizes that pair with the cpu_count', () => {
    const entries = complete('settings:\n  resources:\n    cpu_count: 1\n    memory: |\n');
    assert.deepEqual(labels(entries), ['2GB', '3GB', '4GB']);
    assert.equal(entries[0].detail, '→ 1 vCPU / 2 GB');
  });

  void it('offers every memory size with what it becomes when cpu_count is not a supported value', () => {
    const entries = complete('settings:\n  resources:\n    cpu_count: 3\n    memory: |\n');
    assert.deepEqual(labels(entries), ['500MB', '1GB', '2GB', '3GB', '4GB', '6GB', '8GB', '10GB', '12GB']);
    assert.equal(entries[0].detail, '→ 4 vCPU / 8 GB (ZenML rounds up)');
  });

  void it('offers the cpus that fit the memory', () => {
    assert.deepEqual(labels(complete('settings:\n  resources:\n    cpu_count: |\n    memory: 4GB\n')), ['1', '2']);
    assert.deepEqual(labels(complete('settings:\n  resources:\n    cpu_count: |\n')), ['0.25', '0.5', '1', '2', '4']);
  });

  void it('adds the missing space after a bare colon', () => {
    const [first] = complete('settings:\n  deployer:\n    health_check_protocol:|');
    assert.equal(first.insertText, ' TCP');
  });

  void it('offers the default of plain settings', () => {
    assert.deepEqual(labels(complete('settings:\n  deployer:\n    lcm_timeout: |')), ['600']);
  });
});
