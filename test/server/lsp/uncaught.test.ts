// An error that escapes every handler is said in the server's output (where a bug report can quote
// it) and the server goes on answering, instead of ending without a word.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { startLspSession, type LspSession } from '../../support/lspSession';
import { deployerUri } from './kit';

const SERVER = path.join(__dirname, 'support', 'escapingErrorServer.js');
const FILE = 'deployment:\n  name: x\nsettings:\n  deployer:\n    region: us-east-1\n  resources:\n    cpu_count: 1\n    memory: 5GB\n';

void describe('an uncaught error in the server', () => {
  let session: LspSession | undefined;
  after(async () => session?.stop());

  void it('is logged with its stack, and the server keeps answering', async () => {
    session = await startLspSession({ serverScript: SERVER });
    const uri = deployerUri('escaping');
    await session.open(uri, FILE);
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['resources.cpu-memory-pair']);
    const deadline = Date.now() + 10_000;
    const logged = (): string | undefined => session?.logs.find((log) => log.type === 1 && log.message.startsWith('Uncaught exception in the language server'))?.message;
    while (logged() === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.match(logged() ?? '(nothing logged)', /^Uncaught exception in the language server: RangeError: escaped every guard on purpose\n\s+at /);
    const hover = await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 5 } });
    assert.ok(hover !== undefined, 'the server still answers after the escaped error');
  });
});
