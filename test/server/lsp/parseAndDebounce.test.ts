// The server's per-version parse cache and its work-sized debounce, as units.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEPLOYER_LANGUAGE_ID } from '../../../common/src/product';
import { ParsedDocuments } from '../../../server/src/lsp/parsedDocuments';
import { DEBOUNCE, debounceFor } from '../../../server/src/lsp/validationScheduler';

void describe('ParsedDocuments', () => {
  void it('parses a version once, again after a change, and forgets a closed document', () => {
    const cache = new ParsedDocuments();
    const document = TextDocument.create('file:///a.zenml.deployer.yaml', DEPLOYER_LANGUAGE_ID, 1, 'deployment:\n  name: a\n');
    const first = cache.of(document);
    assert.equal(cache.of(document), first);
    TextDocument.update(document, [{ text: 'deployment:\n  name: b\n' }], 2);
    const second = cache.of(document);
    assert.notEqual(second, first);
    assert.equal(second?.source.text, 'deployment:\n  name: b\n');
    cache.forget(document.uri);
    assert.notEqual(cache.of(document), second);
  });
});

void describe('debounceFor', () => {
  void it('is short for cheap documents and grows with the last validation, up to the cap', () => {
    assert.equal(debounceFor(undefined), DEBOUNCE.baseMs);
    assert.ok(debounceFor(1) <= 50, String(debounceFor(1)));
    assert.ok(debounceFor(20) > debounceFor(1));
    assert.equal(debounceFor(10_000), DEBOUNCE.maxMs);
  });
});
