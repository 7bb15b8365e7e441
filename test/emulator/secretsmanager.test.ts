// Secrets Manager through the real SDK client.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  paginateListSecrets,
  PutSecretValueCommand,
  RestoreSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { ACCOUNT, errorOf, REGION, useEmulator } from '../support/emulatorHarness';

void describe('Secrets Manager', () => {
  const t = useEmulator();

  void it('creates a secret with an ARN that appends six random characters, and reads it back', async () => {
    const created = await t.secrets.send(
      new CreateSecretCommand({ Name: 'zenml-weather_service', SecretString: '{"ZENML_STORE_API_TOKEN":"s3cr3t"}', Tags: [{ Key: 'managed-by', Value: 'zenml' }] }),
    );
    assert.match(created.ARN!, new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:zenml-weather_service-[A-Za-z0-9]{6}$`));
    assert.ok(created.VersionId);
    const byName = await t.secrets.send(new GetSecretValueCommand({ SecretId: 'zenml-weather_service' }));
    assert.equal(byName.SecretString, '{"ZENML_STORE_API_TOKEN":"s3cr3t"}');
    assert.deepEqual(byName.VersionStages, ['AWSCURRENT']);
    assert.ok(byName.CreatedDate instanceof Date);
    const byArn = await t.secrets.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    assert.equal(byArn.VersionId, created.VersionId);
    const byPartialArn = await t.secrets.send(new GetSecretValueCommand({ SecretId: created.ARN!.slice(0, -7) }));
    assert.equal(byPartialArn.Name, 'zenml-weather_service');
    const described = await t.secrets.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    assert.deepEqual(described.Tags, [{ Key: 'managed-by', Value: 'zenml' }]);
    assert.deepEqual(described.VersionIdsToStages, { [created.VersionId]: ['AWSCURRENT'] });
    assert.ok(described.LastAccessedDate instanceof Date);
  });

  void it('moves AWSCURRENT to new versions and keeps AWSPREVIOUS; a retried token is idempotent', async () => {
    const created = await t.secrets.send(new CreateSecretCommand({ Name: 'versioned', SecretString: 'one' }));
    const token = '11111111-2222-3333-4444-555555555555';
    const put = await t.secrets.send(new PutSecretValueCommand({ SecretId: 'versioned', SecretString: 'two', ClientRequestToken: token }));
    assert.equal(put.VersionId, token);
    assert.deepEqual(put.VersionStages, ['AWSCURRENT']);
    const retried = await t.secrets.send(new PutSecretValueCommand({ SecretId: 'versioned', SecretString: 'two', ClientRequestToken: token }));
    assert.equal(retried.VersionId, token);
    const conflict = await errorOf(() => t.secrets.send(new PutSecretValueCommand({ SecretId: 'versioned', SecretString: 'other', ClientRequestToken: token })));
    assert.equal(conflict.name, 'ResourceExistsException');
    const previous = await t.secrets.send(new GetSecretValueCommand({ SecretId: 'versioned', VersionStage: 'AWSPREVIOUS' }));
    assert.equal(previous.SecretString, 'one');
    assert.equal(previous.VersionId, created.VersionId);
    const updated = await t.secrets.send(new UpdateSecretCommand({ SecretId: 'versioned', SecretString: 'three', Description: 'rotated' }));
    assert.ok(updated.VersionId);
    assert.equal((await t.secrets.send(new GetSecretValueCommand({ SecretId: 'versioned' }))).SecretString, 'three');
    const described = await t.secrets.send(new DescribeSecretCommand({ SecretId: 'versioned' }));
    assert.equal(described.Description, 'rotated');
    assert.deepEqual(Object.values(described.VersionIdsToStages!).sort(), [['AWSCURRENT'], ['AWSPREVIOUS']]);
    const binary = await t.secrets.send(new CreateSecretCommand({ Name: 'binary-secret', SecretBinary: new Uint8Array([1, 2, 3]) }));
    const read = await t.secrets.send(new GetSecretValueCommand({ SecretId: binary.ARN }));
    assert.deepEqual([...read.SecretBinary!], [1, 2, 3]);
  });

  void it('reports the errors AWS reports', async () => {
    await t.secrets.send(new CreateSecretCommand({ Name: 'exists' }));
    assert.equal((await errorOf(() => t.secrets.send(new CreateSecretCommand({ Name: 'exists', SecretString: 'x' })))).name, 'ResourceExistsException');
    const missing = await errorOf(() => t.secrets.send(new GetSecretValueCommand({ SecretId: 'nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, "Secrets Manager can't find the specified secret.");
    const noValue = await errorOf(() => t.secrets.send(new GetSecretValueCommand({ SecretId: 'exists' })));
    assert.equal(noValue.name, 'ResourceNotFoundException');
    const both = await errorOf(() => t.secrets.send(new CreateSecretCommand({ Name: 'both', SecretString: 'x', SecretBinary: new Uint8Array([1]) })));
    assert.equal(both.name, 'InvalidParameterException');
    const badName = await errorOf(() => t.secrets.send(new CreateSecretCommand({ Name: 'no spaces allowed' })));
    assert.equal(badName.name, 'InvalidParameterException');
    const tooLong = await errorOf(() => t.secrets.send(new CreateSecretCommand({ Name: 'n'.repeat(513) })));
    assert.equal(tooLong.name, 'ValidationException');
    assert.match(tooLong.message, /at 'name' failed to satisfy constraint: Member must have length less than or equal to 512/);
    const window = await errorOf(() => t.secrets.send(new DeleteSecretCommand({ SecretId: 'exists', RecoveryWindowInDays: 6 })));
    assert.equal(window.name, 'InvalidParameterException');
    const conflicting = await errorOf(() => t.secrets.send(new DeleteSecretCommand({ SecretId: 'exists', RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true })));
    assert.equal(conflicting.name, 'InvalidParameterException');
  });

  void it('blocks the name while a deletion is scheduled, restores it, and force-deletes at once', async () => {
    const created = await t.secrets.send(new CreateSecretCommand({ Name: 'zenml-scheduled', SecretString: 'v' }));
    const scheduled = await t.secrets.send(new DeleteSecretCommand({ SecretId: 'zenml-scheduled', RecoveryWindowInDays: 7 }));
    const days = (scheduled.DeletionDate!.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days <= 7, `deletion in 7 days, not ${days}`);
    const read = await errorOf(() => t.secrets.send(new GetSecretValueCommand({ SecretId: 'zenml-scheduled' })));
    assert.equal(read.name, 'InvalidRequestException');
    const reuse = await errorOf(() => t.secrets.send(new CreateSecretCommand({ Name: 'zenml-scheduled', SecretString: 'again' })));
    assert.equal(reuse.name, 'InvalidRequestException');
    assert.match(reuse.message, /scheduled for deletion/);
    const described = await t.secrets.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    assert.ok(described.DeletedDate instanceof Date);
    const listed = await t.secrets.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['zenml-scheduled'] }] }));
    assert.deepEqual(listed.SecretList, []);
    const planned = await t.secrets.send(new ListSecretsCommand({ IncludePlannedDeletion: true, Filters: [{ Key: 'name', Values: ['zenml-scheduled'] }] }));
    assert.equal(planned.SecretList?.length, 1);
    await t.secrets.send(new RestoreSecretCommand({ SecretId: 'zenml-scheduled' }));
    assert.equal((await t.secrets.send(new GetSecretValueCommand({ SecretId: 'zenml-scheduled' }))).SecretString, 'v');
    await t.secrets.send(new DeleteSecretCommand({ SecretId: 'zenml-scheduled', ForceDeleteWithoutRecovery: true }));
    assert.equal((await errorOf(() => t.secrets.send(new DescribeSecretCommand({ SecretId: created.ARN })))).name, 'ResourceNotFoundException');
    const recreated = await t.secrets.send(new CreateSecretCommand({ Name: 'zenml-scheduled', SecretString: 'new' }));
    assert.notEqual(recreated.ARN, created.ARN);
  });

  void it('tags, untags and lists with filters and pagination', async () => {
    for (let i = 1; i <= 5; i++) {
      await t.secrets.send(new CreateSecretCommand({ Name: `listed/secret-${i}`, SecretString: 'x', Tags: [{ Key: 'zenml-deployment-name', Value: `dep-${i % 2}` }] }));
    }
    await t.secrets.send(new TagResourceCommand({ SecretId: 'listed/secret-1', Tags: [{ Key: 'team', Value: 'ml' }] }));
    await t.secrets.send(new UntagResourceCommand({ SecretId: 'listed/secret-1', TagKeys: ['zenml-deployment-name'] }));
    assert.deepEqual((await t.secrets.send(new DescribeSecretCommand({ SecretId: 'listed/secret-1' }))).Tags, [{ Key: 'team', Value: 'ml' }]);
    const reserved = await errorOf(() => t.secrets.send(new TagResourceCommand({ SecretId: 'listed/secret-1', Tags: [{ Key: 'aws:x', Value: 'y' }] })));
    assert.equal(reserved.name, 'InvalidParameterException');
    const names: string[] = [];
    for await (const page of paginateListSecrets({ client: t.secrets, pageSize: 2 }, { Filters: [{ Key: 'name', Values: ['listed/'] }], SortOrder: 'asc' })) {
      assert.ok(page.SecretList!.length <= 2);
      names.push(...page.SecretList!.map((entry) => entry.Name!));
    }
    assert.deepEqual(names, [1, 2, 3, 4, 5].map((i) => `listed/secret-${i}`));
    const byTag = await t.secrets.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: ['dep-1'] }, { Key: 'name', Values: ['listed/', '!listed/secret-5'] }] }));
    assert.deepEqual(byTag.SecretList?.map((entry) => entry.Name).sort(), ['listed/secret-3']);
    const tooMany = await errorOf(() => t.secrets.send(new ListSecretsCommand({ MaxResults: 101 })));
    assert.equal(tooMany.name, 'ValidationException');
  });
});
