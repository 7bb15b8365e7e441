// Secrets: instance role for Secrets Manager, secret-looking plain environment variables, literal
// auth keys, deployment secrets that are values instead of references. No message repeats a value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { looksSecret } from '../../../common/src/language/rules/secrets';
import { assertFixClears, codes, one, preferred, range, validate, yaml } from './kit';

const SECRET_VALUE = 'sk-live-0123456789';

function assertNoValueLeaks(text: string): void {
  for (const finding of validate(text)) assert.ok(!finding.message.includes(SECRET_VALUE), `${finding.code} repeats the secret`);
}

void describe('secrets.instance-role', () => {
  const text = yaml('deployment:', '  name: x', '  secrets:', '    TOKEN: ${env:TOKEN}');

  void it('warns on the secrets key when Secrets Manager is used without an instance role', () => {
    const finding = one(text, 'secrets.instance-role');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(2, 2, 9));
    assert.match(finding.message, /without instance_role_arn the service cannot read them/);
  });

  void it('is quiet with an instance role or without Secrets Manager', () => {
    assert.deepEqual(codes(`${text}settings:\n  deployer:\n    instance_role_arn: arn:aws:iam::123456789012:role/r\n`), []);
    assert.deepEqual(codes(`${text}settings:\n  deployer:\n    use_secrets_manager: false\n`), []);
  });
});

void describe('secrets.plain-env', () => {
  void it('recognises secret-looking names, case-insensitively', () => {
    for (const name of ['API_TOKEN', 'client_secret', 'DB_PASSWORD', 'OPENAI_API_KEY', 'aws_credentials']) assert.ok(looksSecret(name), name);
    for (const name of ['LOG_LEVEL', 'WORKERS', 'MODEL_NAME']) assert.ok(!looksSecret(name), name);
  });

  const text = yaml(
    'deployment:', '  name: x', 'settings:', '  deployer:', '    use_secrets_manager: false', '    environment_variables:', '      LOG_LEVEL: info', `      OPENAI_API_KEY: ${SECRET_VALUE}`,
  );

  void it('warns on the key without repeating the value', () => {
    const finding = one(text, 'secrets.plain-env');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(7, 6, 20));
    assert.equal(
      finding.message,
      'OPENAI_API_KEY looks like a secret but is a plain environment variable: its value sits in this file and is visible to anyone who can describe the service. Move it to deployment.secrets as ${env:OPENAI_API_KEY} and set OPENAI_API_KEY in your environment when deploying.',
    );
    assertNoValueLeaks(text);
  });

  void it('the fix moves it to deployment.secrets, creating the block', () => {
    const fixed = assertFixClears(text, preferred(one(text, 'secrets.plain-env')), 'secrets.plain-env');
    assert.equal(
      fixed,
      yaml('deployment:', '  name: x', '  secrets:', '    OPENAI_API_KEY: ${env:OPENAI_API_KEY}', 'settings:', '  deployer:', '    use_secrets_manager: false', '    environment_variables:', '      LOG_LEVEL: info'),
    );
  });

  void it('the fix appends to an existing secrets block and leaves {} for a last variable', () => {
    const existing = yaml(
      'deployment:', '  name: x', '  secrets:', '    A_TOKEN: ${env:A_TOKEN}', 'settings:', '  deployer:', '    use_secrets_manager: false', '    environment_variables:', '      DB_PASSWORD: hunter2',
    );
    const fixed = assertFixClears(existing, preferred(one(existing, 'secrets.plain-env')), 'secrets.plain-env');
    assert.equal(
      fixed,
      yaml('deployment:', '  name: x', '  secrets:', '    A_TOKEN: ${env:A_TOKEN}', '    DB_PASSWORD: ${env:DB_PASSWORD}', 'settings:', '  deployer:', '    use_secrets_manager: false', '    environment_variables: {}'),
    );
  });

  void it('works with flow mappings on both sides', () => {
    const flow = yaml('deployment: {name: x, secrets: {}}', 'settings:', '  deployer: {use_secrets_manager: false, environment_variables: {LOG_LEVEL: info, API_TOKEN: abc}}');
    const fixed = assertFixClears(flow, preferred(one(flow, 'secrets.plain-env')), 'secrets.plain-env');
    assert.equal(fixed, yaml("deployment: {name: x, secrets: {API_TOKEN: '${env:API_TOKEN}'}}", 'settings:', '  deployer: {use_secrets_manager: false, environment_variables: {LOG_LEVEL: info}}'));
  });
});

void describe('secrets.literal-auth-key', () => {
  const text = yaml('deployment:', '  name: x', 'settings:', '  deployer:', `    auth_key: ${SECRET_VALUE}`, '    region: us-east-1');

  void it('warns on the key and never shows the key', () => {
    const finding = one(text, 'secrets.literal-auth-key');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, range(4, 4, 12));
    assert.match(finding.message, /Use generate_auth_key: true/);
    assertNoValueLeaks(text);
  });

  void it('the fix replaces the line with generate_auth_key: true', () => {
    const fixed = assertFixClears(text, preferred(one(text, 'secrets.literal-auth-key')), 'secrets.literal-auth-key');
    assert.equal(fixed, yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    generate_auth_key: true', '    region: us-east-1'));
  });

  void it('with generate_auth_key: false present, the fix removes auth_key and turns generation on', () => {
    const both = yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    generate_auth_key: false', `    auth_key: ${SECRET_VALUE}`);
    const fixed = assertFixClears(both, preferred(one(both, 'secrets.literal-auth-key')), 'secrets.literal-auth-key');
    assert.equal(fixed, yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    generate_auth_key: true'));
  });

  void it('auth_key: null is fine', () => {
    assert.deepEqual(codes(yaml('deployment:', '  name: x', 'settings:', '  deployer:', '    auth_key: null')), []);
  });
});

void describe('secrets.not-a-reference', () => {
  void it('a value in deployment.secrets is an error on the value, fixed to ${env:NAME}', () => {
    const text = yaml('deployment:', '  name: x', '  secrets:', `    OPENAI_API_KEY: ${SECRET_VALUE}`, 'settings:', '  deployer:', '    use_secrets_manager: false');
    assert.deepEqual(codes(text), ['secrets.not-a-reference'], 'replaces the schema pattern error');
    const finding = one(text, 'secrets.not-a-reference');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, range(3, 20, 20 + SECRET_VALUE.length));
    assertNoValueLeaks(text);
    const fixed = assertFixClears(text, preferred(finding), 'secrets.not-a-reference');
    assert.match(fixed, /OPENAI_API_KEY: \$\{env:OPENAI_API_KEY\}/);
  });
});
