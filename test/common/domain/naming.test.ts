import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  autoScalingConfigurationNameFor,
  MANAGED_BY_ZENML,
  sanitizeName,
  secretNameFor,
  serviceNameFor,
  TAG_DEPLOYER_ID,
  TAG_DEPLOYER_NAME,
  TAG_DEPLOYMENT_ID,
  TAG_DEPLOYMENT_NAME,
  TAG_MANAGED_BY,
  ZENML_TAG_KEYS,
  zenmlTags,
  type SanitizedName,
} from '../../../common/src/domain/naming';

const ID = '3f2a9c1e-7b4d-4e2a-9f10-5c6d7e8f9a0b';
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9-_]{3,39}$/;
const SCALING_NAME = /^[A-Za-z0-9][A-Za-z0-9\-_]{3,31}$/;

function nameOf(result: SanitizedName): string {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.name;
}

void describe('serviceNameFor', () => {
  void it("follows the reference's examples", () => {
    assert.equal(nameOf(serviceNameFor('zenml-', 'weather_service', ID)), 'zenml-weather_service-3f2a9c1e');
    assert.equal(nameOf(serviceNameFor('zenml-', 'My Deployment!!', ID)), 'zenml-My-Deployment-3f2a9c1e');
  });

  void it('truncates to 40 characters and says so', () => {
    const result = serviceNameFor('zenml-', 'a-really-long-deployment-name-for-the-weather-agent', ID);
    assert.deepEqual(result, { ok: true, name: 'zenml-a-really-long-deployment-3f2a9c1e', truncated: true });
    assert.ok(nameOf(result).length <= 40);
    assert.deepEqual(serviceNameFor('zenml-', 'short', ID), { ok: true, name: 'zenml-short-3f2a9c1e', truncated: false });
  });

  void it('trims separators left at the cut', () => {
    // 31 characters fit before the suffix; the 31st is a dash.
    const name = nameOf(serviceNameFor('zenml-', `${'a'.repeat(24)}-bbbbbbb`, ID));
    assert.equal(name, `zenml-${'a'.repeat(24)}-3f2a9c1e`);
  });

  void it('collapses runs of the same separator only', () => {
    assert.equal(nameOf(serviceNameFor('', 'a--b__c', ID)), 'a-b_c-3f2a9c1e');
    assert.equal(nameOf(serviceNameFor('', 'a-_-b', ID)), 'a-_-b-3f2a9c1e');
    assert.equal(nameOf(serviceNameFor('', '__a  b__', ID)), 'a-b-3f2a9c1e');
  });

  void it('replaces non-ASCII letters', () => {
    assert.equal(nameOf(serviceNameFor('zenml-', 'Wetter für Zürich 🚀', ID)), 'zenml-Wetter-f-r-Z-rich-3f2a9c1e');
  });

  void it('always gives names App Runner accepts', () => {
    for (const name of ['x', 'weather', 'My Deployment!!', 'ä'.repeat(50) + 'b', '-'.repeat(5) + 'z', 'a'.repeat(100)]) {
      assert.match(nameOf(serviceNameFor('zenml-', name, ID)), SERVICE_NAME, name);
    }
  });

  void it('fails when nothing alphanumeric is left', () => {
    const result = serviceNameFor('', '!!!', ID);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /no letter or digit/);
    assert.equal(sanitizeName('---', { maxLength: 40, extras: '-_', suffix: '3f2a9c1e' }).ok, false);
  });

  void it('rejects a suffix ZenML would reject', () => {
    assert.equal(sanitizeName('name', { maxLength: 40, extras: '-_', suffix: 'ab' }).ok, false);
    assert.equal(sanitizeName('name', { maxLength: 40, extras: '-_', suffix: 'ab-c' }).ok, false);
  });
});

void describe('secretNameFor', () => {
  void it('keeps the extra characters secrets allow', () => {
    assert.equal(nameOf(secretNameFor('ml-prod/', 'weather.v2 agent', ID)), 'ml-prod/weather.v2-agent-3f2a9c1e');
    assert.equal(nameOf(secretNameFor('zenml-', 'a//b..c', ID)), 'zenml-a/b.c-3f2a9c1e');
  });

  void it('allows up to 512 characters', () => {
    const result = secretNameFor('zenml-', 'x'.repeat(600), ID);
    assert.ok(result.ok && result.truncated && result.name.length === 512);
  });
});

void describe('autoScalingConfigurationNameFor', () => {
  void it('is at most 32 characters and valid for App Runner', () => {
    for (const name of ['weather', 'weather_service', 'My Deployment!!', 'a-really-long-deployment-name-for-the-weather-agent', '🚀x']) {
      const scaling = nameOf(autoScalingConfigurationNameFor(name, ID));
      assert.ok(scaling.length <= 32, scaling);
      assert.match(scaling, SCALING_NAME);
      assert.ok(scaling.endsWith('-3f2a9c1e'));
    }
    assert.equal(nameOf(autoScalingConfigurationNameFor('weather', ID)), 'zenml-weather-3f2a9c1e');
  });
});

void describe('zenmlTags', () => {
  const ids = { deploymentId: ID, deploymentName: 'weather', deployerName: 'vscode', deployerId: 'd-1' };

  void it("adds ZenML's tags after the user's, overriding clashes", () => {
    const tags = zenmlTags({ team: 'ml', 'managed-by': 'terraform', [TAG_DEPLOYMENT_NAME]: 'other' }, ids);
    assert.deepEqual(tags, {
      team: 'ml',
      'managed-by': 'zenml',
      'zenml-deployment-name': 'weather',
      'zenml-deployment-id': ID,
      'zenml-deployer-name': 'vscode',
      'zenml-deployer-id': 'd-1',
    });
  });

  void it('exports the tag keys', () => {
    assert.deepEqual(
      [TAG_DEPLOYMENT_ID, TAG_DEPLOYMENT_NAME, TAG_DEPLOYER_NAME, TAG_DEPLOYER_ID, TAG_MANAGED_BY, MANAGED_BY_ZENML],
      ['zenml-deployment-id', 'zenml-deployment-name', 'zenml-deployer-name', 'zenml-deployer-id', 'managed-by', 'zenml'],
    );
    assert.deepEqual(Object.keys(zenmlTags({}, ids)).sort(), [...ZENML_TAG_KEYS].sort());
  });
});
