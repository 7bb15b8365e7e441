// Unit test of the handler wrapper: the over-LSP timing of a cancel cannot be forced, this can.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type RemoteConsole } from 'vscode-languageserver';
import { guarded } from '../../../server/src/lsp/guard';

function recordingConsole(): { console: RemoteConsole; errors: string[] } {
  const errors: string[] = [];
  const console = { error: (message: string) => errors.push(message) } as unknown as RemoteConsole;
  return { console, errors };
}

void describe('guarded', () => {
  void it('passes results through', async () => {
    const { console } = recordingConsole();
    const handler = guarded(console, 'test', 'fallback', (params: number) => `got ${params}`);
    assert.equal(await handler(1, new CancellationTokenSource().token), 'got 1');
  });

  void it('logs an exception and answers the fallback', async () => {
    const { console, errors } = recordingConsole();
    const handler = guarded(console, 'hover', null, () => {
      throw new Error('boom');
    });
    assert.equal(await handler(undefined, new CancellationTokenSource().token), null);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^hover failed: Error: boom/);
  });

  void it('answers RequestCancelled when cancelled before or during the work', async () => {
    const { console } = recordingConsole();
    const before = new CancellationTokenSource();
    before.cancel();
    let ran = false;
    const early = await guarded(console, 'test', [], () => {
      ran = true;
      return [1];
    })(undefined, before.token);
    assert.equal(ran, false);
    assert.ok(early instanceof ResponseError && early.code === LSPErrorCodes.RequestCancelled);

    const during = new CancellationTokenSource();
    const late = await guarded(console, 'test', [], async () => {
      during.cancel();
      await Promise.resolve();
      return [1];
    })(undefined, during.token);
    assert.ok(late instanceof ResponseError && late.code === LSPErrorCodes.RequestCancelled);
  });
});
