// What the Deployments view shows at its top levels, as plain data shared by the loader and the
// tree: one entry per App Runner service, one listing per region, and which welcome or tree the
// view shows. Pure (no AWS, no `vscode`): the tree reads it at activation without loading the SDK.
import type { ServiceSummary } from '@aws-sdk/client-apprunner';
import type { AwsCallError } from '../../../common/src/aws/errors';
import { presentStatus, serviceContextValue, type StatusPresentation } from './serviceStatus';

/** `zenml`: only services named like ZenML names them; `all`: every App Runner service. */
export type ServiceFilter = 'zenml' | 'all';

export interface ServiceEntry {
  region: string;
  arn: string;
  name: string;
  id: string;
  /** Host name without scheme, as App Runner reports it (empty while none is assigned). */
  url: string;
  status: string;
  createdAt?: Date;
  updatedAt?: Date;
  /** Named the way ZenML names its services (`<prefix><deployment>-<8 hex of its id>`). */
  managed: boolean;
  /** The ZenML deployment it belongs to (its `zenml-deployment-name` tag), when it is tagged. */
  deploymentName?: string;
  /** The type of the running operation, when the service is busy and ListOperations said. */
  operation?: string;
  presentation: StatusPresentation;
  contextValue: string;
}

export type RegionListing =
  | { region: string; services: ServiceEntry[]; /** services the filter hides */ hidden: number }
  | { region: string; error: AwsCallError };

/**
 * ListServices carries no tags, so the top level tells ZenML's services by their name: ZenML
 * appends `-` and the first 8 hex digits of the deployment id.
 */
export function looksZenmlManaged(serviceName: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*-[0-9a-f]{8}$/.test(serviceName);
}

export function entryOf(region: string, summary: ServiceSummary, operation?: string, deploymentName?: string): ServiceEntry {
  const name = summary.ServiceName ?? '';
  const managed = looksZenmlManaged(name);
  const presentation = presentStatus(summary.Status, operation);
  return {
    region,
    arn: summary.ServiceArn ?? '',
    name,
    id: summary.ServiceId ?? '',
    url: summary.ServiceUrl ?? '',
    status: summary.Status ?? 'UNKNOWN',
    ...(summary.CreatedAt ? { createdAt: summary.CreatedAt } : {}),
    ...(summary.UpdatedAt ? { updatedAt: summary.UpdatedAt } : {}),
    managed,
    ...(deploymentName !== undefined ? { deploymentName } : {}),
    ...(operation !== undefined ? { operation } : {}),
    presentation,
    contextValue: serviceContextValue(presentation.state, managed),
  };
}

/** What the row is called: the deployment's name when ZenML tagged it, else the service's. */
export function labelOf(entry: Pick<ServiceEntry, 'deploymentName' | 'name'>): string {
  return entry.deploymentName ?? entry.name;
}

/** ZenML's services first, then by what the rows say. */
export function compareEntries(a: ServiceEntry, b: ServiceEntry): number {
  if (a.managed !== b.managed) return a.managed ? -1 : 1;
  return labelOf(a).localeCompare(labelOf(b)) || a.name.localeCompare(b.name);
}

/** True when some listed service runs an operation (the view keeps polling). */
export function anyBusy(listings: readonly RegionListing[]): boolean {
  return listings.some((listing) => 'services' in listing && listing.services.some((service) => service.presentation.state === 'busy'));
}

/**
 * Everything a reload can change in the rows (and in the details under them: `updatedAt` moves
 * with every operation), as one string; equal strings draw the same tree.
 */
export function listingFingerprint(listings: readonly RegionListing[], withFile: ReadonlySet<string>): string {
  return JSON.stringify([
    listings.map((listing) =>
      'error' in listing
        ? [listing.region, listing.error.message]
        : [listing.region, listing.hidden, listing.services.map((service) => [service.arn, service.name, service.url, service.status, service.deploymentName, service.updatedAt?.getTime(), service.presentation, service.contextValue])],
    ),
    [...withFile].sort(),
  ]);
}

/** Which welcome the view shows instead of a tree, or `tree` (an unreachable endpoint is shown in the tree, with Retry). */
export type ExplorerState = 'tree' | 'noCredentials' | 'unreachable' | 'empty';

export function explorerStateOf(listings: readonly RegionListing[]): ExplorerState {
  const failures = listings.flatMap((listing) => ('error' in listing ? [listing.error] : []));
  if (failures.length === listings.length && failures.length > 0) {
    if (failures.some((error) => ['no-credentials', 'sso-expired', 'bad-credentials'].includes(error.kind))) return 'noCredentials';
    return 'unreachable';
  }
  const services = listings.reduce((sum, listing) => sum + ('services' in listing ? listing.services.length + listing.hidden : 0), 0);
  return services === 0 && failures.length === 0 ? 'empty' : 'tree';
}
