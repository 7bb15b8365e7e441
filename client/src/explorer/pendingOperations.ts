// Operations this window has started and AWS may not show yet: the row says "Pausing…" with a
// spinner the moment the user confirms, and a deployment being created appears before App Runner
// lists its service. Each lasts until the command that started it ends (the engine waits for
// App Runner to settle), then the view shows what AWS says. No `vscode` import.
import type { RegionListing, ServiceEntry } from './explorerState';
import { serviceContextValue } from './serviceStatus';

export interface PendingOperation {
  region: string;
  /** The deployment (ZenML services) or the service name the row shows. */
  name: string;
  /** The service's ARN when it exists already. */
  arn?: string;
  /** What the row says meanwhile, e.g. "Pausing…". */
  description: string;
}

const keyOf = (operation: Pick<PendingOperation, 'region' | 'name'>): string => `${operation.region}\n${operation.name}`;

export class PendingOperations {
  private readonly byKey = new Map<string, PendingOperation>();

  get active(): boolean {
    return this.byKey.size > 0;
  }

  /** Returns the function that ends it. */
  start(operation: PendingOperation): () => void {
    const key = keyOf(operation);
    this.byKey.set(key, operation);
    return () => {
      if (this.byKey.get(key) === operation) this.byKey.delete(key);
    };
  }

  regions(): string[] {
    return [...new Set([...this.byKey.values()].map((operation) => operation.region))];
  }

  /** The listing as the user should see it now: pending operations applied, placeholders added. */
  apply(listing: RegionListing): RegionListing {
    if (!('services' in listing)) return listing;
    const pending = [...this.byKey.values()].filter((operation) => operation.region === listing.region);
    if (pending.length === 0) return listing;
    const matched = new Set<PendingOperation>();
    const services = listing.services.map((entry) => {
      const operation = pending.find((candidate) => (candidate.arn !== undefined ? candidate.arn === entry.arn : candidate.name === (entry.deploymentName ?? entry.name)));
      if (!operation) return entry;
      matched.add(operation);
      return busy(entry, operation.description);
    });
    const placeholders = pending.filter((operation) => !matched.has(operation)).map((operation) => placeholder(operation));
    return { ...listing, services: [...placeholders, ...services] };
  }
}

function busy(entry: ServiceEntry, description: string): ServiceEntry {
  return { ...entry, presentation: { state: 'busy', icon: 'loading~spin', description }, contextValue: serviceContextValue('busy', entry.managed) };
}

function placeholder(operation: PendingOperation): ServiceEntry {
  return busy(
    { region: operation.region, arn: '', name: operation.name, id: '', url: '', status: 'OPERATION_IN_PROGRESS', managed: true, deploymentName: operation.name, presentation: { state: 'busy', icon: 'loading~spin', description: '' }, contextValue: '' },
    operation.description,
  );
}
