import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, type Hover, type ResponseError } from 'vscode-languageserver-protocol';
import { validateText } from '../../server/src/language/validate';
import { startLspSession, type LspSession } from '../support/lspSession';
import { deployerUri } from './kit';

/** Version `n` of a document: a syntax error on line `n`, so each version's findings differ. */
function textFor(version: number): string {
  return `deployment:\n  name: x\n${'  # filler\n'.repeat(version)}  image: [unclosed\n`;
}

void describe('server robustness', () => {
  let session: LspSession;

  before(async () => {
    session = await startLspSession();
  });
  after(async () => {
    assert.deepEqual(session.unexpectedErrors(), []);
    await session.stop();
  });

  void it('publishes for the last version of rapid changes, never an older one after it', async () => {
    const uri = deployerUri('stale');
    await session.open(uri, textFor(1), 1);
    for (let version = 2; version <= 20; version++) await session.change(uri, textFor(version), version);
    const final = await session.diagnostics(uri, { version: 20 });
    const expected = validateText(textFor(20)).map(({ code, range, message }) => ({ code, range, message }));
    assert.deepEqual(final.map(({ code, range, message }) => ({ code, range, message })), expected);
    // One more change makes a point after which every earlier publish has arrived.
    await session.change(uri, textFor(21), 21);
    await session.diagnostics(uri, { version: 21 });
    const versions = session.published.filter((event) => event.uri === uri).map((event) => event.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `published out of order: ${versions.join(', ')}`);
    assert.ok(versions.length < 21, `debouncing should skip intermediate versions, published ${versions.join(', ')}`);
  });

  void it('survives a handler that throws: logs it and answers null', async () => {
    const uri = deployerUri('throws');
    await session.open(uri, 'deployment:\n  name: x\n');
    const hover = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 0 } });
    assert.equal(hover, null);
    assert.ok(session.logs.some((entry) => entry.type === 1 && entry.message.includes('hover failed')), JSON.stringify(session.logs));
    const next = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.ok(next, 'the server still answers');
  });

  void it('copes with a request cancelled as it is sent', async () => {
    const uri = deployerUri('cancel');
    await session.open(uri, 'deployment:\n  name: x\n');
    const source = new CancellationTokenSource();
    source.cancel();
    // Whether the cancel overtakes the request is up to timing: either answer is correct.
    const outcome = await session
      .request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }, source.token)
      .then(
        (hover) => (hover ? 'answered' : 'null'),
        (error: ResponseError<unknown>) => (error.code === LSPErrorCodes.RequestCancelled ? 'cancelled' : `failed: ${error.message}`),
      );
    assert.ok(outcome === 'answered' || outcome === 'cancelled', outcome);
    assert.ok(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } }));
  });

  void it('applies incremental changes', async () => {
    const uri = deployerUri('incremental');
    await session.open(uri, 'deployment:\n  name: [x\n', 1);
    assert.ok((await session.diagnostics(uri)).some((diagnostic) => diagnostic.code === 'yaml.syntax'));
    // Replace `[x` by `x` with a ranged change, as VS Code sends it.
    await session.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } }, text: '' }],
    });
    const fixed = await session.diagnostics(uri, { version: 2 });
    assert.ok(!fixed.some((diagnostic) => diagnostic.code === 'yaml.syntax'), JSON.stringify(fixed));
  });

  void it('clears diagnostics on close', async () => {
    const uri = deployerUri('close');
    await session.open(uri, textFor(1));
    assert.ok((await session.diagnostics(uri)).length > 0);
    await session.close(uri);
    assert.deepEqual(await session.diagnostics(uri), []);
  });

  void it('leaves plain YAML alone unless it opts in with a schema modeline', async () => {
    const plain = 'file:///workspace/values.yaml';
    await session.open(plain, 'a: [unclosed\n', 1, 'yaml');
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri: plain }, position: { line: 0, character: 0 } }), null);
    const optIn = 'file:///workspace/deploy.yaml';
    await session.open(optIn, '# yaml-language-server: $schema=../schemas/zenml.deployer.schema.json\ndeployment:\n  name: [x\n', 1, 'yaml');
    assert.ok((await session.diagnostics(optIn)).some((diagnostic) => diagnostic.code === 'yaml.syntax'));
    assert.ok(!session.published.some((event) => event.uri === plain), 'plain YAML got diagnostics');
  });
});
