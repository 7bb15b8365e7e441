import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { factsAt, knownKeys } from '../../../common/src/domain/schemaFacts';
import { deployerUri, sharedSession } from './kit';

void describe('textDocument/completion', () => {
  const lsp = sharedSession();

  /** Opens `marked` (cursor at `|`) and returns the items, most likely first. */
  async function complete(marked: string): Promise<CompletionItem[]> {
    const uri = deployerUri('completion');
    const offset = marked.indexOf('|');
    const lines = marked.slice(0, offset).split('\n');
    await lsp().open(uri, marked.replace('|', ''));
    const items = await lsp().request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    });
    return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  }

  void it('offers the keys of the map at the cursor on an empty line, minus those present', async () => {
    const items = await complete('settings:\n  resources:\n    memory: 2GB\n    |\n');
    const expected = knownKeys(['settings', 'resources']).filter((key) => key !== 'memory');
    assert.deepEqual(new Set(items.map((item) => item.label)), new Set(expected));
    const cpu = items.find((item) => item.label === 'cpu_count');
    assert.equal(cpu?.kind, CompletionItemKind.Property);
    assert.equal(cpu?.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((cpu?.textEdit as TextEdit).newText, 'cpu_count: ${1:0.25}');
    assert.ok((cpu?.documentation as MarkupContent).value.includes(factsAt(['settings', 'resources', 'cpu_count'])!.markdownDescription!));
  });

  void it('offers the top-level keys with deployment first', async () => {
    const items = await complete('|');
    assert.equal(items[0].label, 'deployment');
    assert.deepEqual(items.map((item) => item.label).sort(), knownKeys([]).sort());
  });

  void it('offers enum values, the default first', async () => {
    const items = await complete('settings:\n  deployer:\n    health_check_protocol: |\n');
    assert.deepEqual(items.map((item) => item.label), ['TCP', 'HTTP']);
    assert.equal(items[0].kind, CompletionItemKind.EnumMember);
    assert.equal(items[0].preselect, true);
  });

  void it('offers the memory sizes that pair with cpu_count', async () => {
    const items = await complete('settings:\n  resources:\n    cpu_count: 1\n    memory: |\n');
    assert.deepEqual(items.map((item) => item.label), ['2GB', '3GB', '4GB']);
    assert.deepEqual(items.map((item) => item.detail), ['→ 1 vCPU / 2 GB', '→ 1 vCPU / 3 GB', '→ 1 vCPU / 4 GB']);
  });

  void it('offers the cpus that fit the memory', async () => {
    const items = await complete('settings:\n  resources:\n    memory: 6GB\n    cpu_count: |\n');
    assert.deepEqual(items.map((item) => item.label), ['2']);
  });

  void it('answers an empty list outside a deployer file', async () => {
    const uri = 'file:///workspace/other.yaml';
    await lsp().open(uri, 'settings:\n  ', 1, 'yaml');
    assert.deepEqual(await lsp().request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } }), []);
  });
});
