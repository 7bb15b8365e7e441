// The handlers of `zenmlAppRunner.showLogs` and `zenmlAppRunner.stopLogs`. Show Logs takes a
// deployment (a Deployments-view node, a found deployment, a `DeploymentRef`), else the active
// zenml.deployer.yaml's deployment, else asks; Stop Logs takes the same or asks among the followed.
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import { requireTrust } from '../commands/trust';
import type { SettingsReader } from '../language/languageClient';
import { deploymentRefFrom } from './deploymentRef';
import type { Followed, LogFollowers } from './logFollowers';
import { deploymentOfActiveFile, pickDeployment } from './pickDeployment';

/** Show Logs: the given deployment, else the active zenml.deployer.yaml's, else one picked. */
export async function showLogs(followers: LogFollowers, connection: AwsConnection, reader: SettingsReader, argument?: unknown): Promise<void> {
  if (!requireTrust()) return;
  let ref = deploymentRefFrom(argument);
  if (!ref) {
    const fromFile = await deploymentOfActiveFile(connection, reader);
    if (fromFile === null) return; // cancelled, or the user was told what is missing
    ref = fromFile ?? (await pickDeployment(connection));
  }
  if (ref) await followers.show(ref);
}

/** Stop Logs: the given deployment's follower, the only one, or one picked among those running. */
export async function stopLogs(followers: LogFollowers, argument?: unknown): Promise<void> {
  const followed = followers.followed();
  const ref = deploymentRefFrom(argument);
  let keys: string[];
  if (ref) {
    const sameService = (entry: Followed): boolean => entry.deployment.region === ref.region && (entry.deployment.serviceId === ref.serviceId || entry.deployment.displayName === (ref.deploymentName ?? ref.serviceName));
    keys = followed.filter(sameService).map((entry) => entry.key);
  } else if (followed.length <= 1) {
    keys = followed.map((entry) => entry.key);
  } else {
    const all = { label: 'All of them', keys: followed.map((entry) => entry.key) };
    const picked = await vscode.window.showQuickPick([...followed.map((entry) => ({ label: entry.deployment.displayName, description: entry.deployment.region, keys: [entry.key] })), all], { title: 'Stop following the logs of' });
    if (!picked) return;
    keys = picked.keys;
  }
  if (keys.length === 0) {
    void vscode.window.showInformationMessage('Stop Logs: no log channel is following that deployment.');
    return;
  }
  await Promise.all(keys.map((key) => followers.stop(key, 'Stop Logs')));
}
