// Small pure pieces of the client: profile names, deployment names in settings files, the sample.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deploymentsInText } from '../../../common/src/language/fileDeployments';
import { validateText } from '../../../common/src/language/validate';
import { profileNamesIn } from '../../../client/src/aws/profiles';
import { SAMPLE_CONFIG } from '../../../client/src/samples/sampleConfig';

void describe('client helpers', () => {
  void it('reads profile names from the shared config and credentials files, never values', () => {
    const config = '[default]\nregion = us-east-1\n[profile dev]\nsso_session = corp\n[sso-session corp]\nsso_start_url = https://x\n';
    assert.deepEqual(profileNamesIn(config, true), ['default', 'dev']);
    assert.deepEqual(profileNamesIn('[ci]\naws_access_key_id = AKIA...\n', false), ['ci']);
  });

  void it('finds deployment names in every YAML document of a settings file', () => {
    assert.deepEqual(deploymentsInText('deployment:\n  name: a\n---\ndeployment:\n  name: b\n---\nfoo: [\n').map((entry) => entry.deploymentName), ['a', 'b']);
  });

  void it('the sample config is valid as written', () => {
    const findings = validateText(SAMPLE_CONFIG).map((finding) => `${finding.severity} ${finding.code}: ${finding.message}`);
    assert.deepEqual(findings.filter((line) => line.startsWith('error') || line.startsWith('warning')), []);
  });
});
