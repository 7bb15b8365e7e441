// Which deployment's logs to follow, as plain data (no `vscode` import, so tests read it): what a
// command argument, a zenml.deployer.yaml or a quick pick gives, before AWS is asked.

export interface DeploymentRef {
  region: string;
  /** ZenML's deployment name (the `zenml-deployment-name` tag); found by tags when no service is given. */
  deploymentName?: string;
  /** The App Runner service, when the caller already knows it (a tree node). */
  serviceName?: string;
  serviceId?: string;
  serviceArn?: string;
}

/** A deployment whose service is known: what the follower needs. */
export interface ResolvedDeployment {
  region: string;
  /** The deployment name, or the service name for a service ZenML did not tag. */
  displayName: string;
  serviceName: string;
  serviceId: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Reads a command argument: our own `DeploymentRef`, a deployment found by the engine
 * (`FoundDeployment`: deploymentName, serviceName, serviceId), or a Deployments-view node
 * (`{region, name, id, arn}`, possibly wrapped as `{entry}`/`{service}`/`{deployment}`).
 * Anything without a region and a name is not a deployment (e.g. a file URI from a menu).
 */
export function deploymentRefFrom(argument: unknown): DeploymentRef | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const node = argument as Record<string, unknown>;
  for (const inner of ['entry', 'service', 'deployment']) {
    const nested = deploymentRefFrom(node[inner]);
    if (nested) return { ...nested, region: nested.region || (text(node.region) ?? '') };
  }
  const region = text(node.region) ?? regionOfArn(text(node.serviceArn) ?? text(node.arn));
  const deploymentName = text(node.deploymentName);
  const serviceName = text(node.serviceName) ?? (text(node.arn) !== undefined ? text(node.name) : undefined);
  const serviceId = text(node.serviceId) ?? text(node.id);
  const serviceArn = text(node.serviceArn) ?? text(node.arn);
  if (region === undefined || (deploymentName === undefined && (serviceName === undefined || serviceId === undefined))) return undefined;
  return {
    region,
    ...(deploymentName !== undefined ? { deploymentName } : {}),
    ...(serviceName !== undefined && serviceId !== undefined ? { serviceName, serviceId } : {}),
    ...(serviceArn !== undefined ? { serviceArn } : {}),
  };
}

/** `arn:aws:apprunner:us-east-1:123456789012:service/...` → `us-east-1`. */
function regionOfArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : text(/^arn:[^:]+:apprunner:([^:]+):/.exec(arn)?.[1]);
}

/** One channel and one follower per deployment and region. */
export function followKey(region: string, displayName: string): string {
  return `${region}/${displayName}`;
}
