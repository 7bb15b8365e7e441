// The requests the extension sends its language server about settings files, so the parser and
// the validator live in the server alone: which deployments a text declares, and which document
// a deploy uses (or why none can be). Names and shapes only; both sides import them.
import type { DeployerDocumentChoice } from './language/deployerDocumentChoice';
import type { FileDeployment } from './language/fileDeployments';

export const FILE_DEPLOYMENTS_REQUEST = 'zenmlAppRunner/fileDeployments';
export interface FileDeploymentsParams {
  text: string;
}
export type FileDeploymentsResult = FileDeployment[];

export const DEPLOYER_DOCUMENT_REQUEST = 'zenmlAppRunner/deployerDocument';
export interface DeployerDocumentParams {
  text: string;
  fileLabel: string;
  deploymentName?: string;
}
export type DeployerDocumentResult = DeployerDocumentChoice;
