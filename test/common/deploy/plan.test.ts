// The pure parts of planning, without AWS: desired state from a file, placeholders, redaction,
// and a diff that never shows a secret value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from '@aws-sdk/client-apprunner';
import { desiredDeployment } from '../../../common/src/deploy/desired';
import { deploymentIdFor } from '../../../common/src/domain/naming';
import { readDeployerFile } from '../../../common/src/deploy/deployerInput';
import { callInWords, callTarget, resolvePlaceholders, type CallResults } from '../../../common/src/deploy/calls';
import { buildPlan, planToJson } from '../../../common/src/deploy/plan';
import { DeployInputError } from '../../../common/src/deploy/types';
import { deployerFile, SECRET_VALUE } from './support/engineKit';

const ID = '3f2a9c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const desired = (text = deployerFile(), env: Record<string, string> = { ZENML_STORE_API_TOKEN: SECRET_VALUE }) =>
  desiredDeployment({ file: readDeployerFile(text, 'f.yaml'), region: 'us-east-1', deploymentId: ID, env, newAuthKey: () => 'generated-auth-key' });

void describe('plan, without AWS', () => {
  void it('names, size and scaling follow ZenML: id suffix, rounded size, capped scaling', () => {
    const wanted = desired(deployerFile({ cpu: 1, memory: '5GB', maxReplicas: 0 }));
    assert.equal(wanted.serviceName, 'zenml-weather-agent-3f2a9c1e');
    assert.equal(wanted.secretName, 'zenml-weather-agent-3f2a9c1e');
    assert.equal(wanted.scalingName, 'zenml-weather-agent-3f2a9c1e');
    assert.deepEqual(wanted.service.InstanceConfiguration, { Cpu: '2 vCPU', Memory: '6 GB', InstanceRoleArn: 'arn:aws:iam::123456789012:role/apprunner-instance' });
    assert.deepEqual(wanted.scaling, { MinSize: 1, MaxSize: 25, MaxConcurrency: 80 });
    assert.ok(wanted.notes.some((note) => note.startsWith('max_replicas 0 means "no limit"')));
    assert.equal(wanted.tags['zenml-deployment-id'], ID);
    assert.equal(wanted.tags['managed-by'], 'zenml');
  });

  void it('the create plan redacts secret values and uses placeholders for ARNs known later', () => {
    const json = planToJson(buildPlan({ desired: desired() }));
    const text = JSON.stringify(json);
    assert.ok(!text.includes(SECRET_VALUE) && !text.includes('generated-auth-key'));
    assert.equal(json.calls[0].operation, 'CreateSecret');
    assert.equal((json.calls[0].input as { SecretString: string }).SecretString, '<redacted>');
    assert.match(text, /"<CreateSecret\.ARN>:ZENML_STORE_API_TOKEN::"/);
  });

  void it('with Secrets Manager off, secret values are plain variables, redacted in the plan', () => {
    const wanted = desired(deployerFile({ extraDeployer: '    use_secrets_manager: false' }));
    assert.equal(wanted.secretName, undefined);
    assert.equal(wanted.service.SourceConfiguration?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables?.ZENML_STORE_API_TOKEN, SECRET_VALUE);
    const text = JSON.stringify(planToJson(buildPlan({ desired: wanted })));
    assert.ok(!text.includes(SECRET_VALUE));
    assert.match(text, /"ZENML_STORE_API_TOKEN":"<redacted>"/);
  });

  void it('placeholders take the outputs of earlier calls, inside strings too', () => {
    const results: CallResults = new Map([['CreateSecret', { ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf' }]]);
    assert.deepEqual(resolvePlaceholders({ a: ['<CreateSecret.ARN>:KEY::'], b: '<CreateService.Service.ServiceArn>' }, results), {
      a: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf:KEY::'],
      b: '<CreateService.Service.ServiceArn>',
    });
  });

  void it('a diff of plain environment variables hides secret-looking values', () => {
    const wanted = desired(deployerFile({ secrets: false, generateAuthKey: false }).replace('{LOG_LEVEL: info}', '{LOG_LEVEL: info, API_TOKEN: new-token}'));
    const service = { ServiceArn: 'arn:aws:apprunner:us-east-1:123456789012:service/s/0123456789abcdef0123456789abcdef', ...wanted.service } as unknown as Service;
    service.SourceConfiguration = { ...wanted.service.SourceConfiguration, ImageRepository: { ...wanted.service.SourceConfiguration?.ImageRepository, ImageIdentifier: 'x', ImageRepositoryType: 'ECR', ImageConfiguration: { Port: '8000', RuntimeEnvironmentVariables: { LOG_LEVEL: 'info', API_TOKEN: 'old-token' } } } };
    const found = { serviceName: 's', serviceId: 'id', serviceArn: service.ServiceArn ?? '', serviceUrl: '', status: 'RUNNING', deploymentName: 'weather-agent', deploymentId: ID, tags: wanted.tags };
    const plan = buildPlan({ desired: wanted, existing: { found, service, secretArn: undefined, scaling: { arn: 'arn:scaling', name: wanted.scalingName, revision: 1, isDefault: false, ...wanted.scaling } } });
    assert.ok(plan.changes.includes('~ source.environment.API_TOKEN: (hidden) -> (hidden)'), plan.changes.join('\n'));
    assert.ok(!plan.changes.join('\n').includes('new-token') && !plan.changes.join('\n').includes('old-token'));
  });

  void it('an unchanged service is a no-op, unless its creation failed: then it is deployed again', () => {
    const wanted = desired(deployerFile({ secrets: false, generateAuthKey: false }));
    const scaling = { arn: 'arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/x/1/0123456789abcdef0123456789abcdef', name: wanted.scalingName, revision: 1, isDefault: false, ...wanted.scaling };
    const service = { ...wanted.service, ServiceArn: 'arn:svc', Status: 'RUNNING', AutoScalingConfigurationSummary: { AutoScalingConfigurationArn: scaling.arn } } as unknown as Service;
    const found = { serviceName: wanted.serviceName, serviceId: 'id', serviceArn: 'arn:svc', serviceUrl: '', status: 'RUNNING', deploymentName: 'weather-agent', deploymentId: ID, tags: wanted.tags };
    assert.equal(buildPlan({ desired: wanted, existing: { found, service, secretArn: undefined, scaling } }).action, 'none');
    const failed = buildPlan({ desired: wanted, existing: { found, service: { ...service, Status: 'CREATE_FAILED' }, secretArn: undefined, scaling } });
    assert.deepEqual(failed.calls.map((call) => call.operation), ['UpdateService']);
    assert.ok(failed.changes.includes(`~ deploy ${wanted.serviceName} again: its creation failed`));
  });

  void it("a new deployment's id is a name-based UUID of its region and name: the same for every deploy of it, another for another", () => {
    const id = deploymentIdFor('us-east-1', 'weather-agent');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(deploymentIdFor('us-east-1', 'weather-agent'), id);
    assert.notEqual(deploymentIdFor('eu-west-1', 'weather-agent'), id);
    assert.notEqual(deploymentIdFor('us-east-1', 'weather-agent2'), id);
  });

  void it('progress lines name what a call acts on in words, never an ARN', () => {
    const plan = buildPlan({ desired: desired() });
    assert.deepEqual(plan.calls.map(callInWords), [
      'Creating secret zenml-weather-agent-3f2a9c1e',
      'Creating auto-scaling configuration zenml-weather-agent-3f2a9c1e',
      'Creating service zenml-weather-agent-3f2a9c1e',
    ]);
    const arnCalls = [
      { service: 'apprunner' as const, operation: 'UpdateService' as const, input: { ServiceArn: 'arn:aws:apprunner:us-east-1:123456789012:service/zenml-weather-agent-3f2a9c1e/0123456789abcdef0123456789abcdef' } },
      { service: 'secretsmanager' as const, operation: 'PutSecretValue' as const, input: { SecretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:zenml-weather-agent-3f2a9c1e-AbCdEf' } },
      { service: 'apprunner' as const, operation: 'DeleteAutoScalingConfiguration' as const, input: { AutoScalingConfigurationArn: 'arn:aws:apprunner:us-east-1:123456789012:autoscalingconfiguration/zenml-weather-agent-3f2a9c1e/2/0123456789abcdef0123456789abcdef' } },
    ];
    assert.deepEqual(arnCalls.map(callTarget), ['zenml-weather-agent-3f2a9c1e', 'zenml-weather-agent-3f2a9c1e', 'zenml-weather-agent-3f2a9c1e']);
  });

  void it('an image outside ECR stops the plan with a clear message', () => {
    assert.throws(() => desired(deployerFile().replace(/image: .*/, 'image: docker.io/library/nginx:latest')), (error: unknown) => error instanceof DeployInputError);
  });
});
