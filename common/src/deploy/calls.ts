// The AWS calls a deploy can make, as one union type: what `plan` shows, what `plan --json`
// prints and what `deploy` sends are the same values. A value known only after an earlier call
// (a new secret's ARN) is a placeholder such as `<CreateSecret.ARN>` until that call has run.
import {
  CreateAutoScalingConfigurationCommand,
  CreateSecretCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteSecretCommand,
  DeleteServiceCommand,
  PutSecretValueCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '../aws/sdk';
import type {
  CreateAutoScalingConfigurationCommandInput,
  CreateServiceCommandInput,
  DeleteAutoScalingConfigurationCommandInput,
  DeleteServiceCommandInput,
  StartDeploymentCommandInput,
  TagResourceCommandInput,
  UntagResourceCommandInput,
  UpdateServiceCommandInput,
} from '@aws-sdk/client-apprunner';
import type {
  CreateSecretCommandInput,
  DeleteSecretCommandInput,
  PutSecretValueCommandInput,
} from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from '../aws/clientFactory';
import { awsCall } from '../aws/errors';

export type PlanCall =
  | { service: 'secretsmanager'; operation: 'CreateSecret'; input: CreateSecretCommandInput }
  | { service: 'secretsmanager'; operation: 'PutSecretValue'; input: PutSecretValueCommandInput }
  | { service: 'secretsmanager'; operation: 'DeleteSecret'; input: DeleteSecretCommandInput }
  | { service: 'apprunner'; operation: 'CreateAutoScalingConfiguration'; input: CreateAutoScalingConfigurationCommandInput }
  | { service: 'apprunner'; operation: 'DeleteAutoScalingConfiguration'; input: DeleteAutoScalingConfigurationCommandInput }
  | { service: 'apprunner'; operation: 'CreateService'; input: CreateServiceCommandInput }
  | { service: 'apprunner'; operation: 'UpdateService'; input: UpdateServiceCommandInput }
  | { service: 'apprunner'; operation: 'StartDeployment'; input: StartDeploymentCommandInput }
  | { service: 'apprunner'; operation: 'DeleteService'; input: DeleteServiceCommandInput }
  | { service: 'apprunner'; operation: 'TagResource'; input: TagResourceCommandInput }
  | { service: 'apprunner'; operation: 'UntagResource'; input: UntagResourceCommandInput };

export type Operation = PlanCall['operation'];
export type CallOf<O extends Operation> = Extract<PlanCall, { operation: O }>;

export const NEW_SECRET_ARN = '<CreateSecret.ARN>';
export const NEW_SCALING_ARN = '<CreateAutoScalingConfiguration.AutoScalingConfiguration.AutoScalingConfigurationArn>';
export const NEW_SCALING_REVISION = '<CreateAutoScalingConfiguration.AutoScalingConfiguration.AutoScalingConfigurationRevision>';

/** Outputs of the calls made so far, by operation. */
export type CallResults = Map<Operation, unknown>;

const PLACEHOLDER = /<([A-Z][A-Za-z]+)\.([A-Za-z.]+)>/g;

function lookup(results: CallResults, operation: string, path: string): unknown {
  let value: unknown = results.get(operation as Operation);
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `input` with every placeholder of an operation that already ran replaced by its output. */
export function resolvePlaceholders<T>(input: T, results: CallResults): T {
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (whole, operation: string, path: string) => {
        if (!results.has(operation as Operation)) return whole;
        const found = lookup(results, operation, path);
        if (found === undefined) throw new Error(`${operation} returned no ${path}`);
        return typeof found === 'string' ? found : JSON.stringify(found);
      });
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, resolve(member)]));
    return value;
  };
  return resolve(input) as T;
}

/** Sends the call with the SDK command of its operation. */
function send(clients: AwsClients, call: PlanCall): Promise<unknown> {
  switch (call.operation) {
    case 'CreateSecret':
      return clients.secrets.send(new CreateSecretCommand(call.input));
    case 'PutSecretValue':
      return clients.secrets.send(new PutSecretValueCommand(call.input));
    case 'DeleteSecret':
      return clients.secrets.send(new DeleteSecretCommand(call.input));
    case 'CreateAutoScalingConfiguration':
      return clients.appRunner.send(new CreateAutoScalingConfigurationCommand(call.input));
    case 'DeleteAutoScalingConfiguration':
      return clients.appRunner.send(new DeleteAutoScalingConfigurationCommand(call.input));
    case 'CreateService':
      return clients.appRunner.send(new CreateServiceCommand(call.input));
    case 'UpdateService':
      return clients.appRunner.send(new UpdateServiceCommand(call.input));
    case 'StartDeployment':
      return clients.appRunner.send(new StartDeploymentCommand(call.input));
    case 'DeleteService':
      return clients.appRunner.send(new DeleteServiceCommand(call.input));
    case 'TagResource':
      return clients.appRunner.send(new TagResourceCommand(call.input));
    case 'UntagResource':
      return clients.appRunner.send(new UntagResourceCommand(call.input));
  }
}

/** Sends the call (placeholders filled in) and records its output under its operation. */
export async function executeCall(clients: AwsClients, call: PlanCall, results: CallResults): Promise<unknown> {
  const resolved = { ...call, input: resolvePlaceholders(call.input, results) } as PlanCall;
  const output = await awsCall(clients.target, call.service, call.operation, () => send(clients, resolved));
  results.set(call.operation, output);
  return output;
}

/** The resource a call acts on, in words for progress lines: a name, never an ARN's long tail. */
export function callTarget(call: PlanCall): string {
  const input = call.input as unknown as Record<string, unknown>;
  const named = input.ServiceName ?? input.Name ?? input.AutoScalingConfigurationName;
  if (typeof named === 'string') return named;
  const arn = input.ServiceArn ?? input.SecretId ?? input.ResourceArn ?? input.AutoScalingConfigurationArn;
  if (typeof arn !== 'string') return '';
  // arn:aws:apprunner:r:a:service/<name>/<id>, .../autoscalingconfiguration/<name>/<rev>/<id>, ...:secret:<name>-AbCdEf
  const resource = arn.split(':').slice(5).join(':');
  return resource.startsWith('secret:') ? resource.slice('secret:'.length).replace(/-[A-Za-z0-9]{6}$/, '') : (resource.split('/')[1] ?? resource);
}

const IN_WORDS: Record<Operation, string> = {
  CreateSecret: 'Creating secret',
  PutSecretValue: 'Updating the values of secret',
  DeleteSecret: 'Deleting secret',
  CreateAutoScalingConfiguration: 'Creating auto-scaling configuration',
  DeleteAutoScalingConfiguration: 'Deleting auto-scaling configuration',
  CreateService: 'Creating service',
  UpdateService: 'Updating service',
  StartDeployment: 'Redeploying service',
  DeleteService: 'Deleting service',
  TagResource: 'Tagging service',
  UntagResource: 'Removing tags from service',
};

/** A progress line in words: "Creating secret zenml-weather-agent-3f2a9c1e". */
export function callInWords(call: PlanCall): string {
  const target = callTarget(call);
  return target ? `${IN_WORDS[call.operation]} ${target}` : IN_WORDS[call.operation];
}
