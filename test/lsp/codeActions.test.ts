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

  void it('builds quick fixes from the fixes in Diagnostic.data, not from the message', async () => {
    const uri = deployerUri('actions-data');
    await lsp().open(uri, 'a: 1\n');
    const edit = { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: '2' };
    const diagnostic: Diagnostic = {
      range: edit.range,
      message: 'whatever the message says',
      source: 'zenml',
      code: 'test.code',
      data: { fixes: [{ title: 'Use 2', edits: [edit], isPreferred: true }, { title: 'Use 1 again', edits: [{ ...edit, newText: '1' }] }] },
    };
    const foreign: Diagnostic = { ...diagnostic, source: 'other-linter' };
    const actions = await actionsFor(uri, [diagnostic, foreign], [CodeActionKind.QuickFix]);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred]),
      [['Use 2', 'quickfix', true], ['Use 1 again', 'quickfix', false]],
    );
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [edit] } });
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
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Fix all auto-fixable problems', 'source.fixAll.zenml']]);
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit);
    await lsp().change(uri, fixed, 2);
    const after = await lsp().diagnostics(uri);
    assert.ok(after.length < before.length, `nothing fixed:\n${fixed}`);
    assert.ok(!after.some((diagnostic) => diagnostic.code === 'memory.spelling'));
    // With no fixable finding left there is no source action either.
    const fixable = (diagnostic: Diagnostic): boolean => ((diagnostic.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0) > 0;
    if (!after.some(fixable)) assert.deepEqual(await actionsFor(uri, [], [CodeActionKind.SourceFixAll]), []);
  });
});
