import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InlayHintKind, SymbolKind, type DocumentSymbol, type InlayHint, type MarkupContent } from 'vscode-languageserver-protocol';
import { deployerUri, fixture, positionOf, sharedSession } from './kit';

void describe('document symbols and inlay hints', () => {
  const uri = deployerUri('symbols');
  const text = fixture('full.zenml.deployer.yaml');
  const lsp = sharedSession(undefined, async (session) => {
    await session.open(uri, text);
  });

  void it('returns the keys as a hierarchy with kinds', async () => {
    const symbols = await lsp().request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.kind]), [['deployment', SymbolKind.Object], ['settings', SymbolKind.Object]]);
    const [deployer, resources] = symbols[1].children ?? [];
    assert.equal(deployer.name, 'deployer');
    assert.deepEqual(
      resources.children?.map((symbol) => [symbol.name, symbol.kind, symbol.detail]),
      [
        ['cpu_count', SymbolKind.Number, '1'],
        ['memory', SymbolKind.String, '5GB'],
        ['min_replicas', SymbolKind.Number, '1'],
        ['max_replicas', SymbolKind.Number, '10'],
        ['max_concurrency', SymbolKind.Number, '80'],
      ],
    );
    const useSecrets = deployer.children?.find((symbol) => symbol.name === 'use_secrets_manager');
    assert.equal(useSecrets?.kind, SymbolKind.Boolean);
    assert.deepEqual(useSecrets?.selectionRange.start, positionOf(text, 'use_secrets_manager'));
  });

  void it('shows the resolved instance after resources:', async () => {
    const hints = await lsp().request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    assert.equal(hints.length, 1);
    const [hint] = hints;
    assert.deepEqual(hint.position, positionOf(text, 'resources:', 'resources:'.length));
    assert.equal(hint.label, '→ 2 vCPU / 6 GB (ZenML rounds up)');
    assert.equal(hint.kind, InlayHintKind.Type);
    assert.match((hint.tooltip as MarkupContent).value, /rounds the request \(1 vCPU, 5 GB\) up/);
  });

  void it('follows edits: an exact pair drops the rounding note', async () => {
    const other = deployerUri('inlay');
    await lsp().open(other, text.replace('memory: 5GB', 'memory: 3GB'));
    const hints = await lsp().request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: other },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    assert.deepEqual(hints.map((hint) => hint.label), ['→ 1 vCPU / 3 GB']);
  });
});
