// A service's details as plain rows and a markdown tooltip, so the tree provider only translates
// them: URL, image, size, scaling, health check, the last operations and, for a service that
// failed, why (App Runner's reason and the application's last lines), with Show Logs one click
// away. Pure: the loader (serviceDetailsLoader.ts) reads AWS.
import type { AutoScalingConfiguration, OperationSummary, Service } from '@aws-sdk/client-apprunner';
import type { FailureExplanation } from '../../../common/src/deploy/failureReason';
import { formatCpu, formatMemoryGb } from '../../../common/src/domain/resourceFormat';
import { formatLogLine } from '../../../common/src/logs/format';
import { readableJson, timeOf } from '../logs/channelFormat';

export interface ServiceDetails {
  service: Service;
  tags: Record<string, string>;
  scaling?: AutoScalingConfiguration;
  /** Newest first. */
  operations: OperationSummary[];
  /** Set when the tags say ZenML deployed it. */
  deployment?: { name: string; id: string };
  /** Why the service (or its last deployment) failed, when it did. */
  failure?: FailureExplanation;
}

export type DetailKind = 'url' | 'image' | 'size' | 'scaling' | 'health' | 'operations' | 'operation' | 'file' | 'failure' | 'logLine' | 'action';

export interface DetailRow {
  kind: DetailKind;
  label: string;
  description?: string;
  /** Codicon id. */
  icon: string;
  /** Rows under this one (the operations, the failure's log lines). */
  children?: DetailRow[];
  /** For `url` and `file`: what a click opens. */
  link?: string;
  /** For `action` and `failure`: the command a click runs (with the service as its argument). */
  command?: string;
  tooltip?: string;
}

export const SHOWN_OPERATIONS = 5;
export const SHOW_LOGS = 'zenmlAppRunner.showLogs';
export const SEARCH_LOGS = 'zenmlAppRunner.searchLogs';

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

/** One line of reason, short enough for a row (the tooltip and the child rows carry the rest). */
export function failureHeadline(failure: FailureExplanation): string {
  const reason = failure.reason ?? 'App Runner gave no reason';
  const rolledBack = failure.operation?.status.startsWith('ROLLBACK') ? 'rolled back: ' : '';
  return `${rolledBack}${reason}`;
}

function failureRow(failure: FailureExplanation): DetailRow {
  const lines: DetailRow[] = failure.applicationLines.map((line) => ({ kind: 'logLine', label: readableJson(line.message) ?? line.message.trim(), description: timeOf(line.timestamp), icon: 'debug-stackframe-dot', tooltip: formatLogLine(line) }));
  const notes: DetailRow[] = failure.notes.map((note) => ({ kind: 'logLine', label: note, icon: 'info' }));
  return {
    kind: 'failure',
    label: 'Why it failed',
    description: failureHeadline(failure),
    icon: 'error',
    command: SHOW_LOGS,
    tooltip: `${failureHeadline(failure)}\n\nClick to show the logs.`,
    children: [...lines, ...notes, { kind: 'action', label: 'Show Logs', icon: 'output', command: SHOW_LOGS }, { kind: 'action', label: 'Search Logs…', icon: 'search', command: SEARCH_LOGS }],
  };
}

/** The rows under a service node, most asked first (the settings file is added by the client). */
export function detailRows(details: ServiceDetails, url: string | undefined): DetailRow[] {
  const { service } = details;
  const image = service.SourceConfiguration?.ImageRepository?.ImageIdentifier;
  const instance = service.InstanceConfiguration;
  return [
    ...(details.failure ? [failureRow(details.failure)] : []),
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

const escape = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

/** Markdown for the service node's tooltip (escaped where AWS values could hold markup). */
export function tooltipMarkdown(details: ServiceDetails, describedStatus: string, url: string | undefined, health?: string): string {
  const { service } = details;
  const title = details.deployment ? `**${escape(details.deployment.name)}** · ${escape(describedStatus)}` : `**${escape(service.ServiceName ?? '')}** · ${escape(describedStatus)}`;
  const lines = [title, ''];
  if (details.failure) lines.push(`$(error) **Why it failed:** ${escape(failureHeadline(details.failure))}`, '');
  lines.push(
    `- Service: \`${service.ServiceName ?? ''}\``,
    `- URL: ${url ? `[${escape(url)}](${url})` : 'not assigned yet'}`,
    `- Image: \`${service.SourceConfiguration?.ImageRepository?.ImageIdentifier ?? 'none'}\``,
    `- Size: ${escape(instanceSize(service.InstanceConfiguration?.Cpu, service.InstanceConfiguration?.Memory))}`,
    `- Scaling: ${escape(scalingText(details))}`,
    ...(health !== undefined ? [`- Health: ${escape(health)}`] : []),
    `- Updated: ${when(service.UpdatedAt)}`,
  );
  if (details.deployment) lines.push(`- Deployment id: \`${details.deployment.id}\``);
  else lines.push('- Not deployed by ZenML (no `managed-by=zenml` tag)');
  return lines.join('\n');
}
