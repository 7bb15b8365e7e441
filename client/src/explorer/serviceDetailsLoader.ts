// Reads a service's details when its node is expanded or hovered: DescribeService, its tags, its
// last operations and auto-scaling configuration, and for a service that failed (or whose last
// deployment failed) why. The tree loads this module on first use; no `vscode` import.
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { describeAutoScalingConfiguration, describeService, listOperations, listTags } from '../../../common/src/aws/appRunner';
import { explainFailure } from '../../../common/src/deploy/failureReason';
import { MANAGED_BY_ZENML, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../../../common/src/domain/naming';
import { SHOWN_OPERATIONS, type ServiceDetails } from './serviceDetails';

export async function loadServiceDetails(clients: AwsClients, serviceArn: string, onFailure: (what: string, error: unknown) => void = () => undefined): Promise<ServiceDetails> {
  const [service, tags, operations] = await Promise.all([describeService(clients, serviceArn), listTags(clients, serviceArn), listOperations(clients, serviceArn, SHOWN_OPERATIONS)]);
  const scalingArn = service.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn;
  // The default configuration is AWS's; its details are still worth showing (min/max/concurrency).
  const scaling =
    scalingArn !== undefined
      ? await describeAutoScalingConfiguration(clients, scalingArn).catch((error: unknown) => {
          onFailure(`Reading the auto scaling configuration of ${service.ServiceName ?? serviceArn}`, error);
          return undefined;
        })
      : undefined;
  const subject = { serviceName: service.ServiceName ?? '', serviceId: service.ServiceId ?? '', serviceArn, status: service.Status ?? 'UNKNOWN' };
  // Reads it cannot make become notes in the explanation; anything else is worth a log line.
  const failure = await explainFailure(clients, subject, { operations, applicationLines: 5 }).catch((error: unknown) => {
    onFailure(`Reading why ${service.ServiceName ?? serviceArn} failed`, error);
    return undefined;
  });
  const managed = tags[TAG_MANAGED_BY] === MANAGED_BY_ZENML && tags[TAG_DEPLOYMENT_NAME] !== undefined;
  return {
    service,
    tags,
    ...(scaling ? { scaling } : {}),
    operations,
    ...(managed ? { deployment: { name: tags[TAG_DEPLOYMENT_NAME], id: tags[TAG_DEPLOYMENT_ID] ?? '' } } : {}),
    ...(failure ? { failure } : {}),
  };
}
