import { resolve } from 'node:path';

/** The checkout's root, from the compiled `out/test/support/`. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
