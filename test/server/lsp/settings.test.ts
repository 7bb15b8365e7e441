import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { validationSettings } from '../../support/lspSession';
import { deployerUri, sharedSession } from './kit';

/** A YAML syntax error: the one finding that exists whatever rules are added later. */
const BROKEN = 'deployment:\n  name: [unclosed\n';

void describe('zenmlAppRunner.validation settings', () => {
  const lsp = sharedSession({ settings: validationSettings({ enable: true, severity: { 'yaml.syntax': 'warning' } }) });

  void it('applies a severity override from the start', async () => {
    const uri = deployerUri('settings-start');
    await lsp().open(uri, BROKEN);
    const diagnostics = await lsp().diagnostics(uri);
    const syntax = diagnostics.filter((diagnostic) => diagnostic.code === 'yaml.syntax');
    assert.ok(syntax.length > 0);
    assert.ok(syntax.every((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning && diagnostic.source === 'zenml-apprunner'));
  });

  void it('re-pulls on didChangeConfiguration and revalidates open documents', async () => {
    const uri = deployerUri('settings-change');
    await lsp().open(uri, BROKEN);
    await lsp().diagnostics(uri);
    const pulls = lsp().serverRequests.get('workspace/configuration') ?? 0;

    await lsp().setSettings(validationSettings({ severity: { 'yaml.syntax': 'off' } }));
    const off = await lsp().diagnostics(uri);
    assert.ok(!off.some((diagnostic) => diagnostic.code === 'yaml.syntax'), JSON.stringify(off));
    assert.ok((lsp().serverRequests.get('workspace/configuration') ?? 0) > pulls);

    await lsp().setSettings(validationSettings({ severity: { 'yaml.syntax': 'information' } }));
    const info = await lsp().diagnostics(uri);
    assert.ok(info.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === DiagnosticSeverity.Information));
  });

  void it('clears diagnostics when validation is disabled and restores them when enabled', async () => {
    const uri = deployerUri('settings-enable');
    await lsp().open(uri, BROKEN);
    await lsp().diagnostics(uri);
    await lsp().setSettings(validationSettings({ enable: false }));
    assert.deepEqual(await lsp().diagnostics(uri), []);
    await lsp().setSettings(validationSettings({ enable: true }));
    const restored = await lsp().diagnostics(uri);
    assert.ok(restored.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === DiagnosticSeverity.Error));
  });

  void it('ignores ill-typed settings instead of failing', async () => {
    const uri = deployerUri('settings-bad');
    await lsp().open(uri, BROKEN);
    await lsp().diagnostics(uri);
    await lsp().setSettings({ zenmlAppRunner: { validation: { enable: 'yes', severity: { 'yaml.syntax': 'loud' } } } });
    const diagnostics = await lsp().diagnostics(uri);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'yaml.syntax' && diagnostic.severity === DiagnosticSeverity.Error));
  });
});
