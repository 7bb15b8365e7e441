import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validateText } from '../../common/src/language/validate';
import { REPO_ROOT } from '../support/lspSession';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const FIXTURES = path.join('test', 'fixtures', 'cli');
const fixture = (name: string): string => path.join(FIXTURES, name);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI from the repository root, so fixture paths print as given. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
  fixes: { title: string; edits: { range: unknown; newText: string }[] }[];
}

function parseJson(stdout: string): JsonFinding[] {
  const parsed: unknown = JSON.parse(stdout);
  assert.ok(Array.isArray(parsed), 'one JSON array');
  return parsed as JsonFinding[];
}

// Every test spawns its own process: run them side by side.
void describe('cli validate: exit codes', { concurrency: true }, () => {
  void it('exits 0 for a clean file and says so', async () => {
    const run = await cli('validate', fixture('valid.zenml.deployer.yaml'));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, 'no problems in 1 file\n');
    assert.equal(run.stderr, '');
  });

  void it('exits 0 when there are only warnings', async () => {
    const run = await cli('validate', fixture('warnings-only.zenml.deployer.yaml'), '--json');
    const findings = parseJson(run.stdout);
    assert.ok(findings.length > 0 && findings.every((finding) => finding.severity !== 'error'), run.stdout);
    assert.equal(run.code, 0);
  });

  void it('exits 1 when any file has an error', async () => {
    const run = await cli('validate', fixture('valid.zenml.deployer.yaml'), fixture('syntax-error.zenml.deployer.yaml'));
    assert.equal(run.code, 1, run.stderr);
  });

  const usage: [string, string[], RegExp][] = [
    ['no arguments', [], /Usage: zenml-apprunner <command>/],
    ['no files', ['validate'], /validate: no files given/],
    ['an unknown flag', ['validate', '--fix', fixture('valid.zenml.deployer.yaml')], /Unknown option '--fix'/],
    ['an unknown command', ['lint', 'x.yaml'], /unknown command 'lint'/],
  ];
  for (const [what, args, message] of usage) {
    void it(`exits 2 for ${what}`, async () => {
      const run = await cli(...args);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
    });
  }

  void it('exits 2 naming a file it cannot read, still checking the others', async () => {
    const missing = fixture('missing.zenml.deployer.yaml');
    const run = await cli('validate', missing, fixture('syntax-error.zenml.deployer.yaml'));
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `zenml-apprunner: cannot read ${missing}: no such file\n`);
    assert.match(run.stdout, /syntax-error\.zenml\.deployer\.yaml:\d+:\d+: error yaml\.syntax /);
  });

  void it('prints help with exit 0', async () => {
    const general = await cli('--help');
    assert.equal(general.code, 0);
    assert.match(general.stdout, /validate FILE\.\.\. \[--json\]/);
    const command = await cli('validate', '--help');
    assert.equal(command.code, 0);
    assert.match(command.stdout, /^Usage: zenml-apprunner validate FILE\.\.\. \[--json\]/);
  });
});

