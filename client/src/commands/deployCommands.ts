// Deploy and Show Plan for a zenml.deployer.yaml (palette, editor-title button, code lens), and
// Delete for a deployment in the tree. The engine (common/src/deploy) does the work; this file
// asks, shows the plan, runs it under a cancellable progress notification and reports. Loaded on
// the first of these commands (commands/index.ts registers them).
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { applyPlan } from '../../../common/src/deploy/apply';
import { deleteDeployment } from '../../../common/src/deploy/deleteDeployment';
import { engineDeps } from '../../../common/src/deploy/engineDeps';
import type { DeployPlan } from '../../../common/src/deploy/plan';
import type { EngineDeps } from '../../../common/src/deploy/types';
import { prepareDeploy } from '../../../common/src/deploy/prepare';
import type { DeployerFile } from '../../../common/src/domain/settingsModel';
import { reportFailure, reportSuccess } from '../deploy/outcome';
import { envReferences, planDocument } from '../deploy/planDocument';
import { claimDeployment } from '../deploy/runningDeploys';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { labelOf } from '../explorer/explorerState';
import { findSettingsFiles } from '../explorer/settingsFilesIndex';
import { streamDeploymentLogs } from '../logs';
import { scopeOf } from '../secrets/secretKeys';
import { pickService, type CommandContext } from './context';
import { withCancellableProgress } from './progress';
import { requireTrust } from './trust';

const SERVICE_LOG_TAIL_MS = 5_000;

const isSettingsFile = (uri: vscode.Uri): boolean => /(^|\.)zenml\.deployer\.yaml$/.test(basename(uri.path));

/** The file to deploy: the argument (editor title, code lens), the active editor's, or one picked. */
async function chooseFile(uri: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (uri instanceof vscode.Uri) return uri;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isSettingsFile(active)) return active;
  const files = await findSettingsFiles();
  if (files.length === 0) {
    const choice = await vscode.window.showInformationMessage('No zenml.deployer.yaml in this workspace.', 'Create Sample Config');
    if (choice) await vscode.commands.executeCommand('zenmlAppRunner.createSampleConfig');
    return undefined;
  }
  if (files.length === 1) return files[0];
  const picked = await vscode.window.showQuickPick(files.map((file) => ({ label: vscode.workspace.asRelativePath(file), file })), { title: 'Deployer file to deploy' });
  return picked?.file;
}

interface Prepared {
  plan: DeployPlan;
  deps: EngineDeps;
  settings: DeployerFile;
  label: string;
  /** Made for this deploy alone: a change of profile, endpoint or sandbox meanwhile cannot cut it off. */
  clients: AwsClients;
}

