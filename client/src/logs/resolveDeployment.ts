// From a `DeploymentRef` to the App Runner service whose log groups are followed: a known service
// is taken as it is (its tags only name it), a deployment name is found by ZenML's tags. While a
// deploy creates the service, it may not exist yet: then the search repeats until it appears.
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { listTags } from '../../../common/src/aws/appRunner';
import { findDeployment } from '../../../common/src/deploy/findDeployment';
import { TAG_DEPLOYMENT_NAME } from '../../../common/src/domain/naming';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeploymentRef, ResolvedDeployment } from './deploymentRef';

export type Resolution = { found: ResolvedDeployment } | { missing: string } | { aborted: true };

export interface ResolveOptions {
  /** Look again every `retryMs` until the service exists (a deploy that is creating it) or `signal` aborts. */
  waitForService?: boolean;
  retryMs?: number;
  signal?: AbortSignal;
}

/** Throws the `AwsCallError` of a failed call (wrong credentials, no permission, unreachable endpoint). */
export async function resolveDeployment(clients: AwsClients, ref: DeploymentRef, options: ResolveOptions = {}): Promise<Resolution> {
  if (ref.serviceName !== undefined && ref.serviceId !== undefined) {
    const displayName = ref.deploymentName ?? (await deploymentNameTag(clients, ref.serviceArn)) ?? ref.serviceName;
    return { found: { region: ref.region, displayName, serviceName: ref.serviceName, serviceId: ref.serviceId } };
  }
  const name = ref.deploymentName;
  if (name === undefined) return { missing: 'no deployment name or service was given' };
  const signal = options.signal ?? new AbortController().signal;
  for (;;) {
    if (signal.aborted) return { aborted: true };
    const found = await findDeployment(clients, name);
    if (found) return { found: { region: ref.region, displayName: name, serviceName: found.serviceName, serviceId: found.serviceId } };
    if (!options.waitForService) {
      return { missing: `no deployment named '${name}' in region ${ref.region} (no App Runner service tagged managed-by=zenml, zenml-deployment-name=${name})` };
    }
    // An abort ends the wait early; the loop then says so.
    await sleep(options.retryMs ?? 2000, undefined, { signal }).catch(() => undefined);
  }
}

/** The deployment a ZenML service belongs to, or undefined (not tagged, or the tags cannot be read). */
async function deploymentNameTag(clients: AwsClients, serviceArn: string | undefined): Promise<string | undefined> {
  if (serviceArn === undefined) return undefined;
  try {
    return (await listTags(clients, serviceArn))[TAG_DEPLOYMENT_NAME] || undefined;
  } catch {
    return undefined; // the service name serves as well; the follower reports real failures
  }
}
