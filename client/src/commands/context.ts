// What the commands share: the AWS connection, the Deployments tree, the secret store and the
// status bar, and how a command finds the service it acts on (the clicked row, or a pick).
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/connection';
import type { ReadOnlyDocuments } from '../documents/readOnlyDocuments';
import type { DeploymentsTreeProvider, ExplorerNode } from '../explorer/deploymentsTreeProvider';
import type { SettingsReader } from '../language/languageClient';
import { labelOf, type ServiceEntry } from '../explorer/explorerState';
import type { DeploymentSecrets } from '../secrets/deploymentSecrets';
import type { ConnectionStatusBar } from '../statusBar';

export interface CommandContext {
  connection: AwsConnection;
  tree: DeploymentsTreeProvider;
  secrets: DeploymentSecrets;
  statusBar: ConnectionStatusBar;
  documents: ReadOnlyDocuments;
  /** The settings files, read by the language server. */
  settings: SettingsReader;
}

/** The service a command acts on: the clicked node, or one picked from the listed services. */
export async function pickService(tree: DeploymentsTreeProvider, node: ExplorerNode | undefined, fits: (service: ServiceEntry) => boolean, verb: string): Promise<ServiceEntry | undefined> {
  if (node?.kind === 'service') return node.service;
  if (tree.services.length === 0) await tree.reload();
  const candidates = tree.services.filter((service) => service.arn !== '' && fits(service));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(`No listed deployment can be ${verb} now.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((service) => ({ label: labelOf(service), description: `${service.region} · ${service.presentation.description}`, detail: service.name, service })),
    { title: 'ZenML App Runner', placeHolder: `Choose the deployment to be ${verb}` },
  );
  return picked?.service;
}
