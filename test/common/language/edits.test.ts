// The edit helpers quick fixes are built from: indentation, block and flow style, CRLF, missing
// parent blocks, deleting and moving entries. Each result must parse as intended.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseDeployerFile, type DeployerDocument } from '../../../common/src/language/deployerDocument';
import {
  deleteEntry,
  indentUnit,
  insertEntries,
  moveEntry,
  renameKey,
  replaceTabIndent,
  replaceValue,
  scalarText,
  setEntries,
} from '../../../common/src/language/edits';
import type { TextEdit } from '../../../common/src/language/types';
import { applyEdits } from '../../support/applyEdits';

function docOf(text: string, index = 0): DeployerDocument {
  return parseDeployerFile(text).documents[index];
}

function apply(text: string, edits: TextEdit | TextEdit[] | undefined): string {
  assert.ok(edits, 'no edit was produced');
  return applyEdits(text, Array.isArray(edits) ? edits : [edits]);
}

function ref(doc: DeployerDocument, ...path: string[]): NonNullable<ReturnType<DeployerDocument['get']>> {
  const found = doc.get(path);
  assert.ok(found, path.join('.'));
  return found;
}

void describe('edits: inserting', () => {
  void it("follows the file's indentation step (4 spaces)", () => {
    const text = 'deployment:\n    name: x\nsettings:\n    deployer:\n        region: us-east-1\n';
    const doc = docOf(text);
    assert.equal(indentUnit(doc), 4);
    const fixed = apply(text, insertEntries(doc, ['settings', 'resources'], [['cpu_count', 1], ['memory', '2GB']]));
    assert.equal(fixed, `${text}    resources:\n        cpu_count: 1\n        memory: 2GB\n`);
  });

  void it('creates every missing parent block', () => {
    const text = 'deployment:\n  name: x\n';
    const fixed = apply(text, insertEntries(docOf(text), ['settings', 'deployer', 'tags'], [['team', 'ml']]));
    assert.equal(fixed, 'deployment:\n  name: x\nsettings:\n  deployer:\n    tags:\n      team: ml\n');
  });

  void it('fills an empty value (`key:`, `key: null`, `key: ~`) with a block', () => {
    for (const empty of ['', ' null', ' ~', '   # nothing yet']) {
      const text = `deployment:\n  name: x\nsettings:\n  resources:${empty}\n`;
      const fixed = apply(text, insertEntries(docOf(text), ['settings', 'resources'], [['cpu_count', 1]]));
      assert.deepEqual(parse(fixed), { deployment: { name: 'x' }, settings: { resources: { cpu_count: 1 } } }, JSON.stringify(empty));
    }
  });

  void it('inserts into flow mappings, empty or not, quoting what flow style needs', () => {
    const text = 'deployment: {name: x, secrets: {}}\nsettings: {deployer: {region: us-east-1}}\n';
    const doc = docOf(text);
    assert.equal(
      apply(text, insertEntries(doc, ['deployment', 'secrets'], [['A', '${env:A}']])),
      "deployment: {name: x, secrets: {A: '${env:A}'}}\nsettings: {deployer: {region: us-east-1}}\n",
    );
    assert.equal(
      apply(text, insertEntries(doc, ['settings', 'resources'], [['memory', '2GB']])),
      'deployment: {name: x, secrets: {}}\nsettings: {deployer: {region: us-east-1}, resources: {memory: 2GB}}\n',
    );
  });

  void it('keeps CRLF line breaks', () => {
    const text = 'deployment:\r\n  name: x\r\nsettings:\r\n  resources:\r\n    cpu_count: 1\r\n';
    const fixed = apply(text, insertEntries(docOf(text), ['settings', 'resources'], [['memory', '2GB']]));
    assert.equal(fixed, 'deployment:\r\n  name: x\r\nsettings:\r\n  resources:\r\n    cpu_count: 1\r\n    memory: 2GB\r\n');
  });

  void it('appends after the last entry even without a final newline, and after nested blocks', () => {
    const text = 'deployment:\n  name: x\n  secrets:\n    A: ${env:A}';
    assert.equal(apply(text, insertEntries(docOf(text), ['deployment'], [['port', 8000]])), `${text}\n  port: 8000`);
  });

  void it('inserts into the right document of a multi-document file', () => {
    const text = 'deployment:\n  name: a\n---\ndeployment:\n  name: b\n---\ndeployment:\n  name: c\n';
    const fixed = apply(text, insertEntries(docOf(text, 1), ['deployment'], [['port', 8000]]));
    assert.equal(fixed, 'deployment:\n  name: a\n---\ndeployment:\n  name: b\n  port: 8000\n---\ndeployment:\n  name: c\n');
  });

  void it('setEntries replaces what exists and inserts the rest in one edit', () => {
    const text = 'settings:\n  resources:\n    cpu_count: 1\n    max_replicas: 3\n';
    const fixed = apply(text, setEntries(docOf(text), ['settings', 'resources'], [['cpu_count', 2], ['memory', '4GB']]));
    assert.equal(fixed, 'settings:\n  resources:\n    cpu_count: 2\n    max_replicas: 3\n    memory: 4GB\n');
  });

  void it('gives up (undefined) where no YAML can be sure: a scalar parent', () => {
    const text = 'settings: 5\n';
    assert.equal(insertEntries(docOf(text), ['settings', 'resources'], [['cpu_count', 1]]), undefined);
  });
});

