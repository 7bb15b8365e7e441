// The deployments a zenml.deployer.yaml declares, read with the same parser and settings model as
// the editor: what the explorer matches services to and what Show Logs and Deploy offer.
import { resolveSettings } from '../domain/settingsModel';
import { parseDeployerFile } from './deployerDocument';

export interface FileDeployment {
  deploymentName: string;
  /** `settings.deployer.region` when the document sets it. */
  region?: string;
}

/** One entry per `---` document with a non-empty `deployment.name`, in file order. */
export function deploymentsInText(source: string): FileDeployment[] {
  const found: FileDeployment[] = [];
  for (const document of parseDeployerFile(source).documents) {
    const settings = resolveSettings(document.value);
    const deploymentName = nonEmpty(settings.deployment.name);
    if (deploymentName === undefined) continue;
    const region = settings.explicitDeployerKeys.has('region') ? nonEmpty(settings.deployer.region) : undefined;
    found.push({ deploymentName, ...(region !== undefined ? { region } : {}) });
  }
  return found;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
