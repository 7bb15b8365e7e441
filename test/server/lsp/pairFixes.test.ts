// The CPU/memory pair warning is one problem about two values: one diagnostic (one count in the
// Problems panel) on cpu_count that names memory as related, and its quick fixes on both lines,
// "what ZenML deploys" first. Requests are shaped as VS Code sends them for Ctrl+. at a cursor:
// the cursor's empty range, with only the diagnostics that touch it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, deployerUri, sharedSession } from './kit';

const PAIR = 'deployment:\n  name: x\nsettings:\n  resources:\n    cpu_count: 1\n    memory: 5GB\n';
const CPU_LINE = 4;
const MEMORY_LINE = 5;

function touches(diagnostic: Diagnostic, line: number, character: number): boolean {
  const { start, end } = diagnostic.range;
  return (start.line < line || (start.line === line && start.character <= character)) && (end.line > line || (end.line === line && end.character >= character));
}

void describe('CPU/memory pair quick fixes on both values', () => {
  const lsp = sharedSession();

  async function ctrlDot(uri: string, published: Diagnostic[], line: number, character: number): Promise<CodeAction[]> {
    const range: Range = { start: { line, character }, end: { line, character } };
    const diagnostics = published.filter((diagnostic) => touches(diagnostic, line, character));
    return lsp().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, triggerKind: 1 } });
  }

  void it('publishes one diagnostic on cpu_count with memory as related information', async () => {
    const uri = deployerUri('pair-one');
    await lsp().open(uri, PAIR);
    const diagnostics = await lsp().diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.relatedInformation?.map((r) => [r.location.uri, r.location.range])]),
      [['resources.cpu-memory-pair', CPU_LINE, [[uri, { start: { line: MEMORY_LINE, character: 12 }, end: { line: MEMORY_LINE, character: 15 } }]]]],
    );
  });

  for (const [name, line, character] of [
    ['cpu_count value', CPU_LINE, 15],
    ['memory value', MEMORY_LINE, 13],
    ['memory key', MEMORY_LINE, 6],
  ] as const) {
    void it(`Ctrl+. on the ${name} offers "what ZenML deploys" first, and applying it clears the warning`, async () => {
      const uri = deployerUri(`pair-${name}`);
      await lsp().open(uri, PAIR);
      const published = await lsp().diagnostics(uri);
      const actions = (await ctrlDot(uri, published, line, character)).filter((action) => action.kind === CodeActionKind.QuickFix);
      assert.ok(actions.length >= 2, JSON.stringify(actions.map((a) => a.title)));
      const [first] = actions;
      assert.match(first.title, /\(what ZenML deploys\)$/);
      assert.equal(first.isPreferred, true);
      assert.equal(first.kind, CodeActionKind.QuickFix);
      assert.deepEqual(first.diagnostics, published);
      assert.equal(actions.filter((a) => a.isPreferred).length, 1);
      const fixed = applyWorkspaceEdit(PAIR, uri, first.edit);
      assert.notEqual(fixed.split('\n')[CPU_LINE], PAIR.split('\n')[CPU_LINE]);
      assert.notEqual(fixed.split('\n')[MEMORY_LINE], PAIR.split('\n')[MEMORY_LINE]);
      await lsp().change(uri, fixed, 2);
      assert.deepEqual(await lsp().diagnostics(uri), []);
    });
  }

  void it('a line outside the pair gets none of its fixes', async () => {
    const uri = deployerUri('pair-elsewhere');
    await lsp().open(uri, PAIR);
    const published = await lsp().diagnostics(uri);
    const actions = await ctrlDot(uri, published, 1, 4);
    assert.deepEqual(actions.filter((action) => action.kind === CodeActionKind.QuickFix), []);
  });
});
