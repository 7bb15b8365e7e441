// What App Runner instance a document's resource settings become, in words: shared by the
// hover on cpu_count/memory and the inlay hint after `resources:`.
import { formatGigabytes } from '../../domain/memory';
import { describePair, type ResourceRequest } from '../../domain/resourceMatching';
import { formatCpu } from '../../domain/resourceFormat';
import { effectiveResources, resolveSettings } from '../../domain/settingsModel';
import type { SettingsTree } from '../settingsTree';

export interface ResourceSummary {
  kind: 'default' | 'exact' | 'rounded' | 'fallback';
  /** The instance size, e.g. `2 vCPU / 6 GB`. */
  size: string;
  /** One or two markdown sentences explaining the size. */
  explanation: string;
}

export function describeRequest(request: ResourceRequest): string {
  const parts: string[] = [];
  if (request.cpu !== undefined) parts.push(formatCpu(request.cpu));
  if (request.memoryGb !== undefined) parts.push(`${formatGigabytes(request.memoryGb)} GB`);
  return parts.join(', ');
}

/** False when something the size depends on is computed at run time (Python): no size is guessed. */
export function sizeIsKnown(doc: SettingsTree): boolean {
  const deployer = doc.deployerPath();
  const inputs = [['settings', 'resources'], ['settings', 'resources', 'cpu_count'], ['settings', 'resources', 'memory'], deployer, [...deployer, 'resource_combinations'], [...deployer, 'strict_resource_matching']];
  return !inputs.some((path) => doc.isComputed(path));
}

export function resourceSummary(doc: SettingsTree): ResourceSummary {
  const file = resolveSettings(doc.value);
  const { kind, pair, request } = effectiveResources(file);
  const size = describePair(pair);
  const asked = describeRequest(request);
  let explanation: string;
  switch (kind) {
    case 'default':
      explanation = `No \`cpu_count\` or \`memory\` set: ZenML deploys **${size}**.`;
      break;
    case 'exact':
      explanation = `App Runner instance: **${size}**, exactly as requested.`;
      break;
    case 'rounded':
      explanation = `App Runner instance: **${size}**. ZenML rounds the request (${asked}) up to the cheapest supported size that fits.`;
      break;
    case 'fallback':
      explanation = `No supported size fits the request (${asked}): ZenML silently deploys the largest, **${size}**, which is less than asked.`;
      break;
  }
  if (file.deployer.strict_resource_matching && kind !== 'exact') {
    explanation += ' With `strict_resource_matching: true` ZenML refuses to deploy this request.';
  }
  return { kind, size, explanation };
}
