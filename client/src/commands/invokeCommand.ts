// Invoke…: POST /invoke on a running deployment with parameters the user enters; the auth key
// comes from SecretStorage (kept per AWS target, region and deployment; asked for when the service
// answers 401) or from the deployment itself; the answer opens as a read-only JSON document. And
// Clear Stored Secrets…. Loaded on first use (commands/index.ts registers them).
import * as vscode from 'vscode';
import { deploymentAuthKey } from '../invoke/authKey';
import { invokeDeployment, parseParameters } from '../invoke/invokeDeployment';
import { productLog } from '../productLog';
import type { DeploymentSecrets } from '../secrets/deploymentSecrets';
import { scopeOf, type SecretRef } from '../secrets/secretKeys';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { labelOf, type ServiceEntry } from '../explorer/explorerState';
import { pickService, type CommandContext } from './context';
import { withCancellableProgress } from './progress';
import { requireTrust } from './trust';

const AUTH_KEY = 'auth key';

async function askParameters(service: ServiceEntry): Promise<Record<string, unknown> | undefined> {
  const input = await vscode.window.showInputBox({
    title: `Invoke ${service.name}`,
    prompt: 'Pipeline parameters as a JSON object (empty for none)',
    placeHolder: '{"city": "Paris"}',
    validateInput: (text) => {
      const parsed = parseParameters(text);
      return parsed.ok ? undefined : parsed.error;
    },
  });
  if (input === undefined) return undefined;
  const parsed = parseParameters(input);
  return parsed.ok ? parsed.parameters : undefined;
}

/** The key to send: stored for this target, else the one the deployment holds (read, not stored). */
async function knownKey(ctx: CommandContext, secrets: DeploymentSecrets, ref: SecretRef, service: ServiceEntry): Promise<string | undefined> {
  const stored = await secrets.get(ref);
  if (stored !== undefined) return stored;
  let details;
  try {
    details = await ctx.tree.detailsOf(service);
  } catch (error) {
    productLog.warn(`Invoke ${service.name}: its details could not be read, so its auth key is not known`, error);
    return undefined;
  }
  const clients = await ctx.connection.ownClients(service.region);
  try {
    return await deploymentAuthKey(clients, details.service);
  } catch (error) {
    productLog.warn(`Invoke ${service.name}: the deployment's auth key could not be read; asking instead if the service wants one`, error);
    return undefined;
  } finally {
    clients.destroy();
  }
}

export async function invoke(ctx: CommandContext, node?: ExplorerNode): Promise<void> {
  const secrets = ctx.secrets;
  if (!requireTrust()) return;
  const service = await pickService(ctx.tree, node, (s) => s.presentation.state === 'running' && s.url !== '', 'invoked');
  if (!service) return;
  const parameters = await askParameters(service);
  if (parameters === undefined) return;
  const resolved = await ctx.connection.resolve();
  if (!resolved.ok) return;
  const deployment = labelOf(service);
  const ref: SecretRef = { ...scopeOf(resolved, service.region), deployment, name: AUTH_KEY };
  const url = `${ctx.connection.serviceUrl(service.url)}/invoke`;
  try {
    const result = await withCancellableProgress(`Invoking ${deployment}`, async (_report, signal) => {
      let key = await knownKey(ctx, secrets, ref, service);
      let answer = await invokeDeployment(url, parameters, key, { signal });
      if (answer.status !== 401) return answer;
      key = await vscode.window.showInputBox({
        title: `Auth key for ${deployment}`,
        prompt: key === undefined ? "The deployment asks for its auth key (kept in VS Code's secret storage)." : 'The key was refused: enter the current one.',
        password: true,
        ignoreFocusOut: true,
      });
      if (key === undefined) return answer;
      answer = await invokeDeployment(url, parameters, key, { signal });
      if (answer.status !== 401) await secrets.store(ref, key);
      return answer;
    });
    await ctx.documents.show('invoke', result.text);
    if (!result.ok) void vscode.window.showErrorMessage(`${deployment} answered HTTP ${result.status} to /invoke; the response is open beside.`);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') return;
    productLog.error(`Invoke ${deployment} (${url})`, error);
    void vscode.window.showErrorMessage(`Invoking ${deployment} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function clearSecrets(secrets: DeploymentSecrets): Promise<void> {
  const stored = secrets.stored();
  if (stored.length === 0) {
    void vscode.window.showInformationMessage('ZenML App Runner keeps no secrets for any deployment.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    stored.map((entry) => ({ label: entry.label, key: entry.key })),
    { title: 'Forget which stored secrets and auth keys?', canPickMany: true },
  );
  if (!picked || picked.length === 0) return;
  const count = await secrets.clear(picked.map((entry) => entry.key));
  void vscode.window.showInformationMessage(`Forgot ${count} stored value${count === 1 ? '' : 's'}.`);
}
