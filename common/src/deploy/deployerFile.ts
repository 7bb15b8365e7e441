// The typed settings of a chosen deployer document, or the `DeployInputError` saying why there is
// none. Apart from the reading (deployerInput.ts), so the extension, which asks its language
// server for the choice, carries no YAML parser or validator of its own.
import { resolveSettings, type DeployerFile } from '../domain/settingsModel';
import type { DeployerDocumentChoice } from '../language/deployerDocumentChoice';
import { DeployInputError } from './types';

export function deployerFileOf(choice: DeployerDocumentChoice): DeployerFile {
  if (!choice.ok) throw new DeployInputError(choice.message, choice.problems);
  return resolveSettings(choice.value);
}
