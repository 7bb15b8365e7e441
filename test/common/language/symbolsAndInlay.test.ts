import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlayHints } from '../../../common/src/language/inlay';
import { documentSymbols, type SymbolEntry } from '../../../common/src/language/symbols';

const FILE = `deployment:
  name: weather
  port: 8000
settings:
  deployer:
    use_secrets_manager: true
    tags: {team: ml}
  resources:   # size
    cpu_count: 1
    memory: 5GB
`;

function outline(symbols: SymbolEntry[]): unknown[] {
  return symbols.map((symbol) => (symbol.children.length ? [symbol.name, symbol.kind, outline(symbol.children)] : [symbol.name, symbol.kind]));
}

void describe('documentSymbols', () => {
  void it('nests every key with a kind from its value', () => {
    assert.deepEqual(outline(documentSymbols(FILE)), [
      ['deployment', 'object', [['name', 'string'], ['port', 'number']]],
      [
        'settings',
        'object',
        [
          ['deployer', 'object', [['use_secrets_manager', 'boolean'], ['tags', 'object', [['team', 'string']]]]],
          ['resources', 'object', [['cpu_count', 'number'], ['memory', 'string']]],
        ],
      ],
    ]);
  });

  void it('gives the key as selection range inside the entry range', () => {
    const [deployment] = documentSymbols(FILE);
    const name = deployment.children[0];
    assert.equal(name.detail, 'weather');
    assert.deepEqual(name.selectionRange, { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
    assert.deepEqual(name.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 15 } });
    assert.deepEqual(deployment.range.start, { line: 0, character: 0 });
  });

  void it('keeps selection ranges inside entry ranges for keys ending in line breaks', () => {
    const within = (inner: SymbolEntry['range'], outer: SymbolEntry['range']): boolean =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (symbols: SymbolEntry[]): void => {
      for (const symbol of symbols) {
        assert.ok(within(symbol.selectionRange, symbol.range), `${symbol.name}: ${JSON.stringify(symbol)}`);
        check(symbol.children);
      }
    };
    const aliases = 'l0: &l0 ["lol", "lol"]\nl1: &l1 [*l0, *l0]\n';
    for (const text of [`${aliases}  \t\r  \t\nkey: *l1\n`, '# only a comment\n\nkey: !! >binary |\n  R0lGODlhDAAMAIQAAP\n', 'a:\n  start_command: null       \n\r     # why\n  b: 1\n']) {
      const symbols = documentSymbols(text);
      assert.ok(symbols.length > 0, text);
      check(symbols);
    }
  });

  void it('groups several documents under their deployment names', () => {
    const symbols = documentSymbols(`${FILE}---\ndeployment:\n  image: x\n`);
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.kind]), [['weather', 'module'], ['document 2', 'module']]);
    assert.deepEqual(symbols[1].children.map((symbol) => symbol.name), ['deployment']);
  });

  void it('returns nothing for an empty file', () => {
    assert.deepEqual(documentSymbols(''), []);
  });
});

void describe('inlayHints', () => {
  void it('puts the resolved size at the end of the resources line, after its comment, so no comment moves', () => {
    assert.deepEqual(
      inlayHints(FILE).map(({ position, label }) => ({ position, label })),
      [{ position: { line: 7, character: '  resources:   # size'.length }, label: '→ 2 vCPU / 6 GB (ZenML rounds up)' }],
    );
    assert.deepEqual(inlayHints('settings:\n  resources:  \n    cpu_count: 1\n')[0].position, { line: 1, character: 12 });
  });

  void it('labels exact, default and too-large requests', () => {
    assert.equal(inlayHints(FILE.replace('5GB', '2GB'))[0].label, '→ 1 vCPU / 2 GB');
    assert.equal(inlayHints('settings:\n  resources:\n    min_replicas: 1\n')[0].label, '→ 0.25 vCPU / 0.5 GB (default)');
    assert.match(inlayHints('settings:\n  resources:\n    cpu_count: 8\n')[0].label, /^→ 4 vCPU \/ 12 GB \(largest size/);
  });

  void it('keeps only hints inside the requested range', () => {
    assert.equal(inlayHints(FILE, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }).length, 0);
  });

  void it('gives one hint per document', () => {
    assert.equal(inlayHints(`${FILE}---\n${FILE}`).length, 2);
  });
});
