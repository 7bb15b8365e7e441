import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEPLOYER_LANGUAGE_ID, LANGUAGE_SERVER_NAME, SETTINGS_SECTION } from '../../common/src/product';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  activationEvents: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  contributes: { languages: { id: string; filenames: string[]; filenamePatterns: string[] }[] };
};

void test('targets VS Code 1.100 so the extension runs in the code-server we can test with', () => {
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.match(manifest.devDependencies['@types/vscode'], /^~?1\.100\./);
});

void test('the AWS SDK clients are at one exact version, so they share one copy of the SDK core in each bundle', () => {
  const sdk = Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@aws-sdk/'));
  assert.ok(sdk.length >= 3, JSON.stringify(sdk));
  assert.equal(new Set(sdk.map(([, version]) => version)).size, 1, `one version for ${JSON.stringify(sdk)}`);
  assert.match(sdk[0][1], /^\d+\.\d+\.\d+$/, 'an exact version, so the clients cannot drift apart');
});

void test('the CLI installs on its own: bin zenml-apprunner, and npm pack carries the bundle and its reference (docs/cli.md)', () => {
  assert.deepEqual((manifest as unknown as { bin: Record<string, string> }).bin, { 'zenml-apprunner': 'dist/cli.js' });
  assert.match(readFileSync(join(root, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8' })) as { files: { path: string }[] }[];
  assert.deepEqual(packed[0].files.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'docs/cli.md', 'package.json']);
});

void test('activates for deployer files, YAML and Python (checked when their content is ZenML\'s), never on startup', () => {
  assert.ok(!manifest.activationEvents.includes('*'));
  assert.ok(!manifest.activationEvents.includes('onStartupFinished'));
  assert.deepEqual(manifest.activationEvents, [`onLanguage:${DEPLOYER_LANGUAGE_ID}`, 'onLanguage:python', 'onLanguage:yaml']);
  const language = manifest.contributes.languages.find((l) => l.id === DEPLOYER_LANGUAGE_ID);
  assert.deepEqual(language?.filenames, ['zenml.deployer.yaml']);
  assert.deepEqual(language?.filenamePatterns, ['*.zenml.deployer.yaml']);
});

void test('the .vsix carries only what the extension runs: its bundles and their chunks (the emulator runs the Local Sandbox), schemas, media, README, CHANGELOG and the manifest (not docs/)', () => {
  const listing = execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
    cwd: root,
    encoding: 'utf8',
  });
  const files = listing.split('\n').map((line) => line.trim()).filter(Boolean);
  const allowed = /^(dist\/(chunks\/)?[^/]+\.(js|css)|schemas\/.+|media\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/;
  const unexpected = files.filter((file) => !allowed.test(file));
  assert.deepEqual(unexpected, []);
  for (const bundle of ['extension', 'server', 'emulator']) {
    assert.ok(files.includes(`dist/${bundle}.js`), `dist/${bundle}.js missing from the package`);
  }
  const chunks = readdirSync(join(root, 'dist', 'chunks')).filter((name) => name.endsWith('.js'));
  assert.deepEqual(files.filter((file) => file.startsWith('dist/chunks/')).sort(), chunks.map((name) => `dist/chunks/${name}`).sort(), 'every chunk ships, and no other');
  assert.ok(!files.includes('dist/cli.js'), 'dist/cli.js is not for the extension (npm pack ships it)');
  assert.ok(files.includes('schemas/zenml.deployer.schema.json'));
  // The walkthrough's pages ship; the README's screenshots and the dashboard's sources do not.
  assert.deepEqual(files.filter((file) => file.startsWith('media/') && file.includes('/', 'media/'.length)).sort(), walkthroughMedia().sort());
});

// The size budget of issue 16. Deterministic (the built files, zipped), so a change that grows
// the package past it fails here rather than in a figure nobody reads.
void test('the packaged .vsix is at most 512 KiB', () => {
  const folder = mkdtempSync(join(tmpdir(), 'zenml-vsix-'));
  try {
    const vsix = join(folder, 'budget.vsix');
    execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, stdio: 'ignore' });
    const kib = statSync(vsix).size / 1024;
    assert.ok(kib <= 512, `the .vsix is ${kib.toFixed(1)} KiB: over the 512 KiB budget (docs/performance.md says what it carries)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

interface Walkthrough {
  id: string;
  steps: { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[];
}

const walkthroughs = (): Walkthrough[] => (manifest.contributes as unknown as { walkthroughs: Walkthrough[] }).walkthroughs;
const walkthroughMedia = (): string[] => walkthroughs().flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown ?? step.media.image ?? ''));

void test('the walkthrough: each step has its page in media/walkthrough/, a button running one of our commands (or the workbench\'s), and completion events', () => {
  const commands = new Set((manifest.contributes as unknown as { commands: { command: string }[] }).commands.map((entry) => entry.command));
  const [walkthrough] = walkthroughs();
  assert.equal(walkthrough.id, 'gettingStarted');
  assert.deepEqual(walkthrough.steps.map((step) => step.id), ['settingsFile', 'fixProblem', 'startSandbox', 'deploy', 'showLogs', 'invoke', 'delete']);
  for (const step of walkthrough.steps) {
    assert.match(step.media.markdown ?? '', /^media\/walkthrough\/[a-z-]+\.md$/, step.id);
    assert.ok(existsSync(join(root, step.media.markdown ?? '')), `${step.id}: ${step.media.markdown} is missing`);
    const buttons = [...step.description.matchAll(/\]\(command:([\w.]+)/g)].map((match) => match[1]);
    assert.ok(buttons.length > 0, `${step.id} has no button`);
    for (const command of buttons) assert.ok(commands.has(command) || /^(workbench\.|zenmlAppRunner\.deployments\.focus$)/.test(command), `${step.id}: ${command} is not a command`);
    assert.ok((step.completionEvents ?? []).length > 0, `${step.id} never ticks off`);
    for (const event of step.completionEvents ?? []) {
      const command = /^onCommand:(zenmlAppRunner\..+)$/.exec(event)?.[1];
      if (command) assert.ok(commands.has(command), `${step.id}: ${event} names no command of ours`);
    }
  }
});

void test("the manifest's names are the product's (common/src/product.ts)", () => {
  const settings = (manifest.contributes as unknown as { configuration: { properties: Record<string, { enum?: string[]; markdownDescription?: string }> } }).configuration
    .properties;
  assert.ok(manifest.contributes.languages.some((l) => l.id === DEPLOYER_LANGUAGE_ID));
  for (const key of Object.keys(settings)) assert.ok(key.startsWith(`${SETTINGS_SECTION}.`), key);
  // vscode-languageclient 11 traces only while the channel's log level is Trace: `off` would do nothing.
  const trace = settings[`${SETTINGS_SECTION}.trace.server`];
  assert.deepEqual(trace.enum, ['messages', 'verbose']);
  assert.ok(trace.markdownDescription?.includes(`*${LANGUAGE_SERVER_NAME}* output channel`));
  assert.ok(trace.markdownDescription?.includes('Developer: Set Log Level'));
});
