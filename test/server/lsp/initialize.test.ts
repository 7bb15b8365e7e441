import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { startLspSession, type LspSession } from '../../support/lspSession';
import { deployerUri } from './kit';

void describe('initialize', () => {
  let session: LspSession;
  before(async () => {
    session = await startLspSession();
  });
  after(async () => {
    await session.stop();
  });

  void it('announces the features the extension relies on', () => {
    const { capabilities, serverInfo } = session.initializeResult;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [':', '=', '"', "'"]);
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.zenml-apprunner'], resolveProvider: false });
    assert.ok(capabilities.inlayHintProvider);
    assert.equal(serverInfo?.name, 'ZenML App Runner Language Server');
  });

  void it('pulls zenmlAppRunner.validation for a document it validates', async () => {
    const uri = deployerUri();
    await session.open(uri, 'deployment:\n  name: x\n');
    await session.diagnostics(uri);
    assert.ok((session.serverRequests.get('workspace/configuration') ?? 0) >= 1);
    assert.deepEqual(session.unexpectedErrors(), []);
  });
});

void describe('a client without workspace/configuration', () => {
  void it('gets diagnostics with the default settings and is never asked for configuration', async () => {
    const session = await startLspSession({ configurationCapability: false });
    try {
      const uri = deployerUri();
      await session.open(uri, 'deployment:\n  name: [x\n');
      const diagnostics = await session.diagnostics(uri);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === 1));
      // A pushed section is honoured.
      await session.setSettings({ zenmlAppRunner: { validation: { severity: { 'yaml.syntax': 'hint' } } } });
      const after = await session.diagnostics(uri);
      assert.ok(after.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === 4));
      assert.equal(session.serverRequests.get('workspace/configuration'), undefined);
      assert.deepEqual(session.unexpectedErrors(), []);
    } finally {
      await session.stop();
    }
  });
});
