// A service's details, read when its node is expanded or hovered: DescribeService, its tags, its
// auto scaling configuration and its last operations. Returned as plain rows and a markdown
// tooltip so the tree provider only translates them.
import type { AutoScalingConfiguration, OperationSummary, Service } from '@aws-sdk/client-apprunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { describeAutoScalingConfiguration, describeService, listOperations, listTags } from '../../../common/src/aws/appRunner';
import { formatCpu, formatMemoryGb } from '../../../common/src/domain/resourceMatching';
import { MANAGED_BY_ZENML, TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../../../common/src/domain/naming';

export interface ServiceDetails {
  service: Service;
  tags: Record<string, string>;
  scaling?: AutoScalingConfiguration;
  /** Newest first. */
  operations: OperationSummary[];
  /** Set when the tags say ZenML deployed it. */
  deployment?: { name: string; id: string };
}

export type DetailKind = 'url' | 'image' | 'size' | 'scaling' | 'health' | 'operations' | 'operation' | 'file';

export interface DetailRow {
  kind: DetailKind;
  label: string;
  description?: string;
  /** Codicon id. */
  icon: string;
  /** Rows under this one (the operations). */
  children?: DetailRow[];
  /** For `url`: what a click opens. */
  link?: string;
}

export const SHOWN_OPERATIONS = 5;

export async function loadServiceDetails(clients: AwsClients, serviceArn: string, onFailure: (what: string, error: unknown) => void = () => undefined): Promise<ServiceDetails> {
  const [service, tags, operations] = await Promise.all([
    describeService(clients, serviceArn),
    listTags(clients, serviceArn),
    listOperations(clients, serviceArn, SHOWN_OPERATIONS),
  ]);
  const scalingArn = service.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn;
  // The default configuration is AWS's; its details are still worth showing (min/max/concurrency).
  const scaling =
    scalingArn !== undefined
      ? await describeAutoScalingConfiguration(clients, scalingArn).catch((error: unknown) => {
          onFailure(`Reading the auto scaling configuration of ${service.ServiceName ?? serviceArn}`, error);
          return undefined;
        })
      : undefined;
  const managed = tags[TAG_MANAGED_BY] === MANAGED_BY_ZENML && tags[TAG_DEPLOYMENT_NAME] !== undefined;
  return {
    service,
    tags,
    ...(scaling ? { scaling } : {}),
    operations,
    ...(managed ? { deployment: { name: tags[TAG_DEPLOYMENT_NAME], id: tags[TAG_DEPLOYMENT_ID] ?? '' } } : {}),
  };
}

export function serviceUrl(host: string | undefined): string | undefined {
  return host ? `https://${host}` : undefined;
}

function when(date: Date | undefined): string {
  return date ? date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : 'unknown time';
}

/** App Runner answers in units (`1024` CPU units, `2048` MB); requests may say `1 vCPU`, `2 GB`. */
export function instanceSize(cpu: string | undefined, memory: string | undefined): string {
  const cpuText = cpu !== undefined && /^\d+$/.test(cpu) ? formatCpu(Number(cpu) / 1024) : (cpu ?? '?');
  const memoryText = memory !== undefined && /^\d+$/.test(memory) ? formatMemoryGb(Number(memory) / 1024) : (memory ?? '?');
  return `${cpuText}, ${memoryText}`;
}

function scalingText(details: ServiceDetails): string {
  const scaling = details.scaling;
  const summary = details.service.AutoScalingConfigurationSummary;
  if (!scaling) return summary ? `${summary.AutoScalingConfigurationName ?? ''} rev ${summary.AutoScalingConfigurationRevision ?? '?'}` : 'unknown';
  return `${scaling.MinSize ?? '?'}–${scaling.MaxSize ?? '?'} instances, ${scaling.MaxConcurrency ?? '?'} requests each`;
}

function healthText(service: Service): string {
  const check = service.HealthCheckConfiguration;
  if (!check) return 'TCP';
  return check.Protocol === 'HTTP' ? `HTTP ${check.Path ?? '/'}` : (check.Protocol ?? 'TCP');
}

function operationIcon(status: string | undefined): string {
  if (status === 'SUCCEEDED') return 'pass';
  if (status === 'IN_PROGRESS' || status === 'PENDING' || status === 'ROLLBACK_IN_PROGRESS') return 'loading~spin';
  if (status === 'ROLLBACK_SUCCEEDED') return 'discard';
  return 'error';
}

/** The rows under a service node, most asked first (the settings file is added by the client). */
export function detailRows(details: ServiceDetails): DetailRow[] {
  const { service } = details;
  const url = serviceUrl(service.ServiceUrl);
  const image = service.SourceConfiguration?.ImageRepository?.ImageIdentifier;
  const instance = service.InstanceConfiguration;
  return [
    { kind: 'url', label: 'URL', description: url ?? 'not assigned yet', icon: 'link', ...(url ? { link: url } : {}) },
    { kind: 'image', label: 'Image', description: image ?? 'not from an image', icon: 'package' },
    { kind: 'size', label: 'Instance', description: instanceSize(instance?.Cpu, instance?.Memory), icon: 'server' },
    { kind: 'scaling', label: 'Auto scaling', description: scalingText(details), icon: 'arrow-both' },
    { kind: 'health', label: 'Health check', description: healthText(service), icon: 'pulse' },
    {
      kind: 'operations',
      label: 'Operations',
      description: details.operations.length === 0 ? 'none' : `last ${details.operations.length}`,
      icon: 'history',
      children: details.operations.map((operation) => ({
        kind: 'operation' as const,
        label: operation.Type ?? 'UNKNOWN',
        description: `${operation.Status ?? '?'} · ${when(operation.EndedAt ?? operation.UpdatedAt ?? operation.StartedAt)}`,
        icon: operationIcon(operation.Status),
      })),
    },
  ];
}

/** Markdown for the service node's tooltip (escaped where AWS values could hold markup). */
export function tooltipMarkdown(details: ServiceDetails, describedStatus: string): string {
  const { service } = details;
  const url = serviceUrl(service.ServiceUrl);
  const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  const lines = [
    `**${escape(service.ServiceName ?? '')}** · ${escape(describedStatus)}`,
    '',
    `- URL: ${url ? `[${escape(url)}](${url})` : 'not assigned yet'}`,
    `- Image: \`${service.SourceConfiguration?.ImageRepository?.ImageIdentifier ?? 'none'}\``,
    `- Size: ${escape(instanceSize(service.InstanceConfiguration?.Cpu, service.InstanceConfiguration?.Memory))}`,
    `- Scaling: ${escape(scalingText(details))}`,
    `- Created: ${when(service.CreatedAt)}`,
    `- Updated: ${when(service.UpdatedAt)}`,
  ];
  if (details.deployment) lines.push(`- Deployment: ${escape(details.deployment.name)} (id \`${details.deployment.id}\`)`);
  else lines.push('- Not deployed by ZenML (no `managed-by=zenml` tag)');
  return lines.join('\n');
}
