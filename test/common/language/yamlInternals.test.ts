// Guards the adapter over the yaml library's internals (common/src/language/yamlInternals.ts):
// when an upgrade of `yaml` changes what the fast parser relies on, these fail and say so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isScalar, parseAllDocuments, type Document } from 'yaml';
import { DEPLOYER_PARSE_OPTIONS, newParsedDocument, plainScalarTags, streamDirectives, YAML_VERSION_RELIED_ON } from '../../../common/src/language/yamlInternals';
import { REPO_ROOT } from './kit';

const ADAPTER = 'common/src/language/yamlInternals.ts (the adapter over the yaml library internals)';
const installed = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'yaml', 'package.json'), 'utf8')) as { version: string }).version;
const pinned = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.yaml;

function because(what: string): string {
  return `${ADAPTER} no longer matches yaml ${installed}: ${what}. Check the adapter against the new version (and the fast parser's differential tests), then update YAML_VERSION_RELIED_ON and the pin.`;
}

function libraryDocument(text: string): Document.Parsed {
  const [doc] = Array.from(parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS));
  return doc;
}

void describe('the yaml internals adapter', () => {
  void it('is checked against the exact yaml version package.json pins and node_modules holds', () => {
    assert.equal(pinned, YAML_VERSION_RELIED_ON, because(`package.json must pin yaml to exactly ${YAML_VERSION_RELIED_ON}, it says ${pinned}`));
    assert.equal(installed, YAML_VERSION_RELIED_ON, because(`the adapter was checked against ${YAML_VERSION_RELIED_ON}`));
  });

  for (const [marker, text] of [
    [false, 'a: 1\n'],
    [true, '---\na: 1\n'],
  ] as const) {
    void it(`builds a document like the library's composer (${marker ? 'after' : 'without'} a --- marker)`, () => {
      const ours = newParsedDocument(streamDirectives(), marker);
      const theirs = libraryDocument(text);
      assert.deepEqual(ours.options, theirs.options, because('document options differ'));
      assert.deepEqual({ ...ours.directives }, { ...theirs.directives }, because('document directives differ'));
      assert.equal(ours.schema.name, theirs.schema.name, because('schema differs'));
      assert.deepEqual(
        ours.schema.tags.map((tag) => tag.tag),
        theirs.schema.tags.map((tag) => tag.tag),
        because('schema tags differ'),
      );
      ours.contents = ours.createNode({ a: 1 }) as typeof ours.contents;
      assert.equal(ours.toString(), theirs.toString(), because('the documents print differently'));
    });
  }

  void it('resolves plain scalars through the schema tags as the library does', () => {
    const doc = newParsedDocument(streamDirectives(), false);
    const tags = plainScalarTags(doc);
    assert.ok(tags.length >= 5, because(`only ${tags.length} plain-scalar tags with a test pattern`));
    const samples = ['null', '~', 'Null', 'true', 'False', '12', '-3', '0x1F', '0o17', '1.5', '1e3', '.inf', '-.Inf', '.nan', 'text', '2GB', '0.25'];
    for (const source of samples) {
      const expected = libraryDocument(`k: ${source}\n`).get('k', true);
      assert.ok(isScalar(expected));
      const tag = tags.find((candidate) => candidate.default === true && candidate.test.test(source));
      const value = tag ? tag.resolve(source, () => assert.fail(because(`${source} failed to resolve`)), doc.options) : source;
      const resolved = isScalar(value) ? value.value : value;
      assert.deepEqual(resolved, expected.value, because(`"${source}" resolves to ${String(resolved)}, the library gives ${String(expected.value)}`));
      if (tag?.format) assert.equal(tag.format, expected.format, because(`"${source}" gets format ${tag.format}, the library ${String(expected.format)}`));
    }
  });
});
