// Which deployment Show Logs (or Search Logs) is for, when no tree node or deployment was passed: the active
// zenml.deployer.yaml's deployment (a quick pick when it holds several), otherwise a quick pick of
// the deployments ZenML tagged in the configured regions.
import * as vscode from 'vscode';
import { AwsCallError } from '../../../common/src/aws/errors';
import { engineDeps } from '../../../common/src/deploy/engineDeps';
import { listDeployments } from '../../../common/src/deploy/lifecycle';
import type { AwsConnection } from '../aws/connection';
import type { SettingsReader } from '../language/languageClient';
import type { DeploymentRef } from './deploymentRef';

const LANGUAGE_ID = 'zenml-deployer-yaml';
const NO_REGION = 'No AWS region: set settings.deployer.region in the file, the setting zenmlAppRunner.regions, or AWS_REGION.';

/** The active editor's deployment; undefined when no deployer file is active, null when the user cancelled. */
export async function deploymentOfActiveFile(connection: AwsConnection, reader: SettingsReader, purpose = 'Show Logs'): Promise<DeploymentRef | undefined | null> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== LANGUAGE_ID) return undefined;
  const found = await reader.deploymentsIn(document.getText());
  if (found.length === 0) return undefined;
  const chosen = found.length === 1 ? found[0] : (await vscode.window.showQuickPick(found.map((entry) => ({ label: entry.deploymentName, description: entry.region ?? '', entry })), { title: `${purpose} of which deployment in this file?` }))?.entry;
  if (!chosen) return null;
  const region = chosen.region ?? (await regionsToSearch(connection))[0];
  if (region === undefined) {
    void vscode.window.showErrorMessage(`${purpose}: ${NO_REGION}`);
    return null;
  }
  return { region, deploymentName: chosen.deploymentName };
}

interface DeploymentItem extends vscode.QuickPickItem {
  ref?: DeploymentRef;
}

/** A quick pick of every ZenML deployment in the configured regions; undefined when cancelled or none. */
export async function pickDeployment(connection: AwsConnection, purpose = 'Show Logs'): Promise<DeploymentRef | undefined> {
  const regions = await regionsToSearch(connection);
  if (regions.length === 0) {
    void vscode.window.showErrorMessage(`${purpose}: ${NO_REGION}`);
    return undefined;
  }
  const failures: string[] = [];
  const items = (async (): Promise<DeploymentItem[]> => {
    const perRegion = await Promise.all(regions.map((region) => deploymentItems(connection, region, failures)));
    const all = perRegion.flat();
    if (all.length === 0) {
      const where = regions.join(', ');
      return [{ label: failures.length > 0 ? 'Could not list deployments' : `No ZenML deployments in ${where}`, detail: failures.join('\n') || 'Deployments are App Runner services tagged managed-by=zenml.' }];
    }
    return all;
  })();
  const chosen = await vscode.window.showQuickPick(items, { title: `${purpose} of which deployment?`, placeHolder: `ZenML deployments in ${regions.join(', ')}`, matchOnDescription: true });
  for (const failure of failures) void vscode.window.showErrorMessage(`${purpose}: ${failure}`);
  return chosen?.ref;
}

async function deploymentItems(connection: AwsConnection, region: string, failures: string[]): Promise<DeploymentItem[]> {
  const clients = await connection.ownClients(region);
  try {
    const deployments = await listDeployments(engineDeps(clients));
    return deployments
      .sort((a, b) => a.deploymentName.localeCompare(b.deploymentName))
      .map((deployment) => ({
        label: deployment.deploymentName,
        description: `${deployment.status} · ${region}`,
        detail: deployment.serviceName,
        ref: { region, deploymentName: deployment.deploymentName, serviceName: deployment.serviceName, serviceId: deployment.serviceId, serviceArn: deployment.serviceArn },
      }));
  } catch (error) {
    if (!(error instanceof AwsCallError)) throw error;
    failures.push(error.message);
    return [];
  } finally {
    clients.destroy();
  }
}

/** The configured regions (or the Local Sandbox's), else the SDK's default region; empty when none. */
async function regionsToSearch(connection: AwsConnection): Promise<string[]> {
  const resolved = await connection.resolve();
  return resolved.ok ? resolved.regions : [];
}
