// Stored secrets are kept per AWS target, region and deployment: a value typed for one is never
// found for another, and any name round-trips.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRef, parseSecretKey, scopeOf, secretKey, type SecretRef } from '../../../client/src/secrets/secretKeys';

const ref = (overrides: Partial<SecretRef> = {}): SecretRef => ({ target: 'profile:dev', region: 'us-east-1', deployment: 'weather-agent', name: 'ZENML_STORE_API_TOKEN', ...overrides });

void describe('secret keys', () => {
  void it('differ by profile, endpoint, sandbox, region, deployment and name', () => {
    const keys = [
      ref(),
      ref({ target: 'profile:prod' }),
      ref({ target: 'endpoint:http://127.0.0.1:4566' }),
      ref({ target: 'sandbox' }),
      ref({ target: 'default' }),
      ref({ region: 'eu-west-1' }),
      ref({ deployment: 'fraud-scoring' }),
      ref({ name: 'auth key' }),
    ].map(secretKey);
    assert.equal(new Set(keys).size, keys.length);
  });

  void it('round-trip names with slashes, quotes and unicode; other keys are not ours', () => {
    const odd = ref({ target: 'profile:team/ml', deployment: 'a/b "c" ü', name: 'KEY/1' });
    assert.deepEqual(parseSecretKey(secretKey(odd)), odd);
    assert.equal(parseSecretKey('zenmlAppRunner/weather-agent/TOKEN'), undefined, 'an old-style key');
    assert.equal(parseSecretKey('zenmlAppRunner.secret:not json'), undefined);
    assert.equal(parseSecretKey('zenmlAppRunner.secret:["a","b"]'), undefined);
  });

  void it('scope from the connection: the sandbox, an endpoint, a profile, or the default chain', () => {
    assert.equal(scopeOf({ sandbox: true, endpoint: 'http://127.0.0.1:1' }, 'us-east-1').target, 'sandbox');
    assert.equal(scopeOf({ sandbox: false, endpoint: 'http://127.0.0.1:1', profile: 'dev' }, 'us-east-1').target, 'endpoint:http://127.0.0.1:1');
    assert.equal(scopeOf({ sandbox: false, profile: 'dev' }, 'eu-west-1').label, 'profile dev in eu-west-1');
    assert.equal(scopeOf({ sandbox: false }, 'us-east-1').target, 'default');
    assert.equal(describeRef(ref()), 'weather-agent · ZENML_STORE_API_TOKEN (profile dev, us-east-1)');
  });
});