void describe('edits: values and keys', () => {
  void it('writes scalars as YAML that reads back the same', () => {
    assert.equal(scalarText('2GB'), '2GB');
    assert.equal(scalarText('${env:A}'), '${env:A}');
    assert.equal(scalarText('${env:A}', true), "'${env:A}'");
    assert.equal(scalarText('true'), "'true'");
    assert.equal(scalarText('8000'), "'8000'");
    assert.equal(scalarText('a: b'), "'a: b'");
    assert.equal(scalarText("it's"), "it's");
    assert.equal(scalarText("'quoted"), '"\'quoted"');
    assert.equal(scalarText(''), "''");
    assert.equal(scalarText(0.25), '0.25');
    assert.equal(scalarText(null), 'null');
    for (const value of ['2GB', '${env:A}', 'true', '8000', 'a: b', "it's", "'quoted", '', '#x', '- x', '{"a": 1}', 'a\nb']) {
      assert.deepEqual(parse(`k: ${scalarText(value)}`), { k: value }, value);
      assert.deepEqual(parse(`{k: ${scalarText(value, true)}}`), { k: value }, value);
    }
  });

  void it('replaces a value, keeping comments; fills an empty value', () => {
    const text = 'settings:\n  resources:\n    cpu_count: 3 # too many\n    memory:\n';
    const doc = docOf(text);
    assert.equal(apply(text, replaceValue(doc, ref(doc, 'settings', 'resources', 'cpu_count'), 2)), 'settings:\n  resources:\n    cpu_count: 2 # too many\n    memory:\n');
    assert.equal(apply(text, replaceValue(doc, ref(doc, 'settings', 'resources', 'memory'), '2GB')), 'settings:\n  resources:\n    cpu_count: 3 # too many\n    memory: 2GB\n');
  });

  void it('replaces a block mapping value with a scalar right after the colon', () => {
    const text = 'a:\n  b: 1\n  c: 2\nd: 3\n';
    const doc = docOf(text);
    assert.equal(apply(text, replaceValue(doc, ref(doc, 'a'), 'x')), 'a: x\nd: 3\n');
  });

  void it('renames a key', () => {
    const text = 'settings:\n  resources:\n    memroy: 2GB\n';
    const doc = docOf(text);
    assert.equal(apply(text, renameKey(doc, ref(doc, 'settings', 'resources', 'memroy'), 'memory')), 'settings:\n  resources:\n    memory: 2GB\n');
  });

  void it('replaces tab indentation with the indentation step', () => {
    const text = 'a:\n\tb: 1\n';
    assert.equal(apply(text, replaceTabIndent(docOf(text), 1)), 'a:\n  b: 1\n');
  });
});

void describe('edits: deleting and moving', () => {
  const text = 'deployment:\n  name: x\n  port: 8000 # comment\n  secrets:\n    A: ${env:A}\n    B: ${env:B}\nsettings: {deployer: {a: 1, b: 2, c: 3}}\n';

  void it('deletes whole lines in block mappings, nested blocks included', () => {
    const doc = docOf(text);
    assert.equal(apply(text, deleteEntry(doc, ref(doc, 'deployment', 'port'))), text.replace('  port: 8000 # comment\n', ''));
    assert.equal(apply(text, deleteEntry(doc, ref(doc, 'deployment', 'secrets'))), text.replace('  secrets:\n    A: ${env:A}\n    B: ${env:B}\n', ''));
  });

  void it('deletes the only entry of a block as `{}`', () => {
    const only = 'settings:\n  deployer:\n    port: 8080\n  resources:\n    cpu_count: 1\n';
    const doc = docOf(only);
    assert.equal(apply(only, deleteEntry(doc, ref(doc, 'settings', 'deployer', 'port'))), 'settings:\n  deployer: {}\n  resources:\n    cpu_count: 1\n');
  });

  void it('deletes from flow mappings with the right comma', () => {
    const doc = docOf(text);
    for (const [key, rest] of [['a', '{b: 2, c: 3}'], ['b', '{a: 1, c: 3}'], ['c', '{a: 1, b: 2}']]) {
      const fixed = apply(text, deleteEntry(doc, ref(doc, 'settings', 'deployer', key)));
      assert.ok(fixed.endsWith(`settings: {deployer: ${rest}}\n`), fixed);
    }
  });

  void it('moves a nested block to a deeper level, re-indenting its lines', () => {
    const source = 'deployment:\n  name: x\nresources:\n  cpu_count: 1   # one\n  memory: 2GB\nsettings:\n  deployer:\n    region: us-east-1\n';
    const doc = docOf(source);
    const fixed = apply(source, moveEntry(doc, ref(doc, 'resources'), ['settings']));
    assert.equal(fixed, 'deployment:\n  name: x\nsettings:\n  deployer:\n    region: us-east-1\n  resources:\n    cpu_count: 1   # one\n    memory: 2GB\n');
  });

  void it('moves a value into a flow mapping when it fits on one line', () => {
    const source = 'deployment: {name: x}\nsettings:\n  deployer:\n    port: 8080\n    region: us-east-1\n';
    const doc = docOf(source);
    const fixed = apply(source, moveEntry(doc, ref(doc, 'settings', 'deployer', 'port'), ['deployment']));
    assert.equal(fixed, 'deployment: {name: x, port: 8080}\nsettings:\n  deployer:\n    region: us-east-1\n');
  });
});
