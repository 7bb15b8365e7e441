// App Runner auto-scaling configurations through the real SDK client.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CreateAutoScalingConfigurationCommand,
  CreateServiceCommand,
  DeleteAutoScalingConfigurationCommand,
  DeleteServiceCommand,
  DescribeAutoScalingConfigurationCommand,
  DescribeServiceCommand,
  ListAutoScalingConfigurationsCommand,
  ListTagsForResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
import { ACCOUNT, errorOf, REGION, serviceInput, useEmulator, waitFor } from '../support/emulatorHarness';

const BASE = `arn:aws:apprunner:${REGION}:${ACCOUNT}:autoscalingconfiguration`;

void describe('App Runner auto-scaling configurations', () => {
  const t = useEmulator({ quotas: { autoScalingRevisions: 3, autoScalingNames: 4 } });

  async function create(name: string, values: { MinSize?: number; MaxSize?: number; MaxConcurrency?: number; Tags?: { Key: string; Value: string }[] } = {}) {
    return (await t.appRunner.send(new CreateAutoScalingConfigurationCommand({ AutoScalingConfigurationName: name, ...values }))).AutoScalingConfiguration!;
  }

  void it('creates revisions under one name, each with its own ARN, the newest marked Latest', async () => {
    const first = await create('zenml-weather-3f2a9c1e', { MinSize: 1, MaxSize: 10, MaxConcurrency: 80 });
    assert.match(first.AutoScalingConfigurationArn!, new RegExp(`^${BASE}/zenml-weather-3f2a9c1e/1/[0-9a-f]{32}$`));
    assert.deepEqual(
      [first.AutoScalingConfigurationRevision, first.Latest, first.Status, first.MinSize, first.MaxSize, first.MaxConcurrency, first.IsDefault, first.HasAssociatedService],
      [1, true, 'ACTIVE', 1, 10, 80, false, false],
    );
    const second = await create('zenml-weather-3f2a9c1e', { MaxSize: 5 });
    assert.equal(second.AutoScalingConfigurationRevision, 2);
    assert.deepEqual([second.MinSize, second.MaxConcurrency], [1, 100], 'AWS defaults');
    const again = await t.appRunner.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: first.AutoScalingConfigurationArn }));
    assert.equal(again.AutoScalingConfiguration?.Latest, false);
    const byName = await t.appRunner.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: `${BASE}/zenml-weather-3f2a9c1e` }));
    assert.equal(byName.AutoScalingConfiguration?.AutoScalingConfigurationRevision, 2);
    const byRevision = await t.appRunner.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: `${BASE}/zenml-weather-3f2a9c1e/1` }));
    assert.equal(byRevision.AutoScalingConfiguration?.AutoScalingConfigurationArn, first.AutoScalingConfigurationArn);
  });

  void it('keeps tags on a revision', async () => {
    const tagged = await create('tagged-scaling', { Tags: [{ Key: 'managed-by', Value: 'zenml' }] });
    const tags = await t.appRunner.send(new ListTagsForResourceCommand({ ResourceArn: tagged.AutoScalingConfigurationArn }));
    assert.deepEqual(tags.Tags, [{ Key: 'managed-by', Value: 'zenml' }]);
    await t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: tagged.AutoScalingConfigurationArn }));
  });

  void it('lists active revisions, optionally the latest only, with the account default', async () => {
    const all = await t.appRunner.send(new ListAutoScalingConfigurationsCommand({ AutoScalingConfigurationName: 'zenml-weather-3f2a9c1e' }));
    assert.deepEqual(all.AutoScalingConfigurationSummaryList?.map((summary) => summary.AutoScalingConfigurationRevision), [1, 2]);
    const latest = await t.appRunner.send(new ListAutoScalingConfigurationsCommand({ LatestOnly: true }));
    const names = latest.AutoScalingConfigurationSummaryList?.map((summary) => `${summary.AutoScalingConfigurationName}/${summary.AutoScalingConfigurationRevision}`);
    assert.deepEqual(names, ['DefaultConfiguration/1', 'zenml-weather-3f2a9c1e/2']);
    assert.equal(latest.AutoScalingConfigurationSummaryList?.[0].IsDefault, true);
    const paged = await t.appRunner.send(new ListAutoScalingConfigurationsCommand({ MaxResults: 1 }));
    assert.equal(paged.AutoScalingConfigurationSummaryList?.length, 1);
    assert.ok(paged.NextToken);
  });

  void it('refuses to delete a revision a service uses, then deletes it once the service is gone', async () => {
    const scaling = await create('in-use-scaling', { MaxSize: 3 });
    const { Service: service } = await t.appRunner.send(
      new CreateServiceCommand(serviceInput('scaled-service', { AutoScalingConfigurationArn: scaling.AutoScalingConfigurationArn })),
    );
    assert.equal(service?.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn, scaling.AutoScalingConfigurationArn);
    const described = await t.appRunner.send(new DescribeAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: scaling.AutoScalingConfigurationArn }));
    assert.equal(described.AutoScalingConfiguration?.HasAssociatedService, true);
    const refused = await errorOf(() => t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: scaling.AutoScalingConfigurationArn })));
    assert.equal(refused.name, 'InvalidRequestException');
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: service!.ServiceArn }))).Service?.Status === 'RUNNING' ? true : undefined), 'RUNNING');
    await t.appRunner.send(new DeleteServiceCommand({ ServiceArn: service!.ServiceArn }));
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: service!.ServiceArn }))).Service?.Status === 'DELETED' ? true : undefined), 'DELETED');
    const deleted = await t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: scaling.AutoScalingConfigurationArn }));
    assert.equal(deleted.AutoScalingConfiguration?.Status, 'INACTIVE');
    assert.ok(deleted.AutoScalingConfiguration?.DeletedAt instanceof Date);
    const twice = await errorOf(() => t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: scaling.AutoScalingConfigurationArn })));
    assert.equal(twice.name, 'ResourceNotFoundException');
  });

  void it('moves a service to a new revision with UpdateService; an INACTIVE revision is refused', async () => {
    const one = await create('moving-scaling');
    const two = await create('moving-scaling', { MaxSize: 4 });
    const { Service: service } = await t.appRunner.send(new CreateServiceCommand(serviceInput('moving-service', { AutoScalingConfigurationArn: one.AutoScalingConfigurationArn })));
    const arn = service!.ServiceArn!;
    await waitFor(async () => ((await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status === 'RUNNING' ? true : undefined), 'RUNNING');
    await t.appRunner.send(new UpdateServiceCommand({ ServiceArn: arn, AutoScalingConfigurationArn: two.AutoScalingConfigurationArn }));
    const moved = await waitFor(async () => {
      const current = (await t.appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service;
      return current?.Status === 'RUNNING' ? current : undefined;
    }, 'the update');
    assert.equal(moved.AutoScalingConfigurationSummary?.AutoScalingConfigurationRevision, 2);
    await t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: one.AutoScalingConfigurationArn }));
    const inactive = await errorOf(() => t.appRunner.send(new UpdateServiceCommand({ ServiceArn: arn, AutoScalingConfigurationArn: one.AutoScalingConfigurationArn })));
    assert.equal(inactive.name, 'InvalidRequestException');
    const allInUse = await errorOf(() =>
      t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: `${BASE}/moving-scaling`, DeleteAllRevisions: true })),
    );
    assert.equal(allInUse.name, 'InvalidRequestException', 'revision 2 is in use, so nothing is deleted');
  });

  void it('deletes all revisions of a name with DeleteAllRevisions and a name-only ARN', async () => {
    await create('doomed-scaling');
    await create('doomed-scaling');
    const withRevision = await errorOf(() =>
      t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: `${BASE}/doomed-scaling/1`, DeleteAllRevisions: true })),
    );
    assert.equal(withRevision.name, 'InvalidRequestException');
    await t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: `${BASE}/doomed-scaling`, DeleteAllRevisions: true }));
    const left = await t.appRunner.send(new ListAutoScalingConfigurationsCommand({ AutoScalingConfigurationName: 'doomed-scaling' }));
    assert.deepEqual(left.AutoScalingConfigurationSummaryList, []);
    const recreated = await create('doomed-scaling');
    assert.equal(recreated.AutoScalingConfigurationRevision, 3, 'revision numbers are never reused');
  });

  void it('validates sizes and quotas and refuses to delete the default', async () => {
    const cases: [Record<string, number>, RegExp][] = [
      [{ MinSize: 0 }, /at 'minSize' failed to satisfy constraint: Member must have value greater than or equal to 1/],
      [{ MinSize: 26 }, /at 'minSize' failed to satisfy constraint: Member must have value less than or equal to 25/],
      [{ MaxConcurrency: 201 }, /at 'maxConcurrency' failed to satisfy constraint: Member must have value less than or equal to 200/],
      [{ MaxConcurrency: 0 }, /maxConcurrency/],
      [{ MaxSize: 1000 }, /MaxSize \(1000\) exceeds the account's limit of 25/],
      [{ MinSize: 5, MaxSize: 2 }, /MinSize \(5\) must not be greater than MaxSize \(2\)/],
    ];
    for (const [values, message] of cases) {
      const error = await errorOf(() => create('size-checks', values));
      assert.equal(error.name, 'InvalidRequestException', JSON.stringify(values));
      assert.match(error.message, message);
    }
    const badName = await errorOf(() => create('-bad'));
    assert.match(badName.message, /Member must satisfy regular expression pattern/);
    await create('rev-quota');
    await create('rev-quota');
    await create('rev-quota');
    const fourth = await errorOf(() => create('rev-quota'));
    assert.equal(fourth.name, 'ServiceQuotaExceededException');
    const names = await errorOf(() => create('one-name-too-many'));
    assert.equal(names.name, 'ServiceQuotaExceededException');
    const refused = await errorOf(() => t.appRunner.send(new DeleteAutoScalingConfigurationCommand({ AutoScalingConfigurationArn: `${BASE}/DefaultConfiguration` })));
    assert.equal(refused.name, 'InvalidRequestException');
  });
});
