// Everything before the first change: read the file's settings, see what exists in AWS, work
// out the desired state and the plan. Only read calls.
import { deploymentIdFor } from '../domain/naming';
import type { DeployerFile } from '../domain/settingsModel';
import { desiredDeployment, AUTH_KEY_ENV } from './desired';
import { readExisting, readSecretValues, type ExistingDeployment } from './existing';
import { buildPlan, type DeployPlan } from './plan';
import { DeployInputError, type EngineDeps } from './types';

export interface PrepareOptions {
  /** Plan the create path without reading AWS (no credentials or endpoint at hand). */
  offline?: boolean;
}

function existingPlainAuthKey(existing: ExistingDeployment): string | undefined {
  return existing.service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables?.[AUTH_KEY_ENV];
}

export async function prepareDeploy(file: DeployerFile, deps: EngineDeps, options: PrepareOptions = {}): Promise<DeployPlan> {
  const region = deps.clients.target.region;
  if (file.deployer.region !== null && file.deployer.region !== region) {
    throw new DeployInputError(`The file deploys to ${file.deployer.region} but the AWS clients are for ${region}: drop --region or make it match.`);
  }
  const deploymentName = file.deployment.name ?? '';
  // A new deployment's id comes from its name: two deploys started at once agree on its names.
  const newId = deploymentIdFor(region, deploymentName);
  // Input problems (a missing environment variable, a bad image) surface before any AWS call.
  desiredDeployment({ file, region, deploymentId: newId, env: deps.env, newAuthKey: () => 'unused' });
  const existing = options.offline ? undefined : await readExisting(deps.clients, deploymentName, file.deployer.service_name_prefix);
  // The secret is read only when this deploy puts one: to compare it and to keep the auth key.
  const needsSecret = Object.keys(file.deployment.secrets ?? {}).length > 0 || file.deployer.generate_auth_key || file.deployer.auth_key !== null;
  const existingSecretValues = existing?.secretArn !== undefined && needsSecret ? await readSecretValues(deps.clients, existing.secretArn) : undefined;
  const desired = desiredDeployment({
    file,
    region,
    deploymentId: existing?.found.deploymentId || newId,
    env: deps.env,
    existingAuthKey: existingSecretValues?.[AUTH_KEY_ENV] ?? (existing ? existingPlainAuthKey(existing) : undefined),
    newAuthKey: () => deps.newAuthKey(),
  });
  return buildPlan({ desired, existing, existingSecretValues });
}
