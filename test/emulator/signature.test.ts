// SigV4: unknown keys, wrong secrets, tampered or expired requests and unsigned requests are
// refused as AWS refuses them, for every service; configured credentials replace the default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppRunnerClient, ListServicesCommand } from '@aws-sdk/client-apprunner';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { clientConfig, errorOf, makeClients, useEmulator } from '../support/emulatorHarness';

void describe('SigV4 verification', () => {
  const t = useEmulator({
    credentials: [
      { accessKeyId: 'AKIDEXTENSION', secretAccessKey: 'extension-secret' },
      { accessKeyId: 'test', secretAccessKey: 'test' },
    ],
  });

  void it('accepts every configured key pair', async () => {
    const clients = makeClients(t.emulator, { credentials: { accessKeyId: 'AKIDEXTENSION', secretAccessKey: 'extension-secret' } });
    try {
      await clients.appRunner.send(new ListServicesCommand({}));
      await clients.secrets.send(new ListSecretsCommand({}));
      await clients.logs.send(new DescribeLogGroupsCommand({}));
    } finally {
      Object.values(clients).forEach((client: { destroy(): void }) => client.destroy());
    }
  });

  /** What each of the three services answers a ListX call signed with `credentials`. */
  async function errorsFromEveryService(credentials: { accessKeyId: string; secretAccessKey: string }): Promise<Awaited<ReturnType<typeof errorOf>>[]> {
    const clients = makeClients(t.emulator, { credentials });
    try {
      return [
        await errorOf(() => clients.appRunner.send(new ListServicesCommand({}))),
        await errorOf(() => clients.secrets.send(new ListSecretsCommand({}))),
        await errorOf(() => clients.logs.send(new DescribeLogGroupsCommand({}))),
      ];
    } finally {
      Object.values(clients).forEach((client: { destroy(): void }) => client.destroy());
    }
  }

  void it('refuses an unknown access key with UnrecognizedClientException on all three services', async () => {
    for (const error of await errorsFromEveryService({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'whatever' })) {
      assert.equal(error.name, 'UnrecognizedClientException');
      assert.equal(error.message, 'The security token included in the request is invalid.');
      assert.equal(error.$metadata?.httpStatusCode, 400);
    }
  });

  void it('refuses a wrong secret with InvalidSignatureException', async () => {
    for (const error of await errorsFromEveryService({ accessKeyId: 'AKIDEXTENSION', secretAccessKey: 'not-the-secret' })) {
      assert.equal(error.name, 'InvalidSignatureException');
      assert.match(error.message, /^The request signature we calculated does not match the signature you provided/);
    }
  });

  void it('refuses a body changed after signing', async () => {
    const client = new AppRunnerClient(clientConfig(t.emulator));
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown; headers: Record<string, string> };
        request.body = '{"MaxResults":5}';
        request.headers['content-length'] = String((request.body as string).length);
        return next(args);
      },
      { step: 'deserialize', name: 'tamperAfterSigning' },
    );
    try {
      const error = await errorOf(() => client.send(new ListServicesCommand({ MaxResults: 6 })));
      assert.equal(error.name, 'InvalidSignatureException');
    } finally {
      client.destroy();
    }
  });

  void it('refuses an expired signature; the SDK corrects its clock from the Date header and retries', async () => {
    const skewed = { ...clientConfig(t.emulator), systemClockOffset: -20 * 60 * 1000 };
    const once = new SecretsManagerClient({ ...skewed, maxAttempts: 1 });
    const retrying = new SecretsManagerClient(skewed);
    try {
      const error = await errorOf(() => once.send(new ListSecretsCommand({})));
      assert.equal(error.name, 'InvalidSignatureException');
      assert.match(error.message, /^Signature expired: /);
      const recovered = await retrying.send(new ListSecretsCommand({}));
      assert.equal(recovered.$metadata.attempts, 2);
    } finally {
      once.destroy();
      retrying.destroy();
    }
  });

  void it('refuses a request scoped to another service', async () => {
    const client = new CloudWatchLogsClient({ ...clientConfig(t.emulator), disableHostPrefix: true });
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers['x-amz-target'] = 'AppRunner.ListServices';
        request.headers['content-type'] = 'application/x-amz-json-1.0';
        return next(args);
      },
      { step: 'build', name: 'retarget' },
    );
    try {
      const error = await errorOf(() => client.send(new DescribeLogGroupsCommand({})));
      assert.equal(error.name, 'InvalidSignatureException');
      assert.match(error.message, /Credential should be scoped to correct service: 'apprunner'/);
    } finally {
      client.destroy();
    }
  });

  void it('refuses unsigned requests', async () => {
    const response = await fetch(t.emulator.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AppRunner.ListServices' },
      body: '{}',
    });
    assert.equal(response.status, 400);
    const body = (await response.json()) as { __type: string; message: string };
    assert.equal(body.__type, 'MissingAuthenticationTokenException');
    const malformed = await fetch(t.emulator.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AppRunner.ListServices', Authorization: 'Bearer x' },
      body: '{}',
    });
    assert.equal(((await malformed.json()) as { __type: string }).__type, 'IncompleteSignatureException');
  });
});
