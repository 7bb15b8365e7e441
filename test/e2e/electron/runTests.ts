// `npm run test:electron`: the companion's extension-host suite under @vscode/test-electron, for
// machines that can download VS Code from Microsoft (these CI machines cannot: there the same suite
// runs in code-server, see test/e2e/journeys/companion.e2e.test.ts). Not part of `npm test`.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..', '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'zenml-apprunner-electron-'));
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'e2e', 'companion', 'src', 'electron.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
