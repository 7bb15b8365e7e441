// Sends one plan call with the real SDK command of its operation, after putting in the values
// earlier calls returned (`<CreateSecret.ARN>` and the like).
import {
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  StartDeploymentCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
import { CreateSecretCommand, DeleteSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from '../aws/clientFactory';
import { awsCall } from '../aws/errors';
import type { PlanCall } from './plan';

/** Outputs of the calls made so far, by operation. */
export type CallResults = Map<string, unknown>;

const PLACEHOLDER = /<([A-Z][A-Za-z]+)\.([A-Za-z.]+)>/g;

function lookup(results: CallResults, operation: string, path: string): unknown {
  let value: unknown = results.get(operation);
  for (const key of path.split('.')) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `input` with every placeholder of an operation that already ran replaced by its output. */
export function resolvePlaceholders(input: unknown, results: CallResults): unknown {
  if (typeof input === 'string') {
    return input.replace(PLACEHOLDER, (whole, operation: string, path: string) => {
      if (!results.has(operation)) return whole;
      const value = lookup(results, operation, path);
      if (value === undefined) throw new Error(`${operation} returned no ${path}`);
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }
  if (Array.isArray(input)) return input.map((item) => resolvePlaceholders(item, results));
  if (typeof input === 'object' && input !== null) return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, resolvePlaceholders(value, results)]));
  return input;
}

type Send = (clients: AwsClients, input: never) => Promise<unknown>;

const COMMANDS: Record<string, Send> = {
  'apprunner.CreateAutoScalingConfiguration': (c, i) => c.appRunner.send(new CreateAutoScalingConfigurationCommand(i)),
  'apprunner.CreateService': (c, i) => c.appRunner.send(new CreateServiceCommand(i)),
  'apprunner.UpdateService': (c, i) => c.appRunner.send(new UpdateServiceCommand(i)),
  'apprunner.DeleteService': (c, i) => c.appRunner.send(new DeleteServiceCommand(i)),
  'apprunner.StartDeployment': (c, i) => c.appRunner.send(new StartDeploymentCommand(i)),
  'apprunner.TagResource': (c, i) => c.appRunner.send(new TagResourceCommand(i)),
  'apprunner.UntagResource': (c, i) => c.appRunner.send(new UntagResourceCommand(i)),
  'apprunner.DeleteAutoScalingConfiguration': (c, i) => c.appRunner.send(new DeleteAutoScalingConfigurationCommand(i)),
  'secretsmanager.CreateSecret': (c, i) => c.secrets.send(new CreateSecretCommand(i)),
  'secretsmanager.PutSecretValue': (c, i) => c.secrets.send(new PutSecretValueCommand(i)),
  'secretsmanager.DeleteSecret': (c, i) => c.secrets.send(new DeleteSecretCommand(i)),
};

/** Sends the call and records its output under its operation name. */
export async function executeCall(clients: AwsClients, call: PlanCall, results: CallResults): Promise<unknown> {
  const send = COMMANDS[`${call.service}.${call.operation}`];
  if (!send) throw new Error(`The deploy engine cannot send ${call.service}.${call.operation}`);
  const input = resolvePlaceholders(call.input, results) as never;
  const output = await awsCall(clients.target, call.service, call.operation, () => send(clients, input));
  results.set(call.operation, output);
  return output;
}
