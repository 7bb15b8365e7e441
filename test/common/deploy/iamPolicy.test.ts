// The minimal IAM policy the README gives (docs/iam-policy.json) is exactly what the product calls:
// every path of every command runs against the emulator with the real SDK, each call is recorded
// as its IAM action, and the policy must allow each of them, statement by statement, and hold
// nothing the product never calls. The README shows the same JSON.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listServices } from '../../../common/src/aws/appRunner';
import { loadRegion } from '../../../client/src/explorer/deploymentsModel';
import { loadServiceDetails } from '../../../client/src/explorer/serviceDetailsLoader';
import { deploymentAuthKey } from '../../../client/src/invoke/authKey';
import { applyPlan, changeDeployment, deleteDeployment, deploymentOperations, deploymentStatus, findDeployment, planFromText } from '../../../common/src/deploy/engine';
import { followLogs, searchLogs, serviceLogGroups, type FollowerState } from '../../../common/src/logs';
import { loadHealthCounts, loadServiceMetrics, rangeEndingNow } from '../../../common/src/metrics';
import { REPO_ROOT } from '../../support/repoRoot';
import { deployerFile, recordedDeps, useEngineEmulator, type FileOptions, type Recorded } from './support/engineKit';

interface Statement {
  Sid: string;
  Action: string | string[];
}

const POLICY = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'iam-policy.json'), 'utf8')) as { Statement: Statement[] };
const actionsOf = (sid: string): Set<string> => {
  const statement = POLICY.Statement.find((candidate) => candidate.Sid === sid);
  if (!statement) throw new Error(`docs/iam-policy.json has no statement ${sid}`);
  return new Set(Array.isArray(statement.Action) ? statement.Action : [statement.Action]);
};
/** The client factory's service names are the SDKs'; IAM spells CloudWatch's `cloudwatch`. */
const iamAction = (service: string, operation: string): string => `${service === 'monitoring' ? 'cloudwatch' : service}:${operation}`;
const called = (recorded: Recorded): Set<string> => new Set(recorded.calls.map((call) => iamAction(call.service, call.operation)));

