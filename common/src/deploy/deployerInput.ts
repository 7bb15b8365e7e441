// From the text of a `zenml.deployer.yaml` to the typed settings of one deployment, refusing a
// file with errors exactly as the editor shows them: validation comes before any AWS call.
import { resolveSettings, type DeployerFile } from '../domain/settingsModel';
import { parseDeployerFile } from '../language/deployerDocument';
import { validateText } from '../language/validate';
import { DeployInputError } from './types';

/**
 * The settings of the document deploying `deploymentName` (or the only document). Throws
 * `DeployInputError` listing every error finding (as `file:line:col: code message`).
 */
export function readDeployerFile(text: string, fileLabel: string, deploymentName?: string): DeployerFile {
  const errors = validateText(text, { withFixes: false }).filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    const problems = errors.map((finding) => `${fileLabel}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: error ${finding.code} ${finding.message}`);
    throw new DeployInputError(`${fileLabel} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; fix ${errors.length === 1 ? 'it' : 'them'} before deploying.`, problems);
  }
  const files = parseDeployerFile(text).documents.map((doc) => resolveSettings(doc.value));
  const named = files.filter((file) => typeof file.deployment.name === 'string' && typeof file.deployment.image === 'string');
  if (named.length === 0) throw new DeployInputError(`${fileLabel} has no document with deployment.name and deployment.image: add both to deploy it.`);
  if (deploymentName !== undefined) {
    const match = named.find((file) => file.deployment.name === deploymentName);
    if (!match) throw new DeployInputError(`${fileLabel} has no deployment named "${deploymentName}"; it has ${named.map((file) => `"${file.deployment.name}"`).join(', ')}.`);
    return match;
  }
  if (named.length > 1) {
    throw new DeployInputError(`${fileLabel} holds ${named.length} deployments (${named.map((file) => `"${file.deployment.name}"`).join(', ')}): choose one with --deployment NAME.`);
  }
  return named[0];
}
