// Invoke…: POST /invoke on a running deployment with parameters the user enters; the auth key
// comes from SecretStorage (asked for once when the service answers 401); the answer opens as a
// formatted JSON document.
import * as vscode from 'vscode';
import { deploymentAuthKey } from '../invoke/authKey';
import { invokeDeployment, parseParameters } from '../invoke/invokeDeployment';
import type { DeploymentSecrets } from '../secrets/deploymentSecrets';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { pickService, type CommandContext } from './serviceCommands';
import { requireTrust } from './trust';

const AUTH_KEY = 'auth key';

export function registerInvokeCommand(ctx: CommandContext, secrets: DeploymentSecrets): vscode.Disposable {
  return vscode.commands.registerCommand('zenmlAppRunner.invokeService', async (node?: ExplorerNode) => {
    if (!requireTrust()) return;
    const service = await pickService(ctx.tree, node, (s) => s.presentation.state === 'running' && s.url !== '', 'invoked');
    if (!service) return;
    const input = await vscode.window.showInputBox({
      title: `Invoke ${service.name}`,
      prompt: 'Pipeline parameters as a JSON object (empty for none)',
      placeHolder: '{"city": "Paris"}',
      validateInput: (text) => {
        const parsed = parseParameters(text);
        return parsed.ok ? undefined : parsed.error;
      },
    });
    if (input === undefined) return;
    const parsed = parseParameters(input);
    if (!parsed.ok) return;
    const details = await ctx.tree.detailsOf(service).catch(() => undefined);
    const deployment = details?.deployment?.name ?? service.name;
    const url = `${ctx.connection.serviceUrl(service.url)}/invoke`;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Invoking ${service.name}`, cancellable: true },
        async (_progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          // The stored key first, then the one the deployment itself holds (read, not stored).
          let key = (await secrets.get(deployment, AUTH_KEY)) ?? (details ? await deploymentAuthKey(await ctx.connection.clientsForRegion(service.region), details.service) : undefined);
          let answer = await invokeDeployment(url, parsed.parameters, key, { signal: abort.signal });
          if (answer.status === 401) {
            key = await vscode.window.showInputBox({
              title: `Auth key for ${deployment}`,
              prompt: key === undefined ? 'The deployment asks for its auth key (kept in VS Code\'s secret storage).' : 'The stored auth key was refused: enter the current one.',
              password: true,
              ignoreFocusOut: true,
            });
            if (key === undefined) return answer;
            answer = await invokeDeployment(url, parsed.parameters, key, { signal: abort.signal });
            if (answer.status !== 401) await secrets.store(deployment, AUTH_KEY, key);
          }
          return answer;
        },
      );
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: result.text });
      await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      if (!result.ok) void vscode.window.showErrorMessage(`${service.name} answered HTTP ${result.status} to /invoke; the response is open beside.`);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return;
      void vscode.window.showErrorMessage(`Invoking ${service.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

export function registerClearSecretsCommand(secrets: DeploymentSecrets): vscode.Disposable {
  return vscode.commands.registerCommand('zenmlAppRunner.clearSecrets', async () => {
    const deployments = secrets.deployments();
    if (deployments.length === 0) {
      void vscode.window.showInformationMessage('ZenML App Runner keeps no secrets for any deployment.');
      return;
    }
    const ALL = 'All deployments';
    const picked = await vscode.window.showQuickPick([ALL, ...deployments], { title: 'Forget the stored secrets and auth keys of…' });
    if (picked === undefined) return;
    const count = await secrets.clear(picked === ALL ? undefined : picked);
    void vscode.window.showInformationMessage(`Forgot ${count} stored value${count === 1 ? '' : 's'}.`);
  });
}
