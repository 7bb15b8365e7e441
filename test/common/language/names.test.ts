// The App Runner service name ZenML builds from the deployment name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, one, range, yaml } from './kit';

void describe('service name', () => {
  void it('a name cut to 40 characters is a warning that shows the resulting name', () => {
    const name = 'weather-forecasting-agent-production-eu';
    const text = yaml('deployment:', `  name: ${name}`);
    const finding = one(text, 'name.truncated');
    // The reference's rule: cut so that "-" and the 8-character id suffix fit in 40 characters.
    const expected = 'zenml-weather-forecasting-agent-<id>';
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(1, 8, 8 + name.length));
    assert.equal(
      finding.message,
      `"zenml-${name}" is too long for App Runner's 40-character service names: the service will be named "${expected}" (<id>: the first 8 characters of the deployment's id). Shorten the deployment name (or service_name_prefix) to keep the name readable.`,
    );
  });

  void it('the prefix counts', () => {
    assert.deepEqual(codes(yaml('deployment:', '  name: twenty-five-chars-exactly', 'settings:', '  deployer:', '    service_name_prefix: z-')), []);
    assert.deepEqual(codes(yaml('deployment:', '  name: twenty-five-chars-exactly', 'settings:', '  deployer:', '    service_name_prefix: a-long-team-prefix-')), ['name.truncated']);
  });

  void it('a name with nothing valid left is an error', () => {
    const text = yaml('deployment:', '  name: "!!!"', 'settings:', '  deployer:', '    service_name_prefix: ""');
    const finding = one(text, 'name.invalid');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(1, 8, 13));
    assert.match(finding.message, /^No App Runner service name can be built from "!!!"/);
  });

  void it('short names with odd characters are fine (ZenML cleans them)', () => {
    assert.deepEqual(codes(yaml('deployment:', '  name: My Deployment!!')), []);
  });
});
