import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { factsAt } from '../../../common/src/domain/schemaFacts';
import { deployerUri, fixture, positionOf, sharedSession } from './kit';

void describe('textDocument/hover', () => {
  const uri = deployerUri('hover');
  const text = fixture('full.zenml.deployer.yaml');
  const lsp = sharedSession(undefined, async (session) => {
    await session.open(uri, text);
  });

  async function hover(needle: string, delta = 1): Promise<Hover | null> {
    return lsp().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) });
  }

  async function markdown(needle: string, delta = 1): Promise<string> {
    const result = await hover(needle, delta);
    assert.ok(result, `no hover on ${needle}`);
    const contents = result.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  }

  const cases: [string, string[]][] = [
    ['region', ['settings', 'deployer', 'region']],
    ['use_secrets_manager', ['settings', 'deployer', 'use_secrets_manager']],
    ['max_concurrency', ['settings', 'resources', 'max_concurrency']],
    ['health_path', ['deployment', 'health_path']],
    ['ZENML_STORE_API_TOKEN', ['deployment', 'secrets', 'ZENML_STORE_API_TOKEN']],
  ];
  for (const [key, path] of cases) {
    void it(`shows the schema description on ${key}`, async () => {
      const value = await markdown(`${key}:`);
      const facts = factsAt(path);
      assert.ok(facts?.markdownDescription);
      assert.ok(value.startsWith(`**\`${key}\`**`), value);
      assert.ok(value.includes(facts.markdownDescription));
    });
  }

  void it('gives the key range', async () => {
    const result = await hover('max_concurrency:');
    const start = positionOf(text, 'max_concurrency:');
    assert.deepEqual(result?.range, { start, end: { line: start.line, character: start.character + 'max_concurrency'.length } });
  });

  void it('shows the resolved App Runner size on memory and cpu_count', async () => {
    for (const key of ['memory:', 'cpu_count:']) {
      const value = await markdown(key);
      assert.match(value, /App Runner instance: \*\*2 vCPU \/ 6 GB\*\*/);
      assert.match(value, /ZenML rounds the request \(1 vCPU, 5 GB\) up/);
    }
  });

  void it('explains an enum value', async () => {
    assert.match(await markdown('HTTP'), /^`HTTP`: a `GET`/);
  });

  void it('answers null on comments and unknown keys', async () => {
    const other = deployerUri('hover-null');
    await lsp().open(other, '# notes\ndeployment:\n  colour: red\n');
    for (const position of [{ line: 0, character: 3 }, { line: 2, character: 4 }]) {
      assert.equal(await lsp().request('textDocument/hover', { textDocument: { uri: other }, position }), null);
    }
  });
});
