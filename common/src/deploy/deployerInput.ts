// From the text of a `zenml.deployer.yaml` to the typed settings of one deployment, refusing a
// file with errors exactly as the editor shows them: validation comes before any AWS call.
import type { DeployerFile } from '../domain/settingsModel';
import { chooseDeployerDocument } from '../language/deployerDocumentChoice';
import { deployerFileOf } from './deployerFile';

/**
 * The settings of the document deploying `deploymentName` (or the only document). Throws
 * `DeployInputError` listing every error finding (as `file:line:col: code message`).
 */
export function readDeployerFile(text: string, fileLabel: string, deploymentName?: string): DeployerFile {
  return deployerFileOf(chooseDeployerDocument(text, fileLabel, deploymentName));
}
