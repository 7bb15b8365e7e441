// YAML-level problems and the shape of documents: syntax errors, duplicate keys, tabs, aliases,
// empty files, documents that are not mappings or describe no deployment, multi-document files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixClears, codes, one, preferred, range, validate, yaml } from './kit';

void describe('YAML syntax', () => {
  void it('reports a syntax error where it is, and nothing derived from the broken structure', () => {
    const text = yaml('deployment:', '  name: x', '  image: [broken', 'settings:', '  resources:', '    memory: 2G');
    const findings = validate(text);
    assert.deepEqual(findings.map((f) => f.code), ['yaml.syntax']);
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(findings[0].range, range(2, 9, 10));
  });

  // One mistake, one finding on it: not the parser's errors on the lines it swallows.
  const ROOT_CAUSES: [string, string[], [number, number, number], RegExp][] = [
    ['an unclosed [', ['settings:', '  deployer:', '    region: [us-east-1', '    use_secrets_manager: true', '    health_check_protocol: HTTP', '  resources:', '    cpu_count: 1'], [2, 12, 13], /^This \[ starts a list that is never closed.*Add the closing \] on this line\.$/],
    ['an unclosed {', ['settings:', '  deployer:', '    tags: {team: ml', '    use_secrets_manager: true', '  resources:', '    cpu_count: 1'], [2, 10, 11], /^This \{ starts a map that is never closed.*Add the closing \} on this line\.$/],
    ['an unclosed double quote', ['deployment:', '  name: "x', 'settings:', '  deployer:', '    region: us-east-1'], [1, 8, 9], /^This " starts a quoted string that is never closed.*Add the closing "\.$/],
    ["an unclosed single quote", ['deployment:', "  name: 'x", 'settings:', '  deployer:', '    region: us-east-1'], [1, 8, 9], /^This ' starts a quoted string that is never closed/],
    ['a key indented too far', ['deployment:', '  name: x', '   image: y', 'settings:', '  deployer:', '    region: us-east-1'], [2, 0, 3], /^"image" is indented 3 spaces, more than "name" \(2\) above it.*Indent it by 2 spaces like "name"/],
  ];
  for (const [what, lines, [line, start, end], message] of ROOT_CAUSES) {
    void it(`reports ${what} once, on the mistake, without the errors it causes`, () => {
      const findings = validate(yaml(...lines));
      assert.deepEqual(
        findings.map((f) => [f.code, f.range]),
        [['yaml.syntax', range(line, start, end)]],
        JSON.stringify(findings.map((f) => f.message)),
      );
      assert.match(findings[0].message, message);
    });
  }

  void it('keeps an unrelated syntax error before an unclosed bracket', () => {
    const findings = validate(yaml('deployment:', '  name: x', '   image: y', 'settings:', '  deployer:', '    region: [us-east-1', '    use_secrets_manager: true'));
    assert.deepEqual(
      findings.map((f) => [f.code, f.range.start.line]),
      [['yaml.syntax', 2], ['yaml.syntax', 5]],
    );
  });

  void it('flags a duplicate key on the second occurrence, with a fix that removes it', () => {
    const text = yaml('deployment:', '  name: first', '  image: public.ecr.aws/a/b:1', '  name: second');
    const finding = one(text, 'yaml.duplicate-key');
    assert.deepEqual(finding.range, range(3, 2, 6));
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, '"name" appears twice in deployment; only the last value counts when ZenML loads the file. Remove one of them.');
    const fixed = assertFixClears(text, preferred(finding), 'yaml.duplicate-key');
    assert.equal(fixed, yaml('deployment:', '  name: first', '  image: public.ecr.aws/a/b:1'));
  });

  void it('flags tab indentation on the tab, with a fix that replaces it with spaces', () => {
    const text = 'deployment:\n\tname: x\n';
    const finding = one(text, 'yaml.tab-indent');
    assert.deepEqual(finding.range, range(1, 0, 1));
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /indented with a tab; YAML allows only spaces/);
    assert.deepEqual(codes(text), ['yaml.tab-indent']);
    assert.equal(assertFixClears(text, preferred(finding), 'yaml.tab-indent'), 'deployment:\n  name: x\n');
  });

  void it('fixes tabs after spaces and keeps CRLF line breaks', () => {
    const text = 'deployment:\r\n  name: x\r\nsettings:\r\n  resources:\r\n  \tcpu_count: 1\r\n    memory: 2GB\r\n';
    const finding = one(text, 'yaml.tab-indent');
    assert.deepEqual(finding.range, range(4, 0, 3));
    const fixed = assertFixClears(text, preferred(finding), 'yaml.tab-indent');
    assert.equal(fixed, 'deployment:\r\n  name: x\r\nsettings:\r\n  resources:\r\n    cpu_count: 1\r\n    memory: 2GB\r\n');
  });

  void it('reports an alias without anchor on the alias', () => {
    const text = yaml('deployment:', '  name: *nothing');
    const finding = one(text, 'yaml.alias');
    assert.deepEqual(finding.range, range(1, 8, 16));
    assert.match(finding.message, /\*nothing refers to no anchor/);
  });

  void it('accepts anchors and aliases that resolve', () => {
    const text = yaml('deployment:', '  name: &n weather', 'settings:', '  deployer:', '    tags:', '      app: *n');
    assert.deepEqual(validate(text), []);
  });
});

