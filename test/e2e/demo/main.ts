// `npm run demo`: the extension in a real VS Code (code-server) against the local AWS emulator,
// on the sample workspace examples/. Prints one URL to open; Ctrl+C stops everything it started.
// Prerequisites and packaging happen in the npm script before this runs.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnEmulator } from '../../support/emulatorProcess';
import { assertPrerequisites, createProfile, startCodeServer } from '../support/codeServer';
import { EXTENSION_VSIX } from '../support/packaging';
import { E2E_CACHE, EXAMPLES_DIR } from '../support/paths';
import { stopAll, stopping, track } from '../support/processes';

const USAGE = 'usage: node out/test/e2e/demo/main.js [--port N (default 8765, 0 = any free port)] [--state FILE] [--profile DIR] [--workspace DIR]';

function options(): { port: number; state: string; profile: string; workspace: string } {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.ZENML_DEMO_PORT ?? '8765' },
      state: { type: 'string', default: join(E2E_CACHE, 'demo-state.json') },
      profile: { type: 'string', default: join(E2E_CACHE, 'demo-profile') },
      workspace: { type: 'string', default: EXAMPLES_DIR },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number (0..65535). ${USAGE}`);
  return { port, state: values.state, profile: values.profile, workspace: values.workspace };
}

function say(message: string): void {
  process.stderr.write(`demo: ${message}\n`);
}

async function main(): Promise<void> {
  const { port, state, profile: profileDir, workspace } = options();
  assertPrerequisites();
  const emulator = await spawnEmulator(['--state', state, '--seed', 'samples', '--app-log-interval-ms', '5000']);
  track({ label: `emulator (pid ${String(emulator.child.pid)})`, stop: async () => void (await emulator.stop()) });
  say(`emulator on ${emulator.url} with the sample account (state in ${state})`);
  // A fresh profile each time, so the newest .vsix is the one installed.
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const profile = createProfile(profileDir, [EXTENSION_VSIX], { 'zenmlAppRunner.endpoint': emulator.url, 'zenmlAppRunner.regions': ['us-east-1', 'eu-west-1'] });
  // The emulator's default credentials for the extension host; no AWS account is involved.
  const env = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_EC2_METADATA_DISABLED: 'true' };
  const codeServer = await startCodeServer(profile, workspace, { trusted: true, port, env }).catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(/EADDRINUSE/.test(text) ? `port ${port} is in use: stop what uses it or pick another with --port N (or ZENML_DEMO_PORT)` : text);
  });
  say(`code-server pid ${codeServer.process.pid}, emulator pid ${String(emulator.child.pid)}; Ctrl+C stops both`);
  console.log(codeServer.url);
  // Runs until SIGINT/SIGTERM (processes.ts stops everything) or until code-server dies.
  const how = await codeServer.process.exited;
  if (stopping()) return;
  throw new Error(`code-server exited (${how}):\n${codeServer.process.output().slice(-2000)}`);
}

main().catch(async (error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  await stopAll();
  process.exit(1);
});
