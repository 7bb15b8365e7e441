// Soak: 100 deploy/update/delete cycles with faults injected into a fifth of the operations
// (throttling, 500s, dropped connections, denied permissions on writes and reads, failing
// deployments), and some cycles deploying twice at once. Whatever fails, every cycle ends
// consistent: no orphan, no second service, no leaked secret, and the next cycle starts clean.
// Seeded: CI runs a fixed seed; SOAK_SEED=<n> replays a run, SOAK_CYCLES=<n> changes its length.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPlan, deleteDeployment, planFromText } from '../../../common/src/deploy/engine';
import type { FaultRequest } from '../../../emulator/src/controlTypes';
import { Random, seedFromEnv } from '../../fuzz/support/random';
import { REGION } from '../../support/emulatorHarness';
import { assertNoOrphans, deployerFile, recordedDeps, useEngineEmulator, type FileOptions } from './support/engineKit';

const SEED = process.env.SOAK_SEED === undefined && process.env.CI === 'true' ? 20_261_130 : seedFromEnv('SOAK_SEED');
const CYCLES = Number(process.env.SOAK_CYCLES ?? 100);
const FAULT_SHARE = 0.2;

const OPERATIONS = [
  'ListServices', 'ListTagsForResource', 'DescribeService', 'GetSecretValue', 'CreateSecret', 'PutSecretValue',
  'CreateAutoScalingConfiguration', 'CreateService', 'UpdateService', 'TagResource', 'StartDeployment',
  'DeleteAutoScalingConfiguration', 'DeleteService', 'DeleteSecret', 'ListSecrets', 'ListAutoScalingConfigurations',
  'ListOperations', 'FilterLogEvents', 'DescribeAutoScalingConfiguration', 'UntagResource',
];

function faultsFor(random: Random): FaultRequest[] {
  const faults: FaultRequest[] = [];
  for (const operation of OPERATIONS) {
    if (!random.chance(FAULT_SHARE)) continue;
    // Any permission may be missing except a delete's: a delete without permission cannot clean up, by design.
    const kinds: FaultRequest['kind'][] = /^Delete/.test(operation) ? ['error', 'error', 'drop', 'throttle'] : ['error', 'error', 'drop', 'throttle', 'deny'];
    const kind = random.pick(kinds);
    faults.push({ operation, kind, count: kind === 'deny' ? 1 : random.between(1, 4) });
  }
  return faults;
}

void describe(`deploy engine soak (seed ${SEED}; replay with SOAK_SEED=${SEED})`, () => {
  const t = useEngineEmulator();

  void it(`${CYCLES} deploy/update/delete cycles with ${FAULT_SHARE * 100}% faults end consistent`, { timeout: 600_000 }, async () => {
    const random = new Random(SEED);
    const outcomes = { ok: 0, failed: 0 };
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const faults = faultsFor(random);
      const steps: { options: FileOptions | 'delete'; env: Record<string, string> }[] = [
        { options: { tag: random.chance(0.1) ? 'fail-deploy' : 'v1' }, env: { ZENML_STORE_API_TOKEN: `soak-secret-${cycle}-a` } },
        { options: { tag: random.chance(0.1) ? 'fail-deploy' : 'v2', cpu: random.pick([1, 2]), memory: '4GB', maxReplicas: random.between(2, 20) }, env: { ZENML_STORE_API_TOKEN: `soak-secret-${cycle}-b` } },
        { options: 'delete', env: {} },
      ];
      for (const fault of faults) await t.emulator.control.addFault(fault);
      const context = `cycle ${cycle} (replay: SOAK_SEED=${SEED}), faults ${JSON.stringify(faults)}`;
      let output = '';
      // Some cycles deploy twice at once, as two windows or two CI jobs would.
      const twice = random.chance(0.2);
      const run = async (step: (typeof steps)[number]): Promise<void> => {
        const recorded = recordedDeps(t.emulator, { env: step.env });
        try {
          if (step.options === 'delete') await deleteDeployment(recorded.deps, 'weather-agent');
          else await applyPlan(await planFromText(deployerFile(step.options), 'soak.yaml', recorded.deps), recorded.deps);
          outcomes.ok++;
        } catch (error) {
          outcomes.failed++;
          output += `${(error as Error).message}\n`;
        }
        output += JSON.stringify(recorded.events);
      };
      for (const [index, step] of steps.entries()) {
        if (index === 0 && twice) await Promise.all([run(step), run(step)]);
        else await run(step);
        const live = (await t.emulator.control.state()).regions[REGION]?.services.filter((service) => service.status !== 'DELETED') ?? [];
        if (live.length > 1) throw new Error(`${context}: ${live.length} services for one deployment after step ${index}\n${output}`);
      }
      await t.emulator.control.clearFaults();
      const secrets = [`soak-secret-${cycle}-a`, `soak-secret-${cycle}-b`];
      try {
        await assertNoOrphans(t.emulator, t, secrets, output);
        // Start the next cycle clean: finish a delete a fault stopped, and check nothing is left.
        await deleteDeployment(recordedDeps(t.emulator).deps, 'weather-agent');
        const region = (await t.emulator.control.state()).regions[REGION];
        assert.deepEqual(region.services.filter((service) => service.status !== 'DELETED').map((service) => service.name), []);
        assert.deepEqual(region.secrets.map((secret) => secret.name), []);
        assert.deepEqual(region.autoScalingConfigurations.filter((config) => config.status === 'ACTIVE' && !config.isDefault).map((config) => config.name), []);
      } catch (error) {
        throw new Error(`${context}: ${(error as Error).message}\n${output}`, { cause: error });
      }
    }
    process.stdout.write(`# soak seed ${SEED}: ${CYCLES} cycles, ${outcomes.ok} steps succeeded, ${outcomes.failed} failed cleanly\n`);
    assert.ok(outcomes.failed > 0, 'the faults made some steps fail');
  });
});
