// The language server through the real vscode API: activation on our files, diagnostics with
// codes, code actions, inlay hints, and the restart command.
import * as vscode from 'vscode';
import type { Check } from '../suite';
import { check, codeOf, diagnosticsWhen, EXTENSION_ID, openInEditor, until } from './helpers';

export const languageChecks: readonly Check[] = [
  {
    name: 'opening a zenml.deployer.yaml file activates the extension with its language',
    async run() {
      const document = await openInEditor('problems.zenml.deployer.yaml');
      check(document.languageId === 'zenml-deployer-yaml', `language is ${document.languageId}`);
      await until('the extension to be active', () => (vscode.extensions.getExtension(EXTENSION_ID)?.isActive ? true : undefined));
    },
  },
  {
    name: 'diagnostics carry rule codes and exact ranges',
    async run() {
      const document = await openInEditor('problems.zenml.deployer.yaml');
      const diagnostics = await diagnosticsWhen(document.uri, 'the tcp enum error', (all) => all.some((d) => codeOf(d) === 'schema.enum'));
      const tcp = diagnostics.find((d) => codeOf(d) === 'schema.enum');
      check(tcp && tcp.range.start.line === 7 && tcp.range.start.character === 27, `schema.enum at ${JSON.stringify(tcp?.range.start)}`);
      check(tcp.severity === vscode.DiagnosticSeverity.Error, 'schema.enum is an error');
      const codes = diagnostics.map(codeOf).sort();
      check(codes.includes('resources.cpu-memory-pair'), `codes: ${codes.join(', ')}`);
    },
  },
  {
    name: 'the first code action on the cpu_count value is what ZenML deploys',
    async run() {
      const document = await openInEditor('resources.zenml.deployer.yaml');
      const [pair] = await diagnosticsWhen(document.uri, 'the pair warning', (all) => all.some((d) => codeOf(d) === 'resources.cpu-memory-pair'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, pair.range);
      check(actions[0]?.title === 'Use 2 vCPU / 6 GB (what ZenML deploys)', `actions: ${actions.map((a) => a.title).join(' | ')}`);
      check(actions[0].isPreferred === true, 'the ZenML pick is the preferred fix');
    },
  },
  {
    name: 'a valid file has an inlay hint and no diagnostics',
    async run() {
      const document = await openInEditor('zenml.deployer.yaml');
      const hints = await until('the resolved-size inlay hint', async () => {
        const all = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0));
        return all.length > 0 ? all : undefined;
      });
      const label = hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''))).join(' ');
      check(/1 vCPU \/ 2 GB/.test(label), `hint: ${label}`);
      const diagnostics = vscode.languages.getDiagnostics(document.uri);
      check(diagnostics.length === 0, `diagnostics: ${diagnostics.map((d) => d.message).join(' | ')}`);
    },
  },
  {
    name: 'ZenML App Runner: Restart Language Server brings the diagnostics back',
    async run() {
      const document = await openInEditor('problems.zenml.deployer.yaml');
      await diagnosticsWhen(document.uri, 'diagnostics before the restart', (all) => all.length > 0);
      await vscode.commands.executeCommand('zenmlAppRunner.restartLanguageServer');
      const after = await diagnosticsWhen(document.uri, 'diagnostics after the restart', (all) => all.some((d) => codeOf(d) === 'schema.enum'));
      check(after.length === 5, `${after.length} diagnostics after the restart`);
    },
  },
];
