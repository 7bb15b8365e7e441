import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, deployerUri, fixture, sharedSession } from './kit';

void describe('textDocument/codeAction', () => {
  const lsp = sharedSession();

  async function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return lsp().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  void it('builds quick fixes for the text as it is now: a diagnostic is matched by code and range', async () => {
    const uri = deployerUri('actions-match');
    const text = 'deployment:\n  name: x\nsettings:\n  deployer:\n    health_check_protocol: tcp\n';
    await lsp().open(uri, text);
    const [diagnostic] = await lsp().diagnostics(uri);
    assert.equal(diagnostic.code, 'schema.enum');
    const value = { start: { line: 4, character: 27 }, end: { line: 4, character: 30 } };
    assert.deepEqual(diagnostic.range, value);
    // What the client sends back is all the server needs: no data, a message it may have reworded.
    const echoed: Diagnostic = { range: value, severity: diagnostic.severity, source: 'zenml-apprunner', code: 'schema.enum', message: 'reworded' };
    const foreign: Diagnostic = { ...echoed, source: 'other-linter' };
    const actions = await actionsFor(uri, [echoed, foreign], [CodeActionKind.QuickFix]);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred]),
      [['Change to TCP', 'quickfix', true], ['Change to HTTP', 'quickfix', false]],
    );
    assert.deepEqual(actions[0].diagnostics, [echoed]);
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: value, newText: 'TCP' }] } });
    // After an edit the old diagnostic no longer matches anything: no fix aimed at text that moved.
    await lsp().change(uri, `# moved down a line\n${text}`, 2);
    assert.deepEqual(await actionsFor(uri, [echoed], [CodeActionKind.QuickFix]), []);
  });

  const realFixes: [string, string][] = [
    ['fixable.zenml.deployer.yaml', 'memory.spelling'],
    ['fixable.zenml.deployer.yaml', 'schema.enum'],
    ['full.zenml.deployer.yaml', 'resources.cpu-memory-pair'],
  ];
  for (const [name, code] of realFixes) {
    void it(`fixes ${code}; the fixed text validates without it`, async () => {
      const uri = deployerUri('actions-real');
      const text = fixture(name);
      await lsp().open(uri, text);
      const diagnostics = await lsp().diagnostics(uri);
      const diagnostic = diagnostics.find((candidate) => candidate.code === code);
      assert.ok(diagnostic, `expected a ${code} diagnostic, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
      const actions = await actionsFor(uri, [diagnostic], [CodeActionKind.QuickFix]);
      const preferred = actions.find((action) => action.isPreferred);
      assert.ok(preferred, `no preferred quick fix for ${code}: ${JSON.stringify(actions.map((action) => action.title))}`);
      assert.equal(preferred.kind, CodeActionKind.QuickFix);
      assert.deepEqual(preferred.diagnostics, [diagnostic]);
      await lsp().change(uri, applyWorkspaceEdit(text, uri, preferred.edit), 2);
      const after = await lsp().diagnostics(uri);
      assert.ok(!after.some((candidate) => candidate.code === code), `${code} still reported after "${preferred.title}"`);
    });
  }

  void it('offers "Fix all auto-fixable problems" as a source action', async () => {
    const uri = deployerUri('actions-all');
    const text = fixture('fixable.zenml.deployer.yaml');
    await lsp().open(uri, text);
    const before = await lsp().diagnostics(uri);
    const actions = await actionsFor(uri, [], [CodeActionKind.SourceFixAll]);
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Fix all auto-fixable problems', 'source.fixAll.zenml-apprunner']]);
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit);
    await lsp().change(uri, fixed, 2);
    const after = await lsp().diagnostics(uri);
    assert.ok(after.length < before.length, `nothing fixed:\n${fixed}`);
    assert.ok(!after.some((diagnostic) => diagnostic.code === 'memory.spelling'));
    // Once every auto-fix is applied there is no source action left.
    let current = fixed;
    for (let round = 3; round < 8; round++) {
      const [action] = await actionsFor(uri, [], [CodeActionKind.SourceFixAll]);
      if (!action) break;
      current = applyWorkspaceEdit(current, uri, action.edit);
      await lsp().change(uri, current, round);
      await lsp().diagnostics(uri);
    }
    assert.deepEqual(await actionsFor(uri, [], [CodeActionKind.SourceFixAll]), []);
  });
});
