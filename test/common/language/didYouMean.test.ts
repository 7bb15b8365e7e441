import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knownKeys } from '../../../common/src/domain/schemaFacts';
import { closeMatches, didYouMean, editDistance, normalizeKey } from '../../../common/src/language/didYouMean';

const RESOURCES = knownKeys(['settings', 'resources']);
const DEPLOYER = knownKeys(['settings', 'deployer']);

void describe('didYouMean', () => {
  void it('knows aliases', () => {
    assert.equal(didYouMean('cpu', RESOURCES), 'cpu_count');
    assert.equal(didYouMean('ram', RESOURCES), 'memory');
    assert.equal(didYouMean('min_instances', RESOURCES), 'min_replicas');
    assert.equal(didYouMean('role', DEPLOYER), 'instance_role_arn');
  });

  void it('normalises case, camelCase and dashes', () => {
    assert.equal(normalizeKey('cpuCount'), 'cpu_count');
    assert.equal(didYouMean('CPU-Count', RESOURCES), 'cpu_count');
    assert.equal(didYouMean('maxReplicas', RESOURCES), 'max_replicas');
  });

  void it('counts a transposition as one edit and finds typos', () => {
    assert.equal(editDistance('memroy', 'memory'), 1);
    assert.equal(didYouMean('memroy', RESOURCES), 'memory');
    assert.equal(didYouMean('helth_check_protocol', DEPLOYER), 'health_check_protocol');
    assert.equal(didYouMean('regoin', DEPLOYER), 'region');
  });

  void it('completes a unique prefix', () => {
    assert.equal(didYouMean('health_check_int', DEPLOYER), 'health_check_interval_seconds');
    assert.equal(didYouMean('strict', DEPLOYER), 'strict_resource_matching');
  });

  void it('stays silent when nothing is close', () => {
    assert.equal(didYouMean('colour', RESOURCES), undefined);
    assert.equal(didYouMean('x', RESOURCES), undefined);
  });

  void it('lists close matches, closest first', () => {
    assert.deepEqual(closeMatches('us-east1', ['us-east-1', 'us-east-2', 'eu-west-1']), ['us-east-1', 'us-east-2']);
  });
});
