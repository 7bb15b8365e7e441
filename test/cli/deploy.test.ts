// The AWS commands of the CLI against the bundled emulator process: plan's JSON contract, deploy
// with confirmation and exit codes, list, status, pause, resume, delete, and usage errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { spawnEmulator, type EmulatorProcess } from '../support/emulatorProcess';
import { ControlClient } from '../../emulator/src/controlClient';
import { cliEnv, runCli, TOKEN } from './support/runCli';

const FILE = 'weather-agent.zenml.deployer.yaml';

interface PlanJson {
  calls: { service: string; operation: string; input: Record<string, unknown> }[];
}

void describe('cli: plan, deploy, list, status, pause, resume, delete', () => {
  let emulator: EmulatorProcess;
  let control: ControlClient;
  const aws = (): string[] => ['--endpoint', emulator.url];
  before(async () => {
    emulator = await spawnEmulator(['--provisioning-ms', '0']);
    control = new ControlClient(emulator.url);
  });
  after(async () => {
    await emulator?.stop();
  });

  void it('plan --json without endpoint or credentials: the create path, exact inputs, secrets redacted', async () => {
    const run = await runCli(['plan', FILE, '--json'], { env: cliEnv({}, false) });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /no AWS credentials found: planning as if nothing exists yet/);
    const plan = JSON.parse(run.stdout) as PlanJson;
    assert.deepEqual(plan.calls.map((call) => `${call.service}.${call.operation}`), ['secretsmanager.CreateSecret', 'apprunner.CreateAutoScalingConfiguration', 'apprunner.CreateService']);
    const [secret, scaling, service] = plan.calls;
    assert.equal(secret.input.SecretString, '<redacted>');
    assert.match(String(secret.input.Name), /^zenml-weather-agent-[0-9a-f]{8}$/);
    assert.deepEqual({ ...scaling.input, Tags: undefined }, { AutoScalingConfigurationName: secret.input.Name, MinSize: 1, MaxSize: 10, MaxConcurrency: 80, Tags: undefined });
    assert.equal(service.input.AutoScalingConfigurationArn, '<CreateAutoScalingConfiguration.AutoScalingConfiguration.AutoScalingConfigurationArn>');
    const image = (service.input.SourceConfiguration as { ImageRepository: { ImageConfiguration: Record<string, unknown> } }).ImageRepository.ImageConfiguration;
    assert.deepEqual(image.RuntimeEnvironmentSecrets, { ZENML_STORE_API_TOKEN: '<CreateSecret.ARN>:ZENML_STORE_API_TOKEN::', ZENML_DEPLOYMENT_AUTH_KEY: '<CreateSecret.ARN>:ZENML_DEPLOYMENT_AUTH_KEY::' });
    assert.deepEqual(service.input.InstanceConfiguration, { Cpu: '1 vCPU', Memory: '2 GB', InstanceRoleArn: 'arn:aws:iam::123456789012:role/apprunner-instance' });
    assert.ok(!run.stdout.includes(TOKEN));
  });

  void it('deploy asks for --yes (exit 3), then deploys (exit 0); a second deploy changes nothing', async () => {
    const unconfirmed = await runCli(['deploy', FILE, ...aws()]);
    assert.equal(unconfirmed.code, 3, unconfirmed.stderr);
    assert.match(unconfirmed.stderr, /re-run with --yes/);
    const region = (await control.state()).regions['us-east-1'];
    assert.deepEqual([...region.services, ...region.secrets, ...region.autoScalingConfigurations.filter((c) => !c.isDefault)], [], 'nothing was created');

    const deployed = await runCli(['deploy', FILE, '--yes', '--json', ...aws()]);
    assert.equal(deployed.code, 0, deployed.stderr);
    const result = JSON.parse(deployed.stdout) as { status: string; url: string; action: string };
    assert.equal(result.status, 'RUNNING');
    assert.equal(result.action, 'create');
    assert.match(deployed.stderr, /\| \[AppRunner\] Service status is set to RUNNING\./, 'service log lines as progress');
    assert.ok(!deployed.stdout.includes(TOKEN) && !deployed.stderr.includes(TOKEN));

    const again = await runCli(['deploy', FILE, ...aws()]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^weather-agent is up to date \(zenml-weather-agent-[0-9a-f]{8}, RUNNING\)\.\n$/);
  });

  void it('list, status, pause and resume', async () => {
    const list = await runCli(['list', '--json', ...aws(), '--region', 'us-east-1']);
    assert.equal(list.code, 0, list.stderr);
    const rows = JSON.parse(list.stdout) as { deploymentName: string; status: string }[];
    assert.deepEqual(rows.map((row) => [row.deploymentName, row.status]), [['weather-agent', 'RUNNING']]);
    const status = await runCli(['status', 'weather-agent', '--json', ...aws(), '--region', 'us-east-1']);
    assert.equal(status.code, 0, status.stderr);
    assert.equal((JSON.parse(status.stdout) as { operations: unknown[] }).operations.length, 1);
    assert.equal((await runCli(['pause', 'weather-agent', ...aws(), '--region', 'us-east-1'])).stdout, 'weather-agent: PAUSED\n');
    assert.equal((await runCli(['resume', 'weather-agent', ...aws(), '--region', 'us-east-1'])).stdout, 'weather-agent: RUNNING\n');
    const missing = await runCli(['status', 'nobody', ...aws(), '--region', 'us-east-1']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No deployment named "nobody"/);
  });

  void it('delete asks for --yes, then removes everything; usage errors exit 2', async () => {
    assert.equal((await runCli(['delete', FILE, ...aws()])).code, 3);
    const deleted = await runCli(['delete', FILE, '--yes', ...aws()]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stdout, /^Deleted weather-agent: service zenml-weather-agent-[0-9a-f]{8}, auto scaling configuration zenml-weather-agent-[0-9a-f]{8} revision 1, secret zenml-weather-agent-[0-9a-f]{8}\n$/);
    const region = (await control.state()).regions['us-east-1'];
    assert.deepEqual(region.secrets, []);
    assert.deepEqual(region.services.filter((service) => service.status !== 'DELETED'), []);
    for (const args of [['deploy'], ['plan', FILE, '--bogus'], ['status'], ['delete', FILE, '--region', 'eu-west-1'], ['plan', FILE, '--endpoint', 'not a url']]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    }
  });

  void it('Ctrl+C while waiting: exit 130, says the state, leaves AWS consistent', async () => {
    await control.configure({ provisioningMs: 3000 });
    try {
      let sent = false;
      const run = await runCli(['deploy', FILE, '--yes', ...aws()], {
        onStderr: (soFar, child) => {
          if (!sent && soFar.includes('- Creating service')) {
            sent = true;
            child.kill('SIGINT');
          }
        },
      });
      assert.equal(run.code, 130, run.stderr);
      assert.match(run.stderr, /Stopped waiting for zenml-weather-agent-[0-9a-f]{8}: it is OPERATION_IN_PROGRESS\. App Runner finishes the running operation on its own/);
    } finally {
      await control.configure({ provisioningMs: 0 });
    }
    const deleted = await runCli(['delete', FILE, '--yes', ...aws()]);
    assert.equal(deleted.code, 0, deleted.stderr);
  });

  void it('a file with errors is not deployed: exit 1 with the errors listed', async () => {
    const run = await runCli(['deploy', 'syntax-error.zenml.deployer.yaml', '--yes', ...aws()]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^zenml-apprunner: syntax-error\.zenml\.deployer\.yaml has (an error|\d+ errors); fix (it|them) before deploying\.\n {2}syntax-error\.zenml\.deployer\.yaml:\d+:\d+: error yaml\./);
  });
});
