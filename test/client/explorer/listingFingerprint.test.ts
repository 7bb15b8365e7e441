// A reload that finds the same services leaves the Deployments view's rows alone; one that finds
// any visible change redraws them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listingFingerprint, type RegionListing, type ServiceEntry } from '../../../client/src/explorer/explorerState';
import { presentStatus, serviceContextValue } from '../../../client/src/explorer/serviceStatus';

function service(status: string, changes: Partial<ServiceEntry> = {}): ServiceEntry {
  const presentation = presentStatus(status);
  return {
    region: 'us-east-1',
    arn: 'arn:aws:apprunner:us-east-1:123456789012:service/zenml-weather-agent-3f2a9c1e/0123',
    name: 'zenml-weather-agent-3f2a9c1e',
    id: '0123',
    url: 'abc.us-east-1.awsapprunner.com',
    status,
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    managed: true,
    deploymentName: 'weather-agent',
    presentation,
    contextValue: serviceContextValue(presentation.state, true),
    ...changes,
  };
}

const listing = (...services: ServiceEntry[]): RegionListing[] => [{ region: 'us-east-1', services, hidden: 0 }];

void describe('listing fingerprint', () => {
  const before = listingFingerprint(listing(service('RUNNING')), new Set());

  void it('is the same for a reload that finds the same services (fresh objects)', () => {
    assert.equal(listingFingerprint(listing(service('RUNNING')), new Set()), before);
  });

  void it('changes with what a row or its details show', () => {
    const after = [
      listingFingerprint(listing(service('PAUSED')), new Set()),
      listingFingerprint(listing(service('RUNNING', { updatedAt: new Date('2026-12-01T10:05:00Z') })), new Set()),
      listingFingerprint(listing(service('RUNNING', { url: '' })), new Set()),
      listingFingerprint(listing(service('RUNNING'), service('RUNNING', { arn: 'arn:other', name: 'zenml-other-00000000' })), new Set()),
      listingFingerprint([{ region: 'us-east-1', services: [service('RUNNING')], hidden: 1 }], new Set()),
      listingFingerprint(listing(service('RUNNING')), new Set(['weather-agent'])),
    ];
    for (const fingerprint of after) assert.notEqual(fingerprint, before);
    assert.equal(new Set(after).size, after.length);
  });
});
