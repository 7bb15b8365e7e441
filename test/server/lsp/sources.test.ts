// ZenML settings where users keep them, over real LSP (`node dist/server.js --stdio`): a Python
// pipeline module and a run-config YAML get the deployer file's diagnostics with exact ranges and
// related information, quick fixes that edit their syntax and re-validate clean, hover, completion
// and the resolved-size hint; look-alikes (Kubernetes, compose, CI, a module with its own
// ResourceSettings) never hear from the server. Needs `npm run build` first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type InlayHint } from 'vscode-languageserver-protocol';
import { fixtureText, rangeOf } from '../../common/language/kit';
import { applyWorkspaceEdit, positionOf, sharedSession } from './kit';

let counter = 0;
function uriOf(name: string): string {
  counter++;
  return `file:///workspace/sources-${counter}/${name}`;
}

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

void describe('run configs and Python over LSP', () => {
  const lsp = sharedSession();

  async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return lsp().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] },
    });
  }

  void it('a Python pipeline: the CPU/memory pair on cpu_count with memory related; Ctrl+. fixes the Python and it re-validates clean', async () => {
    const text = fixtureText('python', 'weather_pipeline.py');
    const uri = uriOf('weather_pipeline.py');
    await lsp().open(uri, text, 1, 'python');
    const diagnostics = await lsp().diagnostics(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.code, 'resources.cpu-memory-pair');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, { start: { line: 35, character: 22 }, end: { line: 35, character: 23 } });
    assert.deepEqual(diagnostic.relatedInformation, [{ location: { uri, range: rangeOf(text, '"5GB"') }, message: 'memory, the other half of this pair' }]);
    const actions = await quickFixes(uri, diagnostic);
    assert.deepEqual(actions.map((action) => [action.title, action.isPreferred]), [
      ['Use 2 vCPU / 6 GB (what ZenML deploys)', true],
      ['Use 1 vCPU / 4 GB', false],
      ['Use 1 vCPU / 3 GB', false],
      ['Use 1 vCPU / 2 GB', false],
    ]);
    // The same fixes on the memory line (the related value), as VS Code asks for them there.
    const onMemory = await lsp().request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: positionOf(text, '"5GB"'), end: positionOf(text, '"5GB"') },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    });
    assert.equal(onMemory.length, 4);
    let version = 1;
    for (const action of actions) {
      const fixed = applyWorkspaceEdit(text, uri, action.edit);
      await lsp().change(uri, fixed, ++version);
      assert.deepEqual(await lsp().diagnostics(uri), [], `"${action.title}" left diagnostics:\n${fixed}`);
    }
    const preferred = applyWorkspaceEdit(text, uri, actions[0].edit);
    assert.ok(preferred.includes('            cpu_count=2,\n            memory="6GB",\n'));
  });

  void it('Python: hover on a keyword argument, completion of keyword arguments and values, the size hint', async () => {
    const text = fixtureText('python', 'weather_pipeline.py');
    const uri = uriOf('weather_pipeline.py');
    await lsp().open(uri, text, 1, 'python');
    await lsp().diagnostics(uri);
    const hover = await lsp().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'memory="5GB"', 2) });
    const markdown = JSON.stringify(hover?.contents);
    assert.match(markdown, /memory/);
    assert.match(markdown, /2 vCPU \/ 6 GB/);
    assert.deepEqual(hover?.range, rangeOf(text, 'memory', text.slice(0, text.indexOf('memory="5GB"')).split('memory').length - 1));
    const typing = text.replace('            min_replicas=1,\n', '            min_replicas=1,\n            \n');
    await lsp().change(uri, typing, 2);
    const keyItems = await lsp().request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 38, character: 12 } });
    assert.ok(labels(keyItems).includes('max_concurrency'), JSON.stringify(labels(keyItems)));
    assert.ok(!labels(keyItems).includes('cpu_count'), 'keys already given are not offered');
    assert.equal(keyItems.find((item) => item.label === 'max_concurrency')?.textEdit?.newText, 'max_concurrency=');
    const valueText = typing.replace('            \n', '            memory=\n');
    await lsp().change(uri, valueText, 3);
    const valueItems = await lsp().request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 38, character: 19 } });
    assert.deepEqual(labels(valueItems).slice(0, 3), ['"2GB"', '"3GB"', '"4GB"'], 'the sizes App Runner pairs with cpu_count=1');
    await lsp().change(uri, text, 4);
    await lsp().diagnostics(uri);
    const hints = await lsp().request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } } });
    assert.deepEqual(hints.map((hint) => [hint.position.line, hint.label]), [
      [24, '→ 1 vCPU / 2 GB'],
      [34, '→ 2 vCPU / 6 GB (ZenML rounds up)'],
      [48, '→ 2 vCPU / 4 GB'],
    ]);
  });

  void it('a run config: problems at the pipeline and a step, a fix applied and re-validated, hover, completion in a step block, the size hint', async () => {
    const text = fixtureText('runconfig', 'problems.yaml');
    const uri = uriOf('deploy.yaml');
    await lsp().open(uri, text, 1, 'yaml');
    const diagnostics = await lsp().diagnostics(uri);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), [
      'region.unsupported',
      'settings.ignored-by-zenml',
      'schema.enum',
      'resources.cpu-memory-pair',
      'scaling.max-concurrency',
      'memory.spelling',
    ]);
    const spelling = diagnostics[5];
    assert.deepEqual(spelling.range, rangeOf(text, '0.5GB'));
    const [fix] = await quickFixes(uri, spelling);
    assert.equal(fix.title, 'Change memory to 500MB');
    const fixed = applyWorkspaceEdit(text, uri, fix.edit);
    await lsp().change(uri, fixed, 2);
    assert.ok(!(await lsp().diagnostics(uri)).some((diagnostic) => diagnostic.code === 'memory.spelling'));
    const hover = await lsp().request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(fixed, 'max_concurrency') });
    assert.match(JSON.stringify(hover?.contents), /max_concurrency/);
    assert.equal(await lsp().request('textDocument/hover', { textDocument: { uri }, position: positionOf(fixed, 'python_package_installer') }), null, 'docker is ZenML\'s, not ours');
    const typing = fixed.replace('        memory: 500MB\n', '        memory: 500MB\n        \n');
    await lsp().change(uri, typing, 3);
    const items = await lsp().request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 18, character: 8 } });
    assert.ok(labels(items).includes('cpu_count'), JSON.stringify(labels(items)));
    const top = await lsp().request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.deepEqual(labels(top), [], 'the top level of a run config is ZenML\'s');
    const hints = await lsp().request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints.map((hint) => [hint.position.line, hint.label]), [
      [7, '→ 2 vCPU / 6 GB (ZenML rounds up)'],
      [16, '→ 0.25 vCPU / 0.5 GB (ZenML rounds up)'],
    ]);
  });

  void it('look-alikes never hear from the server; a run config edited into something else has its problems cleared', async () => {
    const quiet = [
      ['k8s-deployment.yaml', 'yaml', fixtureText('runconfig', 'lookalikes', 'k8s-deployment.yaml')],
      ['docker-compose.yaml', 'yaml', fixtureText('runconfig', 'lookalikes', 'docker-compose.yaml')],
      ['deploy.yml', 'yaml', fixtureText('runconfig', 'lookalikes', 'github-workflow.yaml')],
      ['values.yaml', 'yaml', fixtureText('runconfig', 'lookalikes', 'helm-values.yaml')],
      ['tool.py', 'python', 'class ResourceSettings:\n    pass\n\nResourceSettings(cpu_count=1, memory="5GB")\n'],
    ] as const;
    const uris = quiet.map(([name]) => uriOf(name));
    for (let i = 0; i < quiet.length; i++) await lsp().open(uris[i], quiet[i][2], 1, quiet[i][1]);
    // A document that is ours, opened after them, is validated after them: its diagnostics mean they were done.
    const marker = uriOf('run.yaml');
    await lsp().open(marker, 'enable_cache: false\nsettings:\n  resources:\n    cpu_count: 1\n    memory: 5GB\n', 1, 'yaml');
    assert.equal((await lsp().diagnostics(marker)).length, 1);
    for (const uri of uris) assert.ok(!lsp().published.some((event) => event.uri === uri), `${uri} got diagnostics`);
    for (const uri of uris) assert.equal(await lsp().request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
    await lsp().change(marker, 'apiVersion: v1\nkind: ConfigMap\nsettings:\n  resources:\n    cpu_count: 1\n    memory: 5GB\n', 2);
    assert.deepEqual(await lsp().diagnostics(marker), []);
    for (const uri of uris) await lsp().close(uri);
    assert.ok(!lsp().published.some((event) => uris.includes(event.uri)), 'closing them sends nothing either');
  });
});
