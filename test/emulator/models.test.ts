// The generated model data carries the constraints the emulator enforces (a regenerated file from
// an older botocore would silently loosen them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apprunnerModel, logsModel, secretsmanagerModel } from '../../emulator/src/generated/awsModels';
import type { ServiceModel, ShapeSpec } from '../../emulator/src/modelTypes';

function memberShape(model: ServiceModel, structure: string, member: string): ShapeSpec {
  const shape = model.shapes[structure];
  assert.equal(shape.type, 'structure');
  return model.shapes[shape.members[member]];
}

void describe('generated API models', () => {
  void it('know App Runner constraints from the published model', () => {
    assert.deepEqual(apprunnerModel.shapes.ServiceName, { type: 'string', min: 4, max: 40, pattern: '[A-Za-z0-9][A-Za-z0-9-_]{3,39}' });
    assert.match((apprunnerModel.shapes.Cpu as { pattern: string }).pattern, /0\.25/);
    assert.match((apprunnerModel.shapes.Memory as { pattern: string }).pattern, /12288/);
    assert.deepEqual(memberShape(apprunnerModel, 'ListServicesRequest', 'MaxResults'), { type: 'integer', min: 1, max: 20 });
    assert.deepEqual(memberShape(apprunnerModel, 'CreateAutoScalingConfigurationRequest', 'MaxConcurrency'), { type: 'integer', min: 1, max: 200 });
    assert.deepEqual(memberShape(apprunnerModel, 'CreateAutoScalingConfigurationRequest', 'MinSize'), { type: 'integer', min: 1, max: 25 });
    assert.deepEqual(memberShape(apprunnerModel, 'HealthCheckConfiguration', 'Interval'), { type: 'integer', min: 1, max: 20 });
    assert.deepEqual(apprunnerModel.shapes.CreateServiceRequest.type === 'structure' && apprunnerModel.shapes.CreateServiceRequest.required, ['ServiceName', 'SourceConfiguration']);
    assert.equal(apprunnerModel.jsonVersion, '1.0');
  });

  void it('cover every operation the emulator serves, for the right protocols', () => {
    assert.equal(Object.keys(apprunnerModel.operations).length, 16);
    assert.deepEqual([secretsmanagerModel.targetPrefix, secretsmanagerModel.jsonVersion], ['secretsmanager', '1.1']);
    assert.deepEqual([logsModel.targetPrefix, logsModel.jsonVersion], ['Logs_20140328', '1.1']);
    assert.ok('StartLiveTail' in logsModel.operations);
    assert.deepEqual(memberShape(logsModel, 'GetLogEventsRequest', 'limit'), { type: 'integer', min: 1, max: 10000 });
  });
});
