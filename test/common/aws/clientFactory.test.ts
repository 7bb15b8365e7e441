// The client factory and the error messages, against the emulator with the real SDK clients:
// which profile, region and endpoint were used, and what to do next.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAwsClients, defaultRegion } from '../../../common/src/aws/clientFactory';
import { listServices } from '../../../common/src/aws/appRunner';
import { AwsCallError } from '../../../common/src/aws/errors';
import { findDeployment } from '../../../common/src/deploy/findDeployment';
import { REGION, TEST_CREDENTIALS, useEmulator } from '../../support/emulatorHarness';

async function callError(action: () => Promise<unknown>): Promise<AwsCallError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof AwsCallError, `expected an AwsCallError, got ${String(error)}`);
    return error;
  }
  throw new Error('expected the call to fail');
}

/** Runs `action` with a temporary HOME holding `files` and no AWS variables in the environment. */
async function withHome<T>(files: Record<string, string>, action: () => Promise<T>): Promise<T> {
  const home = mkdtempSync(join(tmpdir(), 'zenml-home-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(home, path, '..'), { recursive: true });
    writeFileSync(join(home, path), text);
  }
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_') && key !== 'AWS_EC2_METADATA_DISABLED') delete process.env[key];
  process.env.HOME = home;
  try {
    return await action();
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(home, { recursive: true, force: true });
  }
}

const SSO_CONFIG = [
  '[profile sso-dev]',
  'sso_session = corp',
  'sso_account_id = 123456789012',
  'sso_role_name = Developer',
  `region = ${REGION}`,
  '',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.example/start',
  `sso_region = ${REGION}`,
  'sso_registration_scopes = sso:account:access',
  '',
].join('\n');

void describe('AWS client factory and errors', () => {
  const t = useEmulator();
  const made: { destroy(): void }[] = [];
  after(() => made.forEach((clients) => clients.destroy()));
  const clientsFor = (options: Parameters<typeof createAwsClients>[1] = {}, profile?: string) => {
    const clients = createAwsClients({ region: REGION, endpoint: t.emulator.url, ...(profile ? { profile } : {}) }, { credentials: TEST_CREDENTIALS, ...options });
    made.push(clients);
    return clients;
  };

  void it('creates each client on first use and retries throttling in standard mode', async () => {
    const calls: string[] = [];
    const clients = clientsFor({ onCall: (service, operation) => calls.push(`${service}:${operation}`) });
    assert.deepEqual(clients.target, { region: REGION, endpoint: t.emulator.url });
    await t.emulator.control.addFault({ operation: 'ListServices', kind: 'throttle', count: 2 });
    assert.deepEqual(await listServices(clients), []);
    assert.deepEqual(calls, ['apprunner:ListServices'], 'one call observed, its retries not counted');
    assert.equal(await clients.appRunner.config.retryStrategy().then((strategy) => (strategy as { mode?: string }).mode), 'standard');
  });

  void it('names the missing permission on AccessDenied', async () => {
    await t.emulator.control.addFault({ operation: 'ListServices', kind: 'deny', count: 1 });
    const error = await callError(() => findDeployment(clientsFor(), 'weather-agent'));
    assert.equal(error.kind, 'access-denied');
    assert.match(error.message, /^Access denied for apprunner:ListServices \(the default credential chain, region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+\): .* Grant the identity the IAM permission `apprunner:ListServices`\.$/);
  });

  void it('says which credentials AWS refused', async () => {
    const clients = createAwsClients({ region: REGION, endpoint: t.emulator.url }, { credentials: { accessKeyId: 'test', secretAccessKey: 'wrong' } });
    made.push(clients);
    const error = await callError(() => listServices(clients));
    assert.equal(error.kind, 'bad-credentials');
    assert.match(error.message, /^AWS refused the credentials of the default credential chain, region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+ \(InvalidSignatureException: /);
  });

  void it('an expired SSO token says to run aws sso login for the profile', async () => {
    const cacheFile = `${createHash('sha1').update('corp').digest('hex')}.json`;
    const token = { accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z', region: REGION, startUrl: 'https://corp.awsapps.example/start' };
    const error = await withHome({ '.aws/config': SSO_CONFIG, [`.aws/sso/cache/${cacheFile}`]: JSON.stringify(token) }, async () => {
      const clients = createAwsClients({ region: REGION, endpoint: t.emulator.url, profile: 'sso-dev' });
      made.push(clients);
      return callError(() => listServices(clients));
    });
    assert.equal(error.kind, 'sso-expired', error.message);
    assert.match(error.message, /^The SSO session of profile "sso-dev", region us-east-1, endpoint http:\/\/127\.0\.0\.1:\d+ has expired: run `aws sso login --profile sso-dev`, then try again\.$/);
    assert.ok(!error.message.includes('expired-token'));
  });

  void it('no credentials at all: says how to provide them', async () => {
    const error = await withHome({ '.aws/config': SSO_CONFIG }, async () => {
      const clients = createAwsClients({ region: REGION, endpoint: t.emulator.url, profile: 'missing-profile' });
      made.push(clients);
      return callError(() => listServices(clients));
    });
    assert.equal(error.kind, 'no-credentials', error.message);
    assert.match(error.message, /^No AWS credentials found \(profile "missing-profile", region us-east-1, endpoint .*\)\. Choose a profile of ~\/\.aws\/config \(the CLI's --profile, or ZenML App Runner: Select Profile… in VS Code\)/);
  });

  void it('reads the default region from the profile', async () => {
    assert.equal(await withHome({ '.aws/config': SSO_CONFIG }, () => defaultRegion('sso-dev')), REGION);
    assert.equal(await withHome({}, () => defaultRegion()), undefined);
  });
});
