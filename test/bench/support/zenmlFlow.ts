// ZenML's App Runner deploy and delete flows as ../shared/reference/zenml-deployer.md describes
// them, replayed call for call with the same SDK clients: the reference our engine is measured
// against. Not product code; its flaws (a new secret version, scaling revision, UpdateService and
// TagResource on every redeploy; only the latest scaling revision deleted) are kept on purpose.
import {
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  DescribeServiceCommand,
  TagResourceCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
} from '@aws-sdk/client-apprunner';
import { CreateSecretCommand, DeleteSecretCommand, DescribeSecretCommand, UpdateSecretCommand } from '@aws-sdk/client-secrets-manager';
import type { AwsClients } from '../../../common/src/aws/clientFactory';

export interface ZenmlState {
  serviceArn?: string;
  secretArn?: string;
  scalingArn?: string;
}

const POLL_MS = 5_000;

async function pollUntil(clients: AwsClients, serviceArn: string, done: (status: string | undefined) => boolean): Promise<string | undefined> {
  for (;;) {
    try {
      const service = (await clients.appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn }))).Service;
      if (done(service?.Status)) return service?.ServiceUrl;
    } catch {
      if (done('DELETED')) return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** ZenML's deploy: stored ARN → secret → scaling revision → create/update → tag → poll → health URL. */
export async function zenmlDeploy(clients: AwsClients, state: ZenmlState, service: CreateServiceCommandInput, secretName: string, secretString: string, healthUrl: (host: string) => string): Promise<void> {
  if (state.serviceArn) await clients.appRunner.send(new DescribeServiceCommand({ ServiceArn: state.serviceArn }));
  const exists = await clients.secrets.send(new DescribeSecretCommand({ SecretId: secretName })).then(() => true, () => false);
  if (exists) state.secretArn = (await clients.secrets.send(new UpdateSecretCommand({ SecretId: secretName, SecretString: secretString }))).ARN;
  else state.secretArn = (await clients.secrets.send(new CreateSecretCommand({ Name: secretName, SecretString: secretString, Tags: service.Tags }))).ARN;
  const scaling = await clients.appRunner.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: secretName.slice(0, 32), MinSize: 1, MaxSize: 10, MaxConcurrency: 80, Tags: service.Tags }));
  state.scalingArn = scaling.AutoScalingConfiguration?.AutoScalingConfigurationArn;
  const input = JSON.parse(JSON.stringify(service).split('@@SECRET_ARN@@').join(state.secretArn ?? '')) as CreateServiceCommandInput;
  input.AutoScalingConfigurationArn = state.scalingArn;
  if (state.serviceArn) {
    // UpdateService takes no name, tags or KMS key (ZenML's extra members, which AWS rejects, are left out).
    const update = { ...input, ServiceArn: state.serviceArn };
    for (const key of ['ServiceName', 'Tags', 'EncryptionConfiguration'] as const) delete (update as Partial<typeof update>)[key];
    await clients.appRunner.send(new UpdateServiceCommand(update));
  } else {
    state.serviceArn = (await clients.appRunner.send(new CreateServiceCommand(input))).Service?.ServiceArn;
  }
  await clients.appRunner.send(new TagResourceCommand({ ResourceArn: state.serviceArn, Tags: service.Tags }));
  const host = await pollUntil(clients, state.serviceArn ?? '', (status) => status === 'RUNNING');
  const response = await fetch(healthUrl(host ?? ''));
  await response.body?.cancel();
}

/** ZenML's delete: service → wait until gone → secret (force) → the latest scaling revision only. */
export async function zenmlDelete(clients: AwsClients, state: ZenmlState): Promise<void> {
  if (state.serviceArn) {
    await clients.appRunner.send(new DescribeServiceCommand({ ServiceArn: state.serviceArn }));
    await clients.appRunner.send(new DeleteServiceCommand({ ServiceArn: state.serviceArn }));
    await pollUntil(clients, state.serviceArn, (status) => status === 'DELETED');
  }
  if (state.secretArn) await clients.secrets.send(new DeleteSecretCommand({ SecretId: state.secretArn, ForceDeleteWithoutRecovery: true }));
  if (state.scalingArn) await clients.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: state.scalingArn }));
  Object.assign(state, { serviceArn: undefined, secretArn: undefined, scalingArn: undefined });
}
