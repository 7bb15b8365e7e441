// Diagnostics over real LSP (`node dist/server.js --stdio`): exact ranges, codes, severities and
// tags as the language service computes them, and quick fixes that arrive as code actions whose
// edits, applied, re-validate clean. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { validateText } from '../../../common/src/language/validate';
import { DESIGN_EXAMPLE, fixtureText } from '../../common/language/kit';
import { applyWorkspaceEdit, deployerUri, sharedSession } from './kit';

const PAIR = 'deployment:\n  name: x\nsettings:\n  resources:\n    cpu_count: 1\n    memory: 5GB\n';
const TABS = 'deployment:\n\tname: x\n';
const SECRET = 'deployment:\n  name: x\nsettings:\n  deployer:\n    use_secrets_manager: false\n    environment_variables:\n      LOG_LEVEL: info\n      DB_PASSWORD: hunter2\n';

void describe('diagnostics over LSP', () => {
  const lsp = sharedSession();

  async function diagnosticsOf(text: string, stem: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = deployerUri(stem);
    await lsp().open(uri, text);
    return { uri, diagnostics: await lsp().diagnostics(uri) };
  }

  async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return lsp().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    });
  }

  void it("the design's example has no diagnostics", async () => {
    const { diagnostics } = await diagnosticsOf(DESIGN_EXAMPLE, 'design');
    assert.deepEqual(diagnostics, []);
  });

  void it('publishes exactly what the language service finds, range for range', async () => {
    const text = fixtureText('invalid', 'many-problems.zenml.deployer.yaml');
    const { diagnostics } = await diagnosticsOf(text, 'many');
    const expected = validateText(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      expected.map((f) => [f.code, f.range, f.message]),
    );
    assert.ok(diagnostics.every((d) => d.source === 'zenml-apprunner'));
  });

  void it('a CPU/memory pair: warning on the cpu_count value with its code; fixes are not sent along', async () => {
    const { diagnostics } = await diagnosticsOf(PAIR, 'pair');
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.code, 'resources.cpu-memory-pair');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, { start: { line: 4, character: 15 }, end: { line: 4, character: 16 } });
    assert.equal(diagnostic.data, undefined);
  });

  void it('tags travel: unnecessary and deprecated', async () => {
    const text = 'deployment:\n  name: x\nsettings:\n  deployer:\n    port: 8080\n    health_check_grace_period_seconds: 5\n';
    const { diagnostics } = await diagnosticsOf(text, 'tags');
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    assert.deepEqual(byCode.get('deprecated.port')?.tags, [DiagnosticTag.Deprecated]);
    assert.equal(byCode.get('deprecated.port')?.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(byCode.get('health.grace-period')?.tags, [DiagnosticTag.Unnecessary]);
    assert.deepEqual(byCode.get('health.grace-period')?.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 40 } });
  });

  for (const [stem, text, code] of [
    ['pair-fix', PAIR, 'resources.cpu-memory-pair'],
    ['tab-fix', TABS, 'yaml.tab-indent'],
    ['secret-fix', SECRET, 'secrets.plain-env'],
  ] as const) {
    void it(`every quick fix for ${code} arrives as a code action and re-validates to zero`, async () => {
      const { uri, diagnostics } = await diagnosticsOf(text, stem);
      const diagnostic = diagnostics.find((d) => d.code === code);
      assert.ok(diagnostic, JSON.stringify(diagnostics));
      const actions = await quickFixes(uri, diagnostic);
      assert.ok(actions.length > 0);
      assert.equal(actions.filter((action) => action.isPreferred).length, 1);
      let version = 1;
      for (const action of actions) {
        const fixed = applyWorkspaceEdit(text, uri, action.edit);
        await lsp().change(uri, fixed, ++version);
        const afterFix = await lsp().diagnostics(uri);
        assert.deepEqual(afterFix.map((d) => [d.code, d.message]), [], `"${action.title}" left diagnostics:\n${fixed}`);
      }
    });
  }

  void it('severity overrides from the settings apply by code', async () => {
    const { uri } = await diagnosticsOf(PAIR, 'override');
    await lsp().setSettings({ zenmlAppRunner: { validation: { enable: true, severity: { 'resources.cpu-memory-pair': 'error' } } } });
    const overridden = await lsp().diagnostics(uri);
    assert.equal(overridden[0]?.severity, DiagnosticSeverity.Error);
    await lsp().setSettings({ zenmlAppRunner: { validation: { enable: true, severity: { 'resources.cpu-memory-pair': 'off' } } } });
    assert.deepEqual(await lsp().diagnostics(uri), []);
    await lsp().setSettings({ zenmlAppRunner: { validation: { enable: true, severity: {} } } });
  });
});
