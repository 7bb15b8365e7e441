// A rule that throws is never silent: in-process, its failure reaches `onRuleFailure` while the
// other rules' findings survive, and under tests (strict mode) validation fails naming the rule.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { regionRule } from '../../../common/src/language/rules/region';
import { RuleFailureError, strictRuleFailures, type RuleFailure } from '../../../common/src/language/ruleFailures';
import { validateText } from '../../../common/src/language/validate';

const BAD_REGION = 'deployment:\n  name: x\nsettings:\n  deployer:\n    region: moon-1\n  resources:\n    cpu_count: 1\n    memory: 5GB\n';

void describe('a rule that throws', () => {
  const original = regionRule.check.bind(regionRule);
  const savedStrict = process.env.ZENML_APPRUNNER_STRICT;
  beforeEach(() => {
    regionRule.check = () => {
      throw new TypeError('broken on purpose');
    };
  });
  afterEach(() => {
    regionRule.check = original;
    if (savedStrict === undefined) delete process.env.ZENML_APPRUNNER_STRICT;
    else process.env.ZENML_APPRUNNER_STRICT = savedStrict;
  });

  void it('is strict only when ZENML_APPRUNNER_STRICT=1 says so (the test command sets it), never because a test runner runs', () => {
    assert.equal(strictRuleFailures(), true, 'npm test runs with ZENML_APPRUNNER_STRICT=1');
    assert.equal(strictRuleFailures({ ZENML_APPRUNNER_STRICT: '1' }), true);
    assert.equal(strictRuleFailures({ NODE_TEST_CONTEXT: 'child-v8' }), false, "a user's own node --test run is not strict");
    assert.equal(strictRuleFailures({}), false);
  });

  void it('fails validation under tests, naming the rule and keeping the cause', () => {
    assert.throws(
      () => validateText(BAD_REGION),
      (error: unknown) => error instanceof RuleFailureError && error.failure.rule === 'region' && error.cause instanceof TypeError,
    );
  });

  void it('outside tests: reported to onRuleFailure, the other findings kept', () => {
    process.env.ZENML_APPRUNNER_STRICT = '0';
    const failures: RuleFailure[] = [];
    const findings = validateText(BAD_REGION, { onRuleFailure: (failure) => failures.push(failure) });
    assert.deepEqual(
      failures.map((failure) => [failure.rule, (failure.error as Error).message]),
      [['region', 'broken on purpose']],
    );
    assert.deepEqual(
      findings.map((finding) => finding.code),
      ['resources.cpu-memory-pair'],
    );
  });
});