/** Reads the file (errors stop here), fills `${env:NAME}` secrets, and plans with read calls only. */
async function prepare(ctx: CommandContext, uri: vscode.Uri | undefined): Promise<Prepared | undefined> {
  const file = await chooseFile(uri);
  if (!file) return undefined;
  const document = await vscode.workspace.openTextDocument(file);
  const text = document.getText();
  const label = vscode.workspace.asRelativePath(file);
  const names = (await ctx.settings.deploymentsIn(text)).map((entry) => entry.deploymentName);
  const name = names.length > 1 ? await vscode.window.showQuickPick(names, { title: `${label} holds several deployments: which one?` }) : undefined;
  if (names.length > 1 && name === undefined) return undefined;
  const settings = await ctx.settings.deployerFile(text, label, name);
  const resolved = await ctx.connection.resolve();
  if (!resolved.ok) throw new Error('No AWS region is set: run "ZenML App Runner: Select Regions" or set deployer.region in the file.');
  const region = settings.deployer.region ?? resolved.regions[0];
  const scope = scopeOf(resolved, region);
  const env: Record<string, string | undefined> = { ...process.env };
  for (const { envName } of envReferences(settings.deployment.secrets)) {
    const prompt = `Value of \${env:${envName}} (not set in VS Code's environment) for ${scope.label}; kept in VS Code's secret storage.`;
    const value = await ctx.secrets.resolve({ ...scope, deployment: settings.deployment.name ?? label, name: envName }, prompt, envName);
    if (value === undefined) return undefined;
    env[envName] = value;
  }
  const clients = await ctx.connection.ownClients(region);
  const deps = engineDeps(clients, { env, serviceUrl: (host) => ctx.connection.serviceUrl(host) });
  try {
    const plan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Planning ${settings.deployment.name ?? label}` }, () => prepareDeploy(settings, deps));
    return { plan, deps, settings, label, clients };
  } catch (error) {
    clients.destroy();
    throw error;
  }
}

function showPlan(ctx: CommandContext, plan: DeployPlan, label: string): Promise<void> {
  return ctx.documents.show('plan', planDocument(plan, label), { preserveFocus: true });
}

export async function deploy(ctx: CommandContext, uri?: vscode.Uri): Promise<void> {
  if (!requireTrust()) return;
  let prepared: Prepared | undefined;
  try {
    prepared = await prepare(ctx, uri);
  } catch (error) {
    return reportFailure('Planning the deploy', error, undefined);
  }
  if (!prepared) return;
  const { plan, deps, label, clients } = prepared;
  try {
    await showPlan(ctx, plan, label);
    const logs = { deploymentName: plan.deploymentName, region: plan.region };
    if (plan.action === 'none') {
      const url = plan.existing?.found.serviceUrl ? ctx.connection.serviceUrl(plan.existing.found.serviceUrl) : undefined;
      return await reportSuccess(`${plan.deploymentName} is up to date: nothing to deploy.`, url, logs);
    }
    const verb = plan.action === 'replace' ? 'Replace' : 'Deploy';
    const confirm = await vscode.window.showWarningMessage(
      `${verb} ${plan.deploymentName} to ${plan.region}?`,
      { modal: true, detail: `${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} to ${plan.serviceName}; the plan is open beside the editor.${plan.action === 'replace' ? ' Replacing deletes the service and creates it again: the URL changes and it is down meanwhile.' : ''}` },
      verb,
    );
    if (confirm !== verb) return;
    const release = claimDeployment(plan.region, plan.deploymentName);
    if (!release) {
      void vscode.window.showWarningMessage(`Another deploy of ${plan.deploymentName} is in progress in this window: wait for it to finish.`);
      return;
    }
    try {
      await run(ctx, plan, deps, logs);
    } finally {
      release();
    }
  } finally {
    clients.destroy();
  }
}

const DOING: Record<DeployPlan['action'], string> = { create: 'Creating…', update: 'Deploying…', replace: 'Replacing…', none: '' };

async function run(ctx: CommandContext, plan: DeployPlan, deps: EngineDeps, logs: { deploymentName: string; region: string }): Promise<void> {
  const activity = ctx.statusBar.track(`Deploying ${plan.deploymentName}`);
  // The row says "Creating…"/"Deploying…" from now on, in its region even if the view does not list it.
  const ended = ctx.tree.operationStarting({ region: plan.region, name: plan.deploymentName, ...(plan.existing ? { arn: plan.existing.found.serviceArn } : {}), description: DOING[plan.action] });
  // App Runner's service log (deployment events, health checks, the reason of a failure) goes
  // into the deployment's channel while the deploy waits.
  const serviceLog = new AbortController();
  streamDeploymentLogs({ deploymentName: plan.deploymentName, region: plan.region, signal: serviceLog.signal, reveal: false }).catch((error: unknown) => {
    void vscode.window.showWarningMessage(`The service log of ${plan.deploymentName} cannot be shown: ${error instanceof Error ? error.message : String(error)}`);
  });
  try {
    const result = await withCancellableProgress(`Deploying ${plan.deploymentName}`, (report, signal) =>
      applyPlan(plan, { ...deps, signal, onProgress: (event) => event.kind !== 'log' && report(event.message) }),
    );
    // A deploy to a region the view does not list adds it, so the new service is not nowhere.
    const added = await ctx.connection.listRegion(plan.region);
    ended();
    const warnings = result.warnings.length > 0 ? ` (${result.warnings.join(' ')})` : '';
    const url = result.url === undefined ? undefined : ctx.connection.serviceUrl(result.url.replace(/^https:\/\//, ''));
    const where = added ? ` The Deployments view now lists ${plan.region}.` : '';
    // Not awaited: the notification waits for a click, the status bar must not.
    void reportSuccess(`Deployed ${plan.deploymentName}: ${result.status} at ${url ?? 'no URL yet'}.${where}${warnings}`, url, logs);
    await ctx.tree.reload();
    await ctx.tree.reveal(plan.region, plan.deploymentName);
  } catch (error) {
    ended();
    void reportFailure(`Deploying ${plan.deploymentName}`, error, logs);
  } finally {
    // App Runner writes a deploy's last lines as it ends, and the follower reads about once a
    // second (the service is looked up every 2 s while it is being created): stream a little
    // longer so those lines reach the channel.
    setTimeout(() => serviceLog.abort('the deploy has finished'), SERVICE_LOG_TAIL_MS);
    activity.done();
  }
}

export async function showPlanCommand(ctx: CommandContext, uri?: vscode.Uri): Promise<void> {
  if (!requireTrust()) return;
  try {
    const prepared = await prepare(ctx, uri);
    if (!prepared) return;
    prepared.clients.destroy();
    await showPlan(ctx, prepared.plan, prepared.label);
  } catch (error) {
    await reportFailure('Planning the deploy', error, undefined);
  }
}

export async function deleteCommand(ctx: CommandContext, node?: ExplorerNode): Promise<void> {
  if (!requireTrust()) return;
  const service = await pickService(ctx.tree, node, (s) => s.managed && s.presentation.state !== 'busy', 'deleted');
  if (!service) return;
  let deploymentName: string | undefined;
  try {
    deploymentName = (await ctx.tree.detailsOf(service)).deployment?.name;
  } catch (error) {
    return reportFailure(`Reading ${service.name}`, error, undefined);
  }
  if (!deploymentName) {
    void vscode.window.showErrorMessage(`${service.name} has no ZenML deployment tags (managed-by=zenml, zenml-deployment-name), so it is not deleted from here: delete it in the AWS console.`);
    return;
  }
  const confirm = await vscode.window.showWarningMessage(
    `Delete ${deploymentName}?`,
    { modal: true, detail: `This deletes the App Runner service of deployment "${deploymentName}" in ${service.region} (${service.name}), its secret and its auto scaling configurations. It cannot be undone.` },
    'Delete',
  );
  if (confirm !== 'Delete') return;
  const release = claimDeployment(service.region, deploymentName);
  if (!release) {
    void vscode.window.showWarningMessage(`A deploy or delete of ${deploymentName} is in progress in this window: wait for it to finish.`);
    return;
  }
  const activity = ctx.statusBar.track(`Deleting ${deploymentName}`);
  const ended = ctx.tree.operationStarting({ region: service.region, name: labelOf(service), arn: service.arn, description: 'Deleting…' });
  const clients = await ctx.connection.ownClients(service.region);
  try {
    const name = deploymentName;
    const result = await withCancellableProgress(`Deleting ${name}`, (report, signal) =>
      deleteDeployment(engineDeps(clients, { signal, onProgress: (event) => event.kind !== 'log' && report(event.message) }), name),
    );
    void vscode.window.showInformationMessage(`Deleted ${deploymentName}: ${result.removed.length > 0 ? result.removed.join('; ') : 'nothing was left'}.`);
  } catch (error) {
    void reportFailure(`Deleting ${deploymentName}`, error, { deploymentName, region: service.region });
  } finally {
    ended();
    clients.destroy();
    release();
    activity.done();
  }
}
