import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { startLspSession, validationSettings, type LspSession } from '../support/lspSession';
import { deployerUri } from './kit';

/** A YAML syntax error: the one finding that exists whatever rules are added later. */
const BROKEN = 'deployment:\n  name: [unclosed\n';

void describe('zenmlAppRunner.validation settings', () => {
  let session: LspSession;

  before(async () => {
    session = await startLspSession({ settings: validationSettings({ enable: true, severity: { 'yaml.syntax': 'warning' } }) });
  });
  after(async () => {
    assert.deepEqual(session.unexpectedErrors(), []);
    await session.stop();
  });

  void it('applies a severity override from the start', async () => {
    const uri = deployerUri('settings-start');
    await session.open(uri, BROKEN);
    const diagnostics = await session.diagnostics(uri);
    const syntax = diagnostics.filter((diagnostic) => diagnostic.code === 'yaml.syntax');
    assert.ok(syntax.length > 0);
    assert.ok(syntax.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning && diagnostic.source === 'zenml'));
  });

  void it('re-pulls on didChangeConfiguration and revalidates open documents', async () => {
    const uri = deployerUri('settings-change');
    await session.open(uri, BROKEN);
    await session.diagnostics(uri);
    const pulls = session.serverRequests.get('workspace/configuration') ?? 0;

    await session.setSettings(validationSettings({ severity: { 'yaml.syntax': 'off' } }));
    const off = await session.diagnostics(uri);
    assert.ok(!off.some((diagnostic) => diagnostic.code === 'yaml.syntax'), JSON.stringify(off));
    assert.ok((session.serverRequests.get('workspace/configuration') ?? 0) > pulls);

    await session.setSettings(validationSettings({ severity: { 'yaml.syntax': 'information' } }));
    const info = await session.diagnostics(uri);
    assert.ok(info.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === DiagnosticSeverity.Information));
  });

  void it('clears diagnostics when validation is disabled and restores them when enabled', async () => {
    const uri = deployerUri('settings-enable');
    await session.open(uri, BROKEN);
    await session.diagnostics(uri);
    await session.setSettings(validationSettings({ enable: false }));
    assert.deepEqual(await session.diagnostics(uri), []);
    await session.setSettings(validationSettings({ enable: true }));
    const restored = await session.diagnostics(uri);
    assert.ok(restored.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === DiagnosticSeverity.Error));
  });

  void it('ignores ill-typed settings instead of failing', async () => {
    const uri = deployerUri('settings-bad');
    await session.open(uri, BROKEN);
    await session.diagnostics(uri);
    await session.setSettings({ zenmlAppRunner: { validation: { enable: 'yes', severity: { 'yaml.syntax': 'loud' } } } });
    const diagnostics = await session.diagnostics(uri);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === DiagnosticSeverity.Error));
  });
});
