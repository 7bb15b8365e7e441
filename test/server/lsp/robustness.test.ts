import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, type Hover, type ResponseError } from 'vscode-languageserver-protocol';
import { validateText } from '../../../common/src/language/validate';
import { deployerUri, sharedSession } from './kit';

/** Version `n` of a document: a syntax error on line `n`, so each version's findings differ. */
function textFor(version: number): string {
  return `deployment:\n  name: x\n${'  # filler\n'.repeat(version)}  image: [unclosed\n`;
}

void describe('server robustness', () => {
  const lsp = sharedSession();

  void it('publishes once for a burst of rapid changes, for its last version, never an older one after it', async () => {
    const uri = deployerUri('stale');
    await lsp().open(uri, textFor(1), 1);
    for (let version = 2; version <= 20; version++) await lsp().change(uri, textFor(version), version);
    const final = await lsp().diagnostics(uri, { version: 20 });
    const expected = validateText(textFor(20)).map(({ code, range, message }) => ({ code, range, message }));
    assert.deepEqual(final.map(({ code, range, message }) => ({ code, range, message })), expected);
    // One more change makes a point after which every earlier publish has arrived.
    await lsp().change(uri, textFor(21), 21);
    await lsp().diagnostics(uri, { version: 21 });
    const versions = lsp().published.filter((event) => event.uri === uri).map((event) => event.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(', ')}`);
    // docs/performance.md promises one publish per burst of changes: the burst's last version, once.
    assert.deepEqual(
      versions.filter((version) => version >= 2 && version <= 20),
      [20],
      `published ${versions.join(', ')}`,
    );
  });

  void it('survives a handler that throws: logs it and answers null', async () => {
    const uri = deployerUri('throws');
    await lsp().open(uri, 'deployment:\n  name: x\n');
    const hover = await lsp().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 0 } });
    assert.equal(hover, null);
    assert.ok(lsp().logs.some((entry) => entry.type === 1 && entry.message.includes('hover failed')), JSON.stringify(lsp().logs));
    const next = await lsp().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.ok(next, 'the server still answers');
  });

  void it('copes with a request cancelled as it is sent', async () => {
    const uri = deployerUri('cancel');
    await lsp().open(uri, 'deployment:\n  name: x\n');
    const source = new CancellationTokenSource();
    source.cancel();
    // Whether the cancel overtakes the request is up to timing: either answer is correct.
    const outcome = await lsp()
      .request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }, source.token)
      .then(
        (hover) => (hover ? 'answered' : 'null'),
        (error: ResponseError<unknown>) => (error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed: ${error.message}`),
      );
    assert.ok(outcome === 'answered' || outcome === 'cancelled', outcome);
    assert.ok(await lsp().request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }));
  });

  void it('applies incremental changes', async () => {
    const uri = deployerUri('incremental');
    await lsp().open(uri, 'deployment:\n  name: [x\n', 1);
    assert.ok((await lsp().diagnostics(uri)).some((diagnostic) => diagnostic.code === 'yaml.syntax'));
    // Replace `[x` by `x` with a ranged change, as VS Code sends it.
    await lsp().notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' }],
    });
    const fixed = await lsp().diagnostics(uri, { version: 2 });
    assert.ok(!fixed.some((diagnostic) => diagnostic.code === 'yaml.syntax'), JSON.stringify(fixed));
  });

  void it('clears diagnostics on close', async () => {
    const uri = deployerUri('close');
    await lsp().open(uri, textFor(1));
    assert.ok((await lsp().diagnostics(uri)).length > 0);
    await lsp().close(uri);
    assert.deepEqual(await lsp().diagnostics(uri), []);
  });

  void it('leaves plain YAML alone unless it opts in with a schema modeline', async () => {
    const plain = 'file:///workspace/values.yaml';
    await lsp().open(plain, 'a: [unclosed\n', 1, 'yaml');
    assert.equal(await lsp().request('textDocument/hover', { textDocument: { uri: plain }, position: { line: 0, character: 0 } }), null);
    const optIn = 'file:///workspace/deploy.yaml';
    await lsp().open(optIn, '# yaml-language-server: $schema=../schemas/zenml.deployer.schema.json\ndeployment:\n  name: [x\n', 1, 'yaml');
    assert.ok((await lsp().diagnostics(optIn)).some((diagnostic) => diagnostic.code === 'yaml.syntax'));
    assert.ok(!lsp().published.some((event) => event.uri === plain), 'plain YAML got diagnostics');
  });
});
