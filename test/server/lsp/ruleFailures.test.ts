// A rule that throws inside the real server (`support/throwingRegionServer.ts` breaks the region
// rule): the failure is logged on the server's output once per rule and document version with
// its stack, the other diagnostics still arrive, and under tests it fails the suite.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { startLspSession, type LspSession } from '../../support/lspSession';
import { deployerUri } from './kit';

const SERVER = path.join(__dirname, 'support', 'throwingRegionServer.js');
const BAD_REGION = 'deployment:\n  name: x\nsettings:\n  deployer:\n    region: moon-1\n  resources:\n    cpu_count: 1\n    memory: 5GB\n';

function ruleFailureLogs(session: LspSession): string[] {
  return session.logs.filter((log) => log.type === 1 && log.message.startsWith('The check "region"')).map((log) => log.message);
}

void describe('a rule that throws in the server', () => {
  let session: LspSession | undefined;
  const savedStrict = process.env.ZENML_APPRUNNER_STRICT;
  afterEach(async () => {
    await session?.stop();
    session = undefined;
    if (savedStrict === undefined) delete process.env.ZENML_APPRUNNER_STRICT;
    else process.env.ZENML_APPRUNNER_STRICT = savedStrict;
  });

  void it('outside tests: logged once per version with its stack; the other diagnostics arrive', async () => {
    process.env.ZENML_APPRUNNER_STRICT = '0';
    session = await startLspSession({ serverScript: SERVER });
    const uri = deployerUri('throwing');
    await session.open(uri, BAD_REGION);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['resources.cpu-memory-pair'],
    );
    // Code actions validate the same version again (with fixes): no second log line.
    await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    const logged = ruleFailureLogs(session);
    assert.equal(logged.length, 1, logged.join('\n---\n'));
    assert.match(logged[0], /version 1/);
    assert.match(logged[0], /TypeError: region rule broken on purpose by the test\n\s+at /);
    // A new version that still hits the bug is logged again.
    await session.change(uri, BAD_REGION.replace('moon-1', 'moon-2'), 2);
    await session.diagnostics(uri);
    assert.equal(ruleFailureLogs(session).length, 2);
  });

  void it('under tests: the failure is an unexpected error that fails the suite', async () => {
    session = await startLspSession({ serverScript: SERVER });
    const uri = deployerUri('throwing-strict');
    await session.open(uri, BAD_REGION);
    await session.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 4, character: 12 }, end: { line: 4, character: 12 } },
      context: { diagnostics: [] },
    });
    const problems = session.unexpectedErrors();
    assert.ok(
      problems.some((problem) => problem.includes('The check "region"')),
      problems.join('\n'),
    );
  });
});
