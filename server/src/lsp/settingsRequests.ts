// Answers the extension's requests about settings files (common/src/settingsRequests.ts) with the
// server's own parser and validator.
import { RequestType, type Connection, type RemoteConsole } from 'vscode-languageserver';
import { chooseDeployerDocument } from '../../../common/src/language/deployerDocumentChoice';
import { deploymentsInText } from '../../../common/src/language/fileDeployments';
import {
  DEPLOYER_DOCUMENT_REQUEST,
  FILE_DEPLOYMENTS_REQUEST,
  type DeployerDocumentParams,
  type DeployerDocumentResult,
  type FileDeploymentsParams,
  type FileDeploymentsResult,
} from '../../../common/src/settingsRequests';
import { guarded } from './guard';

const fileDeployments = new RequestType<FileDeploymentsParams, FileDeploymentsResult, void>(FILE_DEPLOYMENTS_REQUEST);
const deployerDocument = new RequestType<DeployerDocumentParams, DeployerDocumentResult, void>(DEPLOYER_DOCUMENT_REQUEST);

export function registerSettingsRequests(connection: Connection, log: RemoteConsole): void {
  connection.onRequest(
    fileDeployments,
    guarded<FileDeploymentsParams, FileDeploymentsResult>(log, 'file deployments', [], ({ text }) => deploymentsInText(text)),
  );
  const unreadable: DeployerDocumentResult = { ok: false, message: 'The language server could not read the file (its output says why).', problems: [] };
  connection.onRequest(
    deployerDocument,
    guarded<DeployerDocumentParams, DeployerDocumentResult>(log, 'deployer document', unreadable, ({ text, fileLabel, deploymentName }) => chooseDeployerDocument(text, fileLabel, deploymentName)),
  );
}
