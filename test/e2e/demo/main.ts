// `npm run demo` (scripts/demo.mjs builds and packages, then runs this): the packaged extension in
// a real VS Code (code-server) on the sample workspace examples/, with its own Local Sandbox: the
// setting zenmlAppRunner.sandbox.startAutomatically starts it when the extension activates, and
// the URL opens zenml.deployer.yaml, which activates it. So the status bar says Local Sandbox,
// and Start/Stop Local Sandbox act on what the user sees. Prints one URL on stdout; on stderr,
// briefly, what the sandbox does (read from the extension's log) and "demo: stopped" after Ctrl+C.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { assertPrerequisites, createProfile, startCodeServer } from '../support/codeServer';
import { EXTENSION_VSIX } from '../support/packaging';
import { E2E_CACHE, EXAMPLES_DIR } from '../support/paths';
import { afterStopBySignal, stopAll, stopping, track } from '../support/processes';
import { followSandbox } from './sandboxReport';

const USAGE = 'usage: node out/test/e2e/demo/main.js [--port N (default 8765, 0 = any free port)] [--profile DIR] [--workspace DIR]';
/** The file the workbench opens first: opening it activates the extension, and with it the sandbox. */
const FIRST_FILE = 'zenml.deployer.yaml';

function options(): { port: number; profile: string; workspace: string } {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.ZENML_DEMO_PORT ?? '8765' },
      profile: { type: 'string', default: join(E2E_CACHE, 'demo-profile') },
      workspace: { type: 'string', default: EXAMPLES_DIR },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number (0..65535). ${USAGE}`);
  return { port, profile: values.profile, workspace: values.workspace };
}

function say(message: string): void {
  process.stderr.write(`demo: ${message}\n`);
}

/**
 * The workspace URL plus a payload the workbench reads at start (`openFile`, as VS Code's own
 * "open in new window" passes it). The file's authority is the page's host, as the workspace
 * folder's is: with another, the editor would not count as the workspace's file.
 */
function demoUrl(workspaceUrl: string, workspace: string): string {
  const file = `vscode-remote://${new URL(workspaceUrl).host}${pathToFileURL(join(workspace, FIRST_FILE)).pathname}`;
  return `${workspaceUrl}&payload=${encodeURIComponent(JSON.stringify([['openFile', file]]))}`;
}

/**
 * The extension host's environment: none of the user's AWS credentials, profile or config. While
 * the sandbox runs it has its own; after Stop Local Sandbox the Deployments view shows what a user
 * without credentials sees instead of reaching a real account. (spawn leaves out undefined values.)
 */
function demoEnv(profileDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(profileDir, 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(profileDir, 'no-aws-credentials') };
  for (const name of Object.keys(process.env)) if (/^AWS_/.test(name) && !(name in env)) env[name] = undefined;
  return env;
}

async function main(): Promise<void> {
  const { port, profile: profileDir, workspace } = options();
  assertPrerequisites();
  afterStopBySignal(() => say('stopped'));
  // A fresh profile each time: the newest .vsix is the one installed, and the sandbox (its state in
  // the extension's global storage, inside the profile) starts from the sample account.
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const profile = createProfile(profileDir, [EXTENSION_VSIX], { 'zenmlAppRunner.sandbox.startAutomatically': true, 'workbench.startupEditor': 'none' });
  const codeServer = await startCodeServer(profile, workspace, { trusted: true, port, env: demoEnv(profileDir) }).catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    throw new Error(/EADDRINUSE/.test(text) ? `port ${port} is in use: stop what uses it or pick another with --port N (or ZENML_DEMO_PORT)` : text);
  });
  const sandbox = followSandbox(profile, say);
  track({ label: 'the sandbox report', stop: () => Promise.resolve(sandbox.stop()) });
  say(`VS Code (code-server, pid ${codeServer.process.pid}) is ready: open the URL below; the Local Sandbox starts with it. Ctrl+C stops the demo.`);
  console.log(demoUrl(codeServer.url, workspace));
  // Runs until SIGINT/SIGTERM (processes.ts stops everything) or until code-server dies.
  const how = await codeServer.process.exited;
  if (stopping()) return;
  throw new Error(`code-server exited (${how}):\n${codeServer.process.output().slice(-2000)}`);
}

main().catch(async (error: unknown) => {
  say(error instanceof Error ? error.message : String(error));
  await stopAll();
  say('stopped');
  process.exit(1);
});