void describe('the minimal IAM policy', () => {
  const t = useEngineEmulator({ provisioningMs: 0 });
  const used = new Map<string, Set<string>>();
  const note = (sid: string, recorded: Recorded): void => {
    const set = used.get(sid) ?? new Set<string>();
    for (const action of called(recorded)) set.add(action);
    used.set(sid, set);
  };
  /** Deploys and checks it went as the step means to, so that no step stops before its calls. */
  const deploy = async (sid: string, options: FileOptions = {}, env?: Record<string, string>, expect: 'succeeds' | 'fails' = 'succeeds'): Promise<void> => {
    const recorded = recordedDeps(t.emulator, env ? { env } : {});
    let outcome: 'succeeds' | 'fails';
    try {
      await applyPlan(await planFromText(deployerFile(options), 'f.yaml', recorded.deps), recorded.deps);
      outcome = 'succeeds';
    } catch (error) {
      if (expect !== 'fails') throw error;
      outcome = 'fails';
    }
    assert.equal(outcome, expect, `deploy ${JSON.stringify(options)}`);
    note(sid, recorded);
  };

  void it('allows every call of every command, each in its statement, and nothing more', async () => {
    // Deploy and change: create, update (size, scaling, tags, secret values), a failed update
    // rolled back, secret values and a tag removed, secrets switched off, a replacement, pause, resume, redeploy.
    await deploy('DeployAndChange');
    await deploy('DeployAndChange', { cpu: 2, memory: '4GB', maxReplicas: 12, tags: '{team: data, cost-center: ml-42}' }, { ZENML_STORE_API_TOKEN: 'rotated' });
    await deploy('DeployAndChange', { tag: 'fail-deploy' }, { ZENML_STORE_API_TOKEN: 'rotated-again' }, 'fails');
    await deploy('DeployAndChange', {}, { ZENML_STORE_API_TOKEN: 'rotated-once-more' });
    await deploy('DeployAndChange', { extraDeployer: '    use_secrets_manager: false', secrets: false, generateAuthKey: false });
    await deploy('DeployAndChange', { secrets: false, generateAuthKey: false, kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
    for (const action of ['pause', 'resume', 'redeploy'] as const) {
      const recorded = recordedDeps(t.emulator);
      await changeDeployment(recorded.deps, 'weather-agent', action);
      note('DeployAndChange', recorded);
    }
    await deploy('DeployAndChange', {});
    const invoking = recordedDeps(t.emulator);
    const found = await findDeployment(invoking.clients, 'weather-agent');
    assert.ok(found);
    await deploymentAuthKey(invoking.clients, (await deploymentStatus(invoking.deps, 'weather-agent')).service);
    note('DeployAndChange', invoking);

    // Seeing deployments: the explorer, a service's details (with a failure's reason), status, health, metrics.
    await t.emulator.control.seedServices({ services: [{ name: 'zenml-churn-report-c05b7d9e', status: 'CREATE_FAILED', healthCheckPath: '/health', tags: { 'managed-by': 'zenml', 'zenml-deployment-name': 'churn-report', 'zenml-deployment-id': 'c05b7d9e-0000' } }] });
    const seeing = recordedDeps(t.emulator);
    await loadRegion(seeing.clients, 'all');
    for (const summary of await listServices(seeing.clients)) await loadServiceDetails(seeing.clients, summary.ServiceArn ?? '');
    await deploymentOperations(seeing.deps, 'weather-agent');
    await loadHealthCounts(seeing.clients, { serviceName: found.serviceName, serviceId: found.serviceId });
    await loadServiceMetrics(seeing.clients, { serviceName: found.serviceName, serviceId: found.serviceId }, rangeEndingNow(3_600_000));
    note('SeeDeployments', seeing);

    // Logs: followed live (Live Tail, then polling), and searched with a filter pattern.
    const logs = recordedDeps(t.emulator);
    const groups = serviceLogGroups(found.serviceName, found.serviceId);
    const controller = new AbortController();
    const states: FollowerState[] = [];
    const following = followLogs({ client: logs.clients.logs, groups, startTime: Date.now() - 60_000, signal: controller.signal, sink: { lines: () => undefined, state: (state) => (states.push(state), state.mode === 'live-tail' && controller.abort()) } });
    await following;
    await searchLogs({ clients: logs.clients, groups, filterPattern: 'ERROR', startTime: Date.now() - 3_600_000 });
    note('LiveAndSearchedLogs', logs);

    // Delete with its clean-up.
    const deleting = recordedDeps(t.emulator);
    await deleteDeployment(deleting.deps, 'weather-agent');
    note('DeleteWithCleanUp', deleting);

    const reads = actionsOf('SeeDeployments');
    for (const [sid, actions] of used) {
      const allowed = new Set([...actionsOf(sid), ...reads]);
      const missing = [...actions].filter((action) => !allowed.has(action));
      assert.deepEqual(missing, [], `${sid} calls actions its statement (with SeeDeployments) does not allow`);
    }
    const everyCall = new Set([...used.values()].flatMap((actions) => [...actions]));
    const granted = new Set(POLICY.Statement.flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action])));
    granted.delete('iam:PassRole'); // App Runner checks it when a service gets its roles; no call of ours
    assert.deepEqual([...granted].filter((action) => !everyCall.has(action)).sort(), [], 'the policy grants actions the product never calls');
  });

  void it('the README shows this policy', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /<!-- iam-policy -->\n```json\n([\s\S]*?)\n```\n<!-- \/iam-policy -->/.exec(readme)?.[1];
    assert.ok(block, 'README.md has an <!-- iam-policy --> block');
    assert.deepEqual(JSON.parse(block), POLICY);
  });
});
