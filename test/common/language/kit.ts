// Helpers for the language-service tests: validate, pick findings, apply fixes and re-validate.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { yamlSource } from '../../../common/src/language/sources/sourceFile';
import { validateSource, validateText } from '../../../common/src/language/validate';
import type { Finding, Fix, Range, ValidationOptions } from '../../../common/src/language/types';
import { applyEdits } from '../../support/applyEdits';

/** The repository root, from `out/test/common/language/` where the tests run compiled. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export function fixtureText(...parts: string[]): string {
  return readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

export function fixtureNames(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder)).filter((name) => name.endsWith('.yaml')).sort();
}

/** The design's full example: valid, zero findings. */
export const DESIGN_EXAMPLE = fixtureText('valid', 'design-example.zenml.deployer.yaml');

/** Lines joined with \n plus a final newline: `yaml('a:', '  b: 1')`. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export function validate(text: string, options?: ValidationOptions): Finding[] {
  return validateText(text, options);
}

/** A YAML file that is not a deployer file, validated as the editor would (a run config when its content says so). */
export function validateRunConfig(text: string, options?: ValidationOptions): Finding[] {
  return validateSource(yamlSource(text), options);
}

export function codes(text: string): string[] {
  return validate(text).map((finding) => finding.code);
}

/** The only finding with `code`; fails when there are none or several. */
export function one(text: string, code: string): Finding {
  const found = validate(text).filter((finding) => finding.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length}: ${JSON.stringify(validate(text), null, 1)}`);
  return found[0];
}

export function none(text: string, code: string): void {
  const found = validate(text).filter((finding) => finding.code === code);
  assert.deepEqual(found, [], `expected no ${code}`);
}

/** A range on one line: `range(3, 4, 13)`. */
export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The range of the `occurrence`-th `needle` in the text (0 = first). */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} #${occurrence} is not in the text`);
  }
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return range(line, character, character + needle.length);
}

export function fixNamed(finding: Finding, title: string | RegExp): Fix {
  const fix = finding.fixes.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  assert.ok(fix, `no fix ${String(title)} among ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
  return fix;
}

export function preferred(finding: Finding): Fix {
  const fix = finding.fixes.find((candidate) => candidate.isPreferred);
  assert.ok(fix, `no preferred fix among ${JSON.stringify(finding.fixes.map((f) => f.title))}`);
  return fix;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** Applies the fix and asserts the result has no finding of `code` (and, by default, none at all). */
export function assertFixClears(text: string, fix: Fix, code: string, options: { allowOthers?: readonly string[] | true } = {}): string {
  const fixed = applyFix(text, fix);
  const after = validate(fixed);
  assert.deepEqual(after.filter((finding) => finding.code === code), [], `"${fix.title}" left ${code}:\n${fixed}`);
  if (options.allowOthers !== true) {
    const allowed = new Set(options.allowOthers ?? []);
    const others = after.filter((finding) => !allowed.has(finding.code));
    assert.deepEqual(others.map((f) => `${f.code}: ${f.message}`), [], `"${fix.title}" left other findings:\n${fixed}`);
  }
  return fixed;
}

/** Every fix of every finding applies cleanly (no overlap) and re-validates without that finding's code at that place. */
export function assertEveryFixApplies(text: string, check: (text: string) => Finding[] = validate): number {
  let count = 0;
  for (const finding of check(text)) {
    for (const fix of finding.fixes) {
      const fixed = applyFix(text, fix);
      const same = check(fixed).filter(
        (after) => after.code === finding.code && after.range.start.line === finding.range.start.line && after.message === finding.message,
      );
      assert.deepEqual(same, [], `"${fix.title}" did not clear ${finding.code}:\n${fixed}`);
      count++;
    }
  }
  return count;
}
