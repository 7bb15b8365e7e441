// ZenML run-configuration YAML: recognised by content, checked with the deployer file's rules in
// its `settings` and `steps.<name>.settings` blocks (exact ranges, fixes that re-validate), and
// YAML that only looks similar (Kubernetes, compose, CI, Helm, Ansible) gets nothing at all.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { yamlSource } from '../../../common/src/language/sources/sourceFile';
import { applyFix, assertEveryFixApplies, FIXTURES, fixNamed, fixtureText, preferred, range, rangeOf, validateRunConfig, yaml } from './kit';

function only(text: string, code: string): ReturnType<typeof validateRunConfig>[number] {
  const found = validateRunConfig(text).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, JSON.stringify(validateRunConfig(text), null, 1));
  return found[0];
}

void describe('run-config YAML', () => {
  void it('look-alikes (Kubernetes, compose, GitHub Actions, Helm, Ansible, app settings) are not run configs and get nothing', () => {
    const folder = path.join(FIXTURES, 'runconfig', 'lookalikes');
    const names = readdirSync(folder);
    assert.ok(names.length >= 7);
    for (const name of names) {
      const text = fixtureText('runconfig', 'lookalikes', name);
      assert.equal(yamlSource(text).kind, 'other', name);
      assert.deepEqual(validateRunConfig(text), [], name);
    }
  });

  void it('realistic run configs (pipeline and step settings, docker, deployment settings, schedule) are recognised and clean', () => {
    for (const name of ['deploy-weather.yaml', 'train-steps.yaml']) {
      const text = fixtureText('runconfig', 'valid', name);
      const file = yamlSource(text);
      assert.equal(file.kind, 'run-config', name);
      assert.equal(file.scopes.length, 2, name);
      assert.deepEqual(validateRunConfig(text), [], name);
    }
  });

  void it('recognised by content: a ZenML-only key, or a setting ZenML knows; a generic key alone is not enough', () => {
    assert.equal(yamlSource(yaml('settings:', '  resources:', '    cpu_count: 1', '    memory: 5GB')).kind, 'run-config');
    assert.equal(yamlSource(yaml('settings:', '  docker:', '    parent_image: python:3.11')).kind, 'run-config');
    assert.equal(yamlSource(yaml('enable_cache: false', 'settings:', '  resources:', '    limits: {cpu: 1}')).kind, 'run-config');
    assert.equal(yamlSource(yaml('settings:', '  resources:', '    limits: {cpu: 1}')).kind, 'other');
    assert.equal(yamlSource(yaml('settings:', '  resources:', '    cpu_count: 1', 'image: x')).kind, 'other');
    assert.equal(yamlSource(yaml('settings:', '  colours:', '    cpu_count: 1')).kind, 'other');
    assert.equal(yamlSource(yaml('settings: [1, 2]')).kind, 'other');
    assert.equal(yamlSource(yaml('steps:', '  - run: make')).kind, 'other');
    assert.equal(yamlSource('settings: {resources: {cpu_count: 1\n').kind, 'other', 'a syntax error: nothing is guessed');
  });

  void it('every problem of a run config lands on the key or value at fault, pipeline and step alike', () => {
    const text = fixtureText('runconfig', 'problems.yaml');
    const findings = validateRunConfig(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.range]),
      [
        ['region.unsupported', rangeOf(text, 'us-east1')],
        ['settings.ignored-by-zenml', rangeOf(text, 'port')],
        ['schema.enum', rangeOf(text, 'tcp')],
        ['resources.cpu-memory-pair', range(8, 15, 16)],
        ['scaling.max-concurrency', rangeOf(text, '500')],
        ['memory.spelling', rangeOf(text, '0.5GB')],
      ],
    );
    const pair = findings[3];
    assert.deepEqual(pair.related, [{ range: rangeOf(text, '5GB'), message: 'memory, the other half of this pair' }]);
    assert.ok(assertEveryFixApplies(text, (t) => validateRunConfig(t)) >= 10);
  });

  void it('a CPU/memory fix edits the run config in place and re-validates clean', () => {
    const text = yaml('run_name: weather', 'settings:', '  resources:', '    cpu_count: 1', '    memory: 5GB', '  docker:', '    requirements: [httpx]');
    const fixed = applyFix(text, preferred(only(text, 'resources.cpu-memory-pair')));
    assert.equal(fixed, yaml('run_name: weather', 'settings:', '  resources:', '    cpu_count: 2', '    memory: 6GB', '  docker:', '    requirements: [httpx]'));
    assert.deepEqual(validateRunConfig(fixed), []);
  });

  void it('a step-level block gets the same rules, and a fix that adds a key writes it into that step', () => {
    const text = yaml('steps:', '  trainer:', '    settings:', '      resources:', '        cpu_count: 1', '        memory: 5GB');
    const finding = only(text, 'resources.cpu-memory-pair');
    assert.deepEqual(finding.range, rangeOf(text, '1'));
    assert.equal(applyFix(text, fixNamed(finding, 'Use 1 vCPU / 4 GB')), text.replace('5GB', '4GB'));
    const strict = yaml('steps:', '  trainer:', '    settings:', '      deployer:', '        strict_resource_matching: true', '      resources:', '        cpu_count: 2');
    const fixed = applyFix(strict, preferred(only(strict, 'resources.strict-partial')));
    assert.equal(fixed, `${strict}        memory: 4GB\n`);
    assert.deepEqual(validateRunConfig(fixed), []);
  });

  void it('port and health_check_path, which ZenML ignores now, move to the deployment settings', () => {
    const text = yaml('enable_cache: false', 'settings:', '  deployer.aws:', '    region: eu-west-1', '    port: 8080', '    health_check_protocol: HTTP', '    health_check_path: /healthz');
    const findings = validateRunConfig(text);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.severity, finding.range]), [
      ['settings.ignored-by-zenml', 'warning', rangeOf(text, 'port')],
      ['settings.ignored-by-zenml', 'warning', rangeOf(text, 'health_check_path')],
    ]);
    assert.match(findings[0].message, /uvicorn_port \(8000 unless set\).*settings\.deployment\.uvicorn_port/);
    const moved = applyFix(text, preferred(findings[0]));
    assert.equal(moved, yaml('enable_cache: false', 'settings:', '  deployer.aws:', '    region: eu-west-1', '    health_check_protocol: HTTP', '    health_check_path: /healthz', '  deployment:', '    uvicorn_port: 8080'));
    const both = applyFix(moved, preferred(validateRunConfig(moved)[0]));
    assert.equal(both, yaml('enable_cache: false', 'settings:', '  deployer.aws:', '    region: eu-west-1', '    health_check_protocol: HTTP', '  deployment:', '    uvicorn_port: 8080', '    health_url_path: /healthz'));
    assert.deepEqual(validateRunConfig(both), []);
    const alreadySet = yaml('settings:', '  deployer:', '    port: 8080', '  deployment:', '    uvicorn_port: 9000');
    assert.deepEqual(only(alreadySet, 'settings.ignored-by-zenml').fixes.map((fix) => [fix.title, fix.isPreferred === true]), [['Remove port (settings.deployment.uvicorn_port is set)', true]]);
  });

  void it('nothing outside the checked blocks is ours: docker, orchestrator, parameters, model, schedule, extra', () => {
    const text = yaml(
      'enable_cache: maybe',
      'schedule: {cron_expression: nonsense}',
      'parameters: {memory: 5GB}',
      'extra: {resources: {cpu_count: -1}}',
      'settings:',
      '  docker: {parent_image: 42, memory: 2G}',
      '  orchestrator.kubernetes: {pod_settings: {resources: {limits: {memory: 5Gi}}}}',
      '  deployment: {uvicorn_port: "eighty"}',
    );
    assert.equal(yamlSource(text).kind, 'run-config');
    assert.deepEqual(validateRunConfig(text), []);
  });

  void it('secrets in plain environment variables: said without a fix that would write a deployment block', () => {
    const text = yaml('settings:', '  deployer:', '    environment_variables:', '      OPENAI_API_KEY: sk-not-real');
    const finding = only(text, 'secrets.plain-env');
    assert.match(finding.message, /ZenML secret/);
    assert.deepEqual(finding.fixes, []);
  });
});
