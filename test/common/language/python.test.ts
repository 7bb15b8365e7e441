// ZenML settings in Python: names resolved through the module's imports, the settings of
// decorators, with_options and configure, dict forms and settings classes, mapped onto the same
// rules with exact ranges; literals checked, computed values skipped; fixes that edit Python and
// re-validate; a module with its own ResourceSettings gets nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zenmlImports, mentionsZenml } from '../../../common/src/language/python/imports';
import { parsePython } from '../../../common/src/language/python/pythonParser';
import { pythonSource } from '../../../common/src/language/python/pythonSource';
import { dottedName } from '../../../common/src/language/python/syntax';
import type { Finding } from '../../../common/src/language/types';
import { validateSource } from '../../../common/src/language/validate';
import { applyFix, assertEveryFixApplies, fixtureText, preferred, rangeOf } from './kit';

function check(text: string): Finding[] {
  return validateSource(pythonSource(text));
}

function only(text: string, code: string): Finding {
  const found = check(text).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, JSON.stringify(check(text), null, 1));
  return found[0];
}

function lines(...rows: string[]): string {
  return `${rows.join('\n')}\n`;
}

const HEAD = ['from zenml import pipeline, step', 'from zenml.config import ResourceSettings', ''];

void describe('Python: ZenML settings', () => {
  void it('resolves ZenML names through the imports: paths, aliases, module aliases, wildcard; own definitions shadow them', () => {
    const names = (text: string, expression: string): string | undefined => {
      const module = `${text}\n${expression}\n`;
      const tree = parsePython(module);
      const node = tree.topNode.lastChild?.firstChild;
      return node ? zenmlImports(tree, module).resolve(dottedName(node, module)) : undefined;
    };
    assert.equal(names('from zenml.config import ResourceSettings', 'ResourceSettings'), 'ResourceSettings');
    assert.equal(names('from zenml.config.resource_settings import ResourceSettings as RS', 'RS'), 'ResourceSettings');
    assert.equal(names('import zenml.config as zc', 'zc.ResourceSettings'), 'ResourceSettings');
    assert.equal(names('import zenml', 'zenml.config.ResourceSettings'), 'ResourceSettings');
    assert.equal(names('from zenml import config', 'config.ResourceSettings'), 'ResourceSettings');
    assert.equal(names('from zenml.integrations.aws.flavors import AWSDeployerSettings', 'AWSDeployerSettings'), 'AWSDeployerSettings');
    assert.equal(names('from zenml.integrations.aws.flavors.aws_deployer_flavor import AWSDeployerSettings as A', 'A'), 'AWSDeployerSettings');
    assert.equal(names('from zenml import pipeline as p', 'p'), 'pipeline');
    assert.equal(names('import zenml', 'zenml.step'), 'step');
    assert.equal(names('from zenml.config import *', 'ResourceSettings'), 'ResourceSettings');
    assert.equal(names('def f():\n    from zenml.config import ResourceSettings', 'ResourceSettings'), 'ResourceSettings');
    assert.equal(names('from mylib.config import ResourceSettings', 'ResourceSettings'), undefined);
    assert.equal(names('from zenml.config import ResourceSettings\nclass ResourceSettings: pass', 'ResourceSettings'), undefined);
    assert.equal(names('from zenml.config import ResourceSettings', 'zc.ResourceSettings'), undefined);
    assert.equal(mentionsZenml('import os, zenml\n'), true);
    assert.equal(mentionsZenml('# from zenml import step\nimport os\n'), false);
  });

  void it('a realistic pipeline module: the CPU/memory pair on cpu_count, memory as related, in a multi-line call', () => {
    const text = fixtureText('python', 'weather_pipeline.py');
    const findings = check(text);
    assert.deepEqual(findings.map((finding) => finding.code), ['resources.cpu-memory-pair']);
    const [pair] = findings;
    assert.deepEqual(pair.range, rangeOf(text, '1', text.split('cpu_count=1')[0].split('1').length));
    assert.deepEqual(pair.related, [{ range: rangeOf(text, '"5GB"'), message: 'memory, the other half of this pair' }]);
    assert.match(pair.message, /1 vCPU with 5GB is not an App Runner size; ZenML will deploy 2 vCPU \/ 6 GB/);
    const fixed = applyFix(text, preferred(pair));
    assert.equal(fixed, text.replace('            cpu_count=1,\n            memory="5GB",', '            cpu_count=2,\n            memory="6GB",'));
    assert.deepEqual(check(fixed), []);
  });

  void it('aliases, step-level dict forms, deployer.aws, with_options and dict(...): literals checked, computed values skipped', () => {
    const text = fixtureText('python', 'inference_pipelines.py');
    const findings = check(text);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.range]), [
      ['schema.unknown-key', rangeOf(text, 'min_instances_hint')],
      ['ingress.missing', rangeOf(text, 'False', 1)],
    ]);
    assert.equal(pythonSource(text).scopes.length, 5);
    assertEveryFixApplies(text, check);
  });

  void it('a module with its own ResourceSettings and pipeline gets nothing; a module without zenml is not ours', () => {
    const text = fixtureText('python', 'own_resource_settings.py');
    assert.deepEqual(check(text), []);
    const plain = 'from dataclasses import dataclass\n\nclass ResourceSettings:\n    memory = "5GB"\n\nResourceSettings(cpu_count=1, memory="5GB")\n';
    assert.equal(pythonSource(plain).kind, 'other');
    assert.deepEqual(check(plain), []);
  });

  void it('each form of the settings: decorator, step, with_options, configure, "deployer.aws", a dict, a settings class of its own', () => {
    const forms = [
      '@pipeline(settings={"resources": ResourceSettings(cpu_count=1, memory="5GB")})\ndef p(): ...',
      '@step(settings={"resources": {"cpu_count": 1, "memory": "5GB"}})\ndef s(): ...',
      'p.with_options(settings={"resources": ResourceSettings(cpu_count=1, memory="5GB")})',
      's.configure(settings={"resources": dict(cpu_count=1, memory="5GB")})',
      'limits = ResourceSettings(cpu_count=1, memory="5GB")',
    ];
    for (const form of forms) {
      const text = lines(...HEAD, form);
      assert.equal(only(text, 'resources.cpu-memory-pair').range.start.line, 3, form);
    }
    const flavored = lines(...HEAD, 'from zenml.integrations.aws.flavors import AWSDeployerSettings', '@pipeline(settings={"deployer.aws": AWSDeployerSettings(port=8080)})', 'def p(): ...');
    const finding = only(flavored, 'settings.ignored-by-zenml');
    const written = rangeOf(flavored, 'port=');
    assert.deepEqual(finding.range, { start: written.start, end: { ...written.end, character: written.end.character - 1 } });
    assert.deepEqual(finding.fixes.map((fix) => fix.title), ['Move to settings.deployment.uvicorn_port', 'Remove port']);
    const moved = applyFix(flavored, preferred(finding));
    assert.equal(moved, flavored.replace('AWSDeployerSettings(port=8080)}', 'AWSDeployerSettings(), "deployment": {"uvicorn_port": 8080}}'));
    assert.deepEqual(check(moved), []);
    assert.equal(applyFix(flavored, finding.fixes[1]), flavored.replace('AWSDeployerSettings(port=8080)', 'AWSDeployerSettings()'));
    const standalone = lines('from zenml.integrations.aws.flavors import AWSDeployerSettings', 'DEPLOYER = AWSDeployerSettings(port=8080)');
    assert.deepEqual(only(standalone, 'settings.ignored-by-zenml').fixes.map((fix) => [fix.title, fix.isPreferred === true]), [['Remove port', true]], 'no settings dict to move it to');
  });

  void it('values computed at run time are never guessed; `**` makes a block unknowable', () => {
    const computed = [
      'ResourceSettings(cpu_count=CPUS, memory="5GB")',
      'ResourceSettings(cpu_count=1, memory=f"{GB}GB")',
      'ResourceSettings(cpu_count=1, memory=os.environ["MEMORY"])',
      'ResourceSettings(**BASE, memory="5GB")',
      'ResourceSettings(cpu_count=1 if PROD else 2, memory="5GB")',
    ];
    for (const call of computed) assert.deepEqual(check(lines(...HEAD, `limits = ${call}`)), [], call);
    const strictUnknown = lines(...HEAD, 'from zenml.integrations.aws.flavors import AWSDeployerSettings', '@pipeline(settings={"deployer": AWSDeployerSettings(strict_resource_matching=STRICT), "resources": ResourceSettings(cpu_count=1)})', 'def p(): ...');
    assert.deepEqual(check(strictUnknown), []);
    const splat = lines(...HEAD, '@pipeline(settings={**COMMON, "resources": ResourceSettings(cpu_count=1, memory="5GB")})', 'def p(): ...');
    assert.deepEqual(check(splat).map((finding) => finding.code), ['resources.cpu-memory-pair'], 'the settings class is still checked on its own');
  });

  void it('what only looks like a setting is not read: `name := value` in the arguments, a string left open', () => {
    assert.deepEqual(check(lines(...HEAD, 'x = ResourceSettings(cpu_count=1, memory:="5GB")')), []);
    assert.deepEqual(check(lines(...HEAD, 'x = ResourceSettings(cpu_count=1, memory="5G', ')')), []);
  });

  void it('literal forms: negative numbers, underscores, hex, single quotes, concatenated strings, None', () => {
    assert.equal(only(lines(...HEAD, 'x = ResourceSettings(min_replicas=-1)'), 'schema.range').range.start.character, 34);
    assert.equal(only(lines(...HEAD, 'x = ResourceSettings(max_concurrency=1_000)'), 'scaling.max-concurrency').message.includes('1000'), true);
    assert.equal(only(lines(...HEAD, 'x = ResourceSettings(max_replicas=0x1A)'), 'scaling.max-replicas-quota').message.includes('26'), true);
    const quoted = lines(...HEAD, "x = ResourceSettings(cpu_count=1, memory='2' 'G')");
    const spelling = only(quoted, 'memory.spelling');
    assert.equal(spelling.message.includes('"2G"'), true);
    assert.deepEqual(check(lines(...HEAD, 'x = ResourceSettings(cpu_count=None, memory=None)')), []);
  });

  void it('fixes edit Python: quote style kept, missing keyword added in one-per-line layout with its trailing comma', () => {
    const single = lines(...HEAD, "x = ResourceSettings(cpu_count=1, memory='0.5GB')");
    assert.equal(applyFix(single, preferred(only(single, 'memory.spelling'))), single.replace("'0.5GB'", "'500MB'"));
    const strict = lines(
      ...HEAD,
      'from zenml.integrations.aws.flavors import AWSDeployerSettings',
      '',
      '@pipeline(',
      '    settings={',
      '        "deployer": AWSDeployerSettings(strict_resource_matching=True),',
      '        "resources": ResourceSettings(',
      '            cpu_count=2,',
      '        ),',
      '    },',
      ')',
      'def p(): ...',
    );
    const fixed = applyFix(strict, preferred(only(strict, 'resources.strict-partial')));
    assert.equal(fixed, strict.replace('            cpu_count=2,\n', '            cpu_count=2,\n            memory="4GB",\n'));
    assert.deepEqual(check(fixed), []);
    const inline = lines(...HEAD, "@step(settings={'resources': {'cpu_count': 3}})", 'def s(): ...');
    const dictFix = applyFix(inline, preferred(only(inline, 'resources.cpu-memory-pair')));
    assert.equal(dictFix, inline.replace("{'cpu_count': 3}", "{'cpu_count': 4, 'memory': '8GB'}"));
    assert.deepEqual(check(dictFix), []);
    const removal = lines(...HEAD, 'x = ResourceSettings(', '    cpu_count=1,', '    memory="2GB",', '    gpu_count=1,', ')');
    assert.equal(applyFix(removal, only(removal, 'resources.ignored').fixes[0]), removal.replace('    gpu_count=1,\n', ''));
    const auth = lines('from zenml.integrations.aws.flavors import AWSDeployerSettings', 'x = AWSDeployerSettings(auth_key="abc", region="us-east-1")');
    assert.equal(applyFix(auth, preferred(only(auth, 'secrets.literal-auth-key'))), auth.replace('auth_key="abc"', 'generate_auth_key=True'));
  });

  void it('a settings object shared by two pipelines is reported once', () => {
    const text = lines(...HEAD, 'LIMITS = ResourceSettings(cpu_count=1, memory="5GB")', '@pipeline(settings={"resources": LIMITS})', 'def a(): ...', '@pipeline(settings={"resources": LIMITS})', 'def b(): ...');
    assert.equal(check(text).length, 1);
  });
});
