// What the Deployments view shows at its top levels, as plain data: per region, one ListServices
// pass (all pages) and, only for services that run an operation, one ListOperations call to name
// it ("Pausing…"). No `vscode` import, so tests run it against the emulator with real clients.
import type { ServiceSummary } from '@aws-sdk/client-apprunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { listOperations, listServices } from '../../../common/src/aws/appRunner';
import { AwsCallError, toAwsCallError } from '../../../common/src/aws/errors';
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
  /** The type of the running operation, when the service is busy and ListOperations said. */
  operation?: string;
  presentation: StatusPresentation;
  contextValue: string;
}

export type RegionListing =
  | { region: string; services: ServiceEntry[]; /** services the filter hides */ hidden: number }
  | { region: string; error: AwsCallError };

/**
 * ListServices carries no tags, and reading them costs one call per service, so the top level
 * tells ZenML's services by their name: ZenML appends `-` and the first 8 hex digits of the
 * deployment id. Expanding a service reads its tags and shows the deployment it belongs to.
 */
export function looksZenmlManaged(serviceName: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*-[0-9a-f]{8}$/.test(serviceName);
}

function entryOf(region: string, summary: ServiceSummary, operation?: string): ServiceEntry {
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
    ...(operation !== undefined ? { operation } : {}),
    presentation,
    contextValue: serviceContextValue(presentation.state, managed),
  };
}

/** ZenML's services first, then by name. */
export function compareEntries(a: ServiceEntry, b: ServiceEntry): number {
  if (a.managed !== b.managed) return a.managed ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** Told of reads that failed without failing the listing (the caller's log records them). */
export type ReadFailure = (what: string, error: unknown) => void;

/** The running operation's type, or undefined when it cannot be read (the view says "in progress"). */
async function runningOperation(clients: AwsClients, arn: string, onFailure: ReadFailure): Promise<string | undefined> {
  try {
    const [latest] = await listOperations(clients, arn, 1);
    return latest?.Status === 'IN_PROGRESS' || latest?.Status === 'PENDING' ? latest.Type : undefined;
  } catch (error) {
    onFailure(`Reading the running operation of ${arn}`, error);
    return undefined;
  }
}

/** One region's services, filtered and sorted; a failure is returned, not thrown. */
export async function loadRegion(clients: AwsClients, filter: ServiceFilter, onFailure: ReadFailure = () => undefined): Promise<RegionListing> {
  const region = clients.target.region;
  let summaries: ServiceSummary[];
  try {
    summaries = await listServices(clients);
  } catch (error) {
    return { region, error: error instanceof AwsCallError ? error : toAwsCallError(error, clients.target, 'apprunner', 'ListServices') };
  }
  const entries = await Promise.all(
    summaries.map(async (summary) =>
      entryOf(region, summary, summary.Status === 'OPERATION_IN_PROGRESS' && summary.ServiceArn ? await runningOperation(clients, summary.ServiceArn, onFailure) : undefined),
    ),
  );
  const shown = filter === 'all' ? entries : entries.filter((entry) => entry.managed);
  return { region, services: shown.sort(compareEntries), hidden: entries.length - shown.length };
}

/** True when some listed service runs an operation (the view keeps polling). */
export function anyBusy(listings: readonly RegionListing[]): boolean {
  return listings.some((listing) => 'services' in listing && listing.services.some((service) => service.presentation.state === 'busy'));
}

/** Which welcome the view shows instead of a tree, or `tree`. */
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
