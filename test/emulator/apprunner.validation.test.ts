// Input validation from the published model and App Runner's own rules, as the SDK sees it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateServiceCommand, ListServicesCommand, type CreateServiceCommandInput } from '@aws-sdk/client-apprunner';
import { ACCOUNT, errorOf, serviceInput, useEmulator } from '../support/emulatorHarness';
import { withHeader, withRewrittenBody } from '../support/rawBody';

void describe('App Runner input validation', () => {
  const t = useEmulator();

  async function refusal(input: CreateServiceCommandInput): Promise<{ name: string; message: string; status?: number }> {
    const error = await errorOf(() => t.appRunner.send(new CreateServiceCommand(input)));
    return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
  }

  void it('checks the ServiceName pattern and length in AWS words', async () => {
    const short = await refusal(serviceInput('abc'));
    assert.equal(short.name, 'InvalidRequestException');
    assert.equal(short.status, 400);
    assert.match(short.message, /^2 validation errors detected: Value 'abc' at 'serviceName' failed to satisfy constraint: Member must have length greater than or equal to 4; Value 'abc' at 'serviceName' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
    const dotted = await refusal(serviceInput('my.service'));
    assert.match(dotted.message, /^1 validation error detected: Value 'my.service' at 'serviceName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[A-Za-z0-9\]\[A-Za-z0-9-_\]\{3,39\}$/);
    const long = await refusal(serviceInput('a'.repeat(41)));
    assert.match(long.message, /Member must have length less than or equal to 40/);
    assert.equal((await refusal(serviceInput('_leading'))).name, 'InvalidRequestException');
  });

  void it('accepts exactly the 11 CPU/memory pairs, in both notations', async () => {
    const valid: [string, string][] = [
      ['0.25 vCPU', '0.5 GB'], ['256', '1024'], ['0.5 vCPU', '1 GB'], ['1 vCPU', '2 GB'], ['1024', '3072'], ['1 vCPU', '4 GB'],
      ['2 vCPU', '4 GB'], ['2048', '6144'], ['4 vCPU', '8 GB'], ['4 vCPU', '10 GB'], ['4096', '12288'],
    ];
    for (const [index, [Cpu, Memory]] of valid.entries()) {
      await t.appRunner.send(new CreateServiceCommand(serviceInput(`pair-${index}`, { InstanceConfiguration: { Cpu, Memory } })));
    }
    const invalid: [string, string][] = [['0.25 vCPU', '2 GB'], ['0.5 vCPU', '2 GB'], ['1 vCPU', '1 GB'], ['2 vCPU', '8 GB'], ['4 vCPU', '4 GB'], ['1 vCPU', '6 GB']];
    for (const [Cpu, Memory] of invalid) {
      const error = await refusal(serviceInput('bad-pair', { InstanceConfiguration: { Cpu, Memory } }));
      assert.equal(error.name, 'InvalidRequestException');
      assert.match(error.message, /not a supported combination/);
    }
    const format = await refusal(serviceInput('bad-cpu', { InstanceConfiguration: { Cpu: '3 vCPU', Memory: '2 GB' } }));
    assert.match(format.message, /at 'instanceConfiguration.cpu' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const memory = await refusal(serviceInput('bad-mem', { InstanceConfiguration: { Cpu: '1 vCPU', Memory: '2GB' } }));
    assert.match(memory.message, /at 'instanceConfiguration.memory'/);
  });

  void it('checks health check ranges and the protocol enum', async () => {
    const interval = await refusal(serviceInput('health-range', { HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/health', Interval: 21, Timeout: 0 } }));
    assert.match(interval.message, /^2 validation errors detected: /);
    assert.match(interval.message, /at 'healthCheckConfiguration.interval' failed to satisfy constraint: Member must have value less than or equal to 20/);
    assert.match(interval.message, /at 'healthCheckConfiguration.timeout' failed to satisfy constraint: Member must have value greater than or equal to 1/);
    const thresholds = await refusal(serviceInput('health-threshold', { HealthCheckConfiguration: { HealthyThreshold: 21, UnhealthyThreshold: 0 } }));
    assert.match(thresholds.message, /healthyThreshold.*unhealthyThreshold/);
    const path = await refusal(serviceInput('health-path', { HealthCheckConfiguration: { Protocol: 'HTTP', Path: '' } }));
    assert.match(path.message, /at 'healthCheckConfiguration.path' failed to satisfy constraint: Member must have length greater than or equal to 1/);
    const protocol = await refusal(serviceInput('health-proto', { HealthCheckConfiguration: { Protocol: 'GRPC' as 'HTTP' } }));
    assert.match(protocol.message, /Member must satisfy enum value set: \[TCP, HTTP\]/);
  });

  void it('checks image identifiers, repository types and the access role', async () => {
    const input = serviceInput('bad-image');
    input.SourceConfiguration!.ImageRepository!.ImageIdentifier = 'docker.io/library/nginx:latest';
    assert.match((await refusal(input)).message, /at 'sourceConfiguration.imageRepository.imageIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const mismatched = serviceInput('public-as-private');
    mismatched.SourceConfiguration!.ImageRepository!.ImageIdentifier = 'public.ecr.aws/zenml/zenml:latest';
    assert.match((await refusal(mismatched)).message, /ImageRepositoryType ECR needs a private Amazon ECR image/);
    const noRole = serviceInput('no-access-role');
    delete noRole.SourceConfiguration!.AuthenticationConfiguration;
    assert.match((await refusal(noRole)).message, /AccessRoleArn is required/);
    const publicImage = serviceInput('public-image');
    publicImage.SourceConfiguration = { ImageRepository: { ImageIdentifier: 'public.ecr.aws/zenml/zenml:0.80', ImageRepositoryType: 'ECR_PUBLIC' } };
    const { Service: service } = await t.appRunner.send(new CreateServiceCommand(publicImage));
    assert.equal(service?.SourceConfiguration?.AutoDeploymentsEnabled, false);
    assert.equal(service?.SourceConfiguration?.ImageRepository?.ImageConfiguration?.Port, '8080', 'AWS default port');
  });

  void it('checks role ARNs, KMS keys, tags and required members', async () => {
    const role = serviceInput('bad-role', { InstanceConfiguration: { Cpu: '1 vCPU', Memory: '2 GB', InstanceRoleArn: `arn:aws:iam::${ACCOUNT}:user/someone` } });
    assert.match((await refusal(role)).message, /at 'instanceConfiguration.instanceRoleArn'/);
    const kms = serviceInput('bad-kms', { EncryptionConfiguration: { KmsKey: 'alias/mine' } });
    assert.match((await refusal(kms)).message, /at 'encryptionConfiguration.kmsKey'/);
    const tags = serviceInput('bad-tag', { Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] });
    assert.match((await refusal(tags)).message, /at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128/);
    const missing = await refusal({ ServiceName: 'no-source' } as CreateServiceCommandInput);
    assert.match(missing.message, /Value null at 'sourceConfiguration' failed to satisfy constraint: Member must not be null/);
  });

  void it('refuses members the model does not have, wrong JSON types and a wrong content type', async () => {
    const unknown = await errorOf(() =>
      withRewrittenBody(t.appRunner, (body) => ({ ...body, TrafficConfiguration: [{ Percent: 100 }] }), () => t.appRunner.send(new ListServicesCommand({}))),
    );
    assert.equal(unknown.name, 'SerializationException');
    assert.match(unknown.message, /TrafficConfiguration/);
    const wrongType = await errorOf(() => withRewrittenBody(t.appRunner, () => ({ MaxResults: '5' }), () => t.appRunner.send(new ListServicesCommand({}))));
    assert.equal(wrongType.name, 'SerializationException');
    const notJson = await errorOf(() => withRewrittenBody(t.appRunner, () => '{not json', () => t.appRunner.send(new ListServicesCommand({}))));
    assert.equal(notJson.name, 'SerializationException');
    const contentType = await errorOf(() => withHeader(t.appRunner, 'content-type', 'text/plain', () => t.appRunner.send(new ListServicesCommand({}))));
    assert.equal(contentType.name, 'SerializationException');
    const unknownOperation = await errorOf(() => withHeader(t.appRunner, 'x-amz-target', 'AppRunner.ListVpcConnectors', () => t.appRunner.send(new ListServicesCommand({}))));
    assert.equal(unknownOperation.name, 'UnknownOperationException');
  });

  void it('refuses features the emulator does not implement instead of ignoring them', async () => {
    const vpc = await refusal(serviceInput('vpc-egress', { NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: `arn:aws:apprunner:us-east-1:${ACCOUNT}:vpcconnector/x/1/${'0'.repeat(32)}` } } }));
    assert.equal(vpc.name, 'InvalidRequestException');
    const code = await refusal({ ServiceName: 'code-repo', SourceConfiguration: { CodeRepository: { RepositoryUrl: 'https://github.com/x/y', SourceCodeVersion: { Type: 'BRANCH', Value: 'main' } } } });
    assert.equal(code.name, 'InvalidRequestException');
  });
});
