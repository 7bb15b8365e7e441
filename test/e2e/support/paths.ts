// Where the real-VS-Code tests find their tools and leave their traces.
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');
export const E2E_CACHE = join(REPO_ROOT, '.e2e-cache');
export const CODE_SERVER_BIN = join(E2E_CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';
export const PREREQUISITES_SCRIPT = join(REPO_ROOT, 'scripts', 'e2e-prerequisites.mjs');
/** Per-run profiles (user data, extensions, workspace copies): test-output/runs/<run>/. */
export const RUNS_DIR = join(REPO_ROOT, 'test-output', 'runs');
/** Per-journey screenshots and, after a failure, logs: test-output/e2e/<journey>/. */
export const JOURNEYS_DIR = join(REPO_ROOT, 'test-output', 'e2e');
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
export const EXTENSION_ID = 'zenml-apprunner-team.zenml-apprunner';
export const LANGUAGE_CHANNEL = 'ZenML Deployer Language Server';
/** The extension's own log channel ("ZenML App Runner"). */
export const PRODUCT_CHANNEL = 'ZenML App Runner';
/** The tests' network guard (compiled), preloaded into code-server's processes by the journeys. */
export const LOOPBACK_ONLY = join(REPO_ROOT, 'out', 'test', 'support', 'loopbackOnly.js');