void describe('cli validate: output', { concurrency: true }, () => {
  void it('--json prints exactly the contract shape with zero-based positions', async () => {
    const file = fixture('syntax-error.zenml.deployer.yaml');
    const run = await cli('validate', '--json', file);
    assert.equal(run.code, 1, run.stderr);
    const findings = parseJson(run.stdout);
    const expected = validateText(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    assert.equal(findings.length, expected.length);
    findings.forEach((finding, index) => {
      assert.deepEqual(Object.keys(finding), ['file', 'range', 'severity', 'code', 'message', 'fixes']);
      assert.deepEqual(Object.keys(finding.range), ['start', 'end']);
      assert.deepEqual(Object.keys(finding.range.start), ['line', 'character']);
      assert.equal(finding.file, file);
      assert.deepEqual(finding.range, expected[index].range);
      assert.equal(finding.code, expected[index].code);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(finding.severity));
    });
    assert.ok(findings.some((finding) => finding.code === 'yaml.syntax' && finding.severity === 'error'));
  });

  void it('--json carries the fixes with their edits', async () => {
    const run = await cli('validate', fixture('fixable.zenml.deployer.yaml'), '--json');
    const spelling = parseJson(run.stdout).find((finding) => finding.code === 'memory.spelling');
    assert.ok(spelling, run.stdout);
    assert.equal(spelling.range.start.line, 10, 'zero-based line of `memory: 2G`');
    assert.ok(spelling.fixes.length > 0);
    for (const fix of spelling.fixes) {
      assert.deepEqual(Object.keys(fix), ['title', 'edits']);
      for (const edit of fix.edits) assert.deepEqual(Object.keys(edit), ['range', 'newText']);
    }
    assert.ok(spelling.fixes.some((fix) => fix.edits.some((edit) => edit.newText === '2GB')));
  });

  void it('--json prints an empty array for clean files', async () => {
    const run = await cli('validate', '--json', fixture('valid.zenml.deployer.yaml'));
    assert.equal(run.stdout.trim(), '[]');
    assert.equal(run.code, 0);
  });

  void it('prints compiler-style lines with 1-based positions and the fixes on offer', async () => {
    const file = fixture('fixable.zenml.deployer.yaml');
    const run = await cli('validate', file);
    assert.equal(run.code, 1, run.stderr);
    const findings = validateText(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
    const lines = run.stdout.trimEnd().split('\n');
    for (const finding of findings) {
      const head = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.code} ${finding.message}`;
      assert.ok(lines.includes(head), `missing line: ${head}\n${run.stdout}`);
      for (const fix of finding.fixes) assert.ok(lines.includes(`    fix: ${fix.title}`));
    }
    assert.match(lines[lines.length - 1], /^\d+ errors?(, .*)? in 1 file$/);
  });
});

void describe('cli validate: run configs and Python', { concurrency: true }, () => {
  const python = path.join('test', 'fixtures', 'python', 'weather_pipeline.py');
  const runConfig = path.join('test', 'fixtures', 'runconfig', 'problems.yaml');
  const kubernetes = path.join('test', 'fixtures', 'runconfig', 'lookalikes', 'k8s-deployment.yaml');

  void it('a Python pipeline: the CPU/memory pair with its Python fixes in the --json contract, exit 0 (a warning)', async () => {
    const run = await cli('validate', python, '--json');
    assert.equal(run.code, 0, run.stderr);
    const findings = parseJson(run.stdout);
    assert.deepEqual(findings.map((finding) => [finding.file, finding.code, finding.severity, finding.range]), [
      [python, 'resources.cpu-memory-pair', 'warning', { start: { line: 35, character: 22 }, end: { line: 35, character: 23 } }],
    ]);
    assert.deepEqual(findings[0].fixes[0].edits.map((edit) => edit.newText), ['2', '"6GB"']);
  });

  void it('a run config with errors exits 1, findings at the pipeline and a step', async () => {
    const run = await cli('validate', runConfig);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /problems\.yaml:5:13: error region\.unsupported /);
    assert.match(run.stdout, /problems\.yaml:18:17: error memory\.spelling /);
    assert.match(run.stdout, /\n4 errors, 2 warnings in 1 file\n$/);
  });

  void it('other YAML and modules without zenml are skipped with a note, not failed', async () => {
    const run = await cli('validate', kubernetes, python);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, `zenml-apprunner: skipped ${kubernetes}: neither a zenml.deployer.yaml nor a ZenML run configuration\n`);
    assert.match(run.stdout, /warning resources\.cpu-memory-pair/);
    assert.match(run.stdout, /1 warning in 1 file\n$/);
    const only = await cli('validate', kubernetes, '--json');
    assert.equal(only.code, 0);
    assert.deepEqual(parseJson(only.stdout), []);
    const text = await cli('validate', kubernetes);
    assert.equal(text.stdout, 'no file checked: 1 skipped\n');
  });
});


// The bundles check the schema with Ajv's code generated at build time (scripts/precompiledSchema.mjs);
// from source, Ajv compiles the same schema at run time. Both must find the same problems, word for word.
void describe('cli validate: the bundled, precompiled schema validator', () => {
  void it('finds what Ajv compiling at run time finds, in every deployer-file fixture', async () => {
    const files = ['cli', 'invalid', 'valid', 'fuzz'].flatMap((folder) =>
      readdirSync(path.join(REPO_ROOT, 'test', 'fixtures', folder))
        .filter((name) => name.endsWith('.zenml.deployer.yaml'))
        .map((name) => path.join('test', 'fixtures', folder, name)),
    );
    assert.ok(files.length >= 20, `found ${files.length} fixtures`);
    const run = await cli('validate', '--json', ...files);
    const bundled = parseJson(run.stdout);
    const fromSource = files.flatMap((file) => validateText(readFileSync(path.join(REPO_ROOT, file), 'utf8')).map((finding) => ({ file, finding })));
    assert.ok(fromSource.some(({ finding }) => finding.code.startsWith('schema.')), 'the fixtures exercise the schema');
    assert.deepEqual(
      bundled.map((finding) => [finding.file, finding.code, finding.message, finding.range]),
      fromSource.map(({ file, finding }) => [file, finding.code, finding.message, finding.range]),
    );
  });
});