void describe('document shape', () => {
  for (const [label, text] of [['an empty file', ''], ['a blank file', '\n\n'], ['a comment-only file', '# to do\n']] as const) {
    void it(`${label} gets one quiet information with a starter fix`, () => {
      const findings = validate(text);
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.code, 'document.empty');
      assert.equal(finding.severity, 'information');
      assert.deepEqual(finding.range, range(0, 0, 0));
      const fixed = assertFixClears(text, preferred(finding), 'document.empty');
      assert.match(fixed, /deployment:\n {2}name: my-deployment\n$/);
    });
  }

  void it('a list is not a mapping', () => {
    const text = yaml('- deployment', '- settings');
    const finding = one(text, 'document.not-a-mapping');
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 10 } });
    assert.equal(finding.message, 'A zenml.deployer.yaml document must be a mapping with "deployment" and "settings" blocks, but this one is a list.');
    assert.deepEqual(codes(text), ['document.not-a-mapping']);
  });

  void it('a single value is not a mapping', () => {
    const finding = one('just some text\n', 'document.not-a-mapping');
    assert.deepEqual(finding.range, range(0, 0, 14));
    assert.match(finding.message, /this one is a single value/);
  });

  void it('a mapping without deployment or settings gets one clear error, not one per key', () => {
    const text = yaml('foo: 1', 'bar: 2');
    const findings = validate(text);
    assert.deepEqual(findings.map((f) => f.code), ['document.no-deployment']);
    assert.deepEqual(findings[0].range, range(0, 0, 3));
    assertFixClears(text, preferred(findings[0]), 'document.no-deployment', { allowOthers: ['schema.unknown-key'] });
  });

  void it('settings without deployment: missing deployment on the first key, with a fix', () => {
    const text = yaml('settings:', '  resources:', '    cpu_count: 1', '    memory: 2GB');
    const finding = one(text, 'schema.required');
    assert.deepEqual(finding.range, range(0, 0, 8));
    assert.match(finding.message, /^The document is missing "deployment"/);
    const fixed = assertFixClears(text, preferred(finding), 'schema.required');
    assert.match(fixed, /\ndeployment:\n {2}name: my-deployment\n$/);
  });

  void it('deployment without name: error on the deployment key, fix inserts a name from the image', () => {
    const text = yaml('deployment:', '  image: public.ecr.aws/acme/zenml:weather_agent', '  port: 8000');
    const finding = one(text, 'schema.required');
    assert.deepEqual(finding.range, range(0, 0, 10));
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^deployment is missing "name"/);
    const fixed = assertFixClears(text, preferred(finding), 'schema.required');
    assert.equal(fixed, yaml('deployment:', '  image: public.ecr.aws/acme/zenml:weather_agent', '  port: 8000', '  name: weather-agent'));
  });

  void it('an empty deployment block gets a fix that adds the name', () => {
    const text = yaml('deployment:', 'settings:', '  resources:', '    cpu_count: 1', '    memory: 2GB');
    const finding = one(text, 'schema.type');
    assert.deepEqual(finding.range, range(0, 0, 10));
    const fixed = assertFixClears(text, preferred(finding), 'schema.type');
    assert.equal(fixed, yaml('deployment:', '  name: my-deployment', 'settings:', '  resources:', '    cpu_count: 1', '    memory: 2GB'));
  });
});

void describe('multi-document files', () => {
  void it('validates each document on its own, with ranges in its own lines', () => {
    const text = yaml('deployment:', '  name: a', '---', 'deployment:', '  name: b', 'settings:', '  resources:', '    memory: 2G', '---');
    const finding = one(text, 'memory.spelling');
    assert.deepEqual(finding.range, range(7, 12, 14));
    assert.deepEqual(codes(text), ['memory.spelling']);
    assertFixClears(text, preferred(finding), 'memory.spelling');
  });

  void it('a syntax error in one document leaves the others checked', () => {
    const text = yaml('deployment:', '  name: [a', '---', 'deployment:', '  name: b', 'settings:', '  resources:', '    memory: 2G');
    assert.deepEqual(codes(text), ['yaml.syntax', 'memory.spelling']);
  });

  void it('the same deployment name twice is an error on the second', () => {
    const text = yaml('deployment:', '  name: twin', '---', 'deployment:', '  name: twin');
    const finding = one(text, 'name.duplicate');
    assert.deepEqual(finding.range, range(4, 8, 12));
    assert.match(finding.message, /Document 2 deploys "twin" like document 1/);
  });

  void it('a fix in the second document inserts into that document', () => {
    const text = yaml('deployment:', '  name: a', '---', 'settings:', '  resources:', '    memory: 1GB');
    const finding = one(text, 'schema.required');
    assert.deepEqual(finding.range, range(3, 0, 8));
    const fixed = assertFixClears(text, preferred(finding), 'schema.required');
    assert.equal(fixed, yaml('deployment:', '  name: a', '---', 'settings:', '  resources:', '    memory: 1GB', 'deployment:', '  name: my-deployment'));
  });
});
