// Loads one region of the Deployments view: one ListServices pass (all pages), the deployment name
// of each ZenML-named service from its tags (read once per service and remembered: tags name the
// deployment for the service's whole life), and, only for services that run an operation, one
// ListOperations call to name it ("Pausing…"). No `vscode` import: tests run it against the
// emulator with real clients. The tree loads this module on first use.
import type { ServiceSummary } from '@aws-sdk/client-apprunner';
import type { AwsClients } from '../../../common/src/aws/clientFactory';
import { listOperations, listServices, listTags } from '../../../common/src/aws/appRunner';
import { AwsCallError, isNotFound, toAwsCallError } from '../../../common/src/aws/errors';
import { MANAGED_BY_ZENML, TAG_DEPLOYMENT_NAME, TAG_MANAGED_BY } from '../../../common/src/domain/naming';
import { compareEntries, entryOf, looksZenmlManaged, type RegionListing, type ServiceFilter } from './explorerState';

/** Told of reads that failed without failing the listing (the caller's log records them). */
export type ReadFailure = (what: string, error: unknown) => void;

/** The deployment each service belongs to, by ARN; `null` for a service ZenML did not tag. */
export type DeploymentNames = Map<string, string | null>;

/** Tag reads at once: enough to be quick, few enough not to be throttled in a busy account. */
const TAG_READS_AT_ONCE = 5;

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

/** Fills `names` for the ZenML-named services it does not know yet. */
async function readDeploymentNames(clients: AwsClients, summaries: readonly ServiceSummary[], names: DeploymentNames, onFailure: ReadFailure): Promise<void> {
  const unknown = summaries.filter((summary) => summary.ServiceArn && looksZenmlManaged(summary.ServiceName ?? '') && !names.has(summary.ServiceArn));
  const readOne = async (summary: ServiceSummary): Promise<void> => {
    const arn = summary.ServiceArn ?? '';
    try {
      const tags = await listTags(clients, arn);
      names.set(arn, tags[TAG_MANAGED_BY] === MANAGED_BY_ZENML ? (tags[TAG_DEPLOYMENT_NAME] ?? null) : null);
    } catch (error) {
      // Deleted meanwhile: nothing to name. Otherwise the row shows the service name for now.
      if (!isNotFound(error)) onFailure(`Reading the tags of ${summary.ServiceName ?? arn}`, error);
    }
  };
  // A pool, not batches: a reader takes the next service as soon as its read ends, so one slow
  // answer holds up one reader instead of a whole batch.
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < unknown.length) await readOne(unknown[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(TAG_READS_AT_ONCE, unknown.length) }, reader));
}

/** One region's services, filtered and sorted; a failure is returned, not thrown. */
export async function loadRegion(clients: AwsClients, filter: ServiceFilter, names: DeploymentNames = new Map(), onFailure: ReadFailure = () => undefined): Promise<RegionListing> {
  const region = clients.target.region;
  let summaries: ServiceSummary[];
  try {
    summaries = await listServices(clients);
  } catch (error) {
    return { region, error: error instanceof AwsCallError ? error : toAwsCallError(error, clients.target, 'apprunner', 'ListServices') };
  }
  const shown = filter === 'all' ? summaries : summaries.filter((summary) => looksZenmlManaged(summary.ServiceName ?? ''));
  await readDeploymentNames(clients, shown, names, onFailure);
  const entries = await Promise.all(
    shown.map(async (summary) => {
      const operation = summary.Status === 'OPERATION_IN_PROGRESS' && summary.ServiceArn ? await runningOperation(clients, summary.ServiceArn, onFailure) : undefined;
      return entryOf(region, summary, operation, names.get(summary.ServiceArn ?? '') ?? undefined);
    }),
  );
  return { region, services: entries.sort(compareEntries), hidden: summaries.length - shown.length };
}
