// The seed files the fuzzers mutate: every YAML file under test/fixtures/ (the fuzz seeds in
// test/fixtures/fuzz/ included) plus the benchmark's generated files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brokenDeployerText, largeDeployerText, typicalDeployerText } from '../../bench/support/fixtures';
import { REPO_ROOT } from '../../bench/support/servers';

export interface Seed {
  name: string;
  text: string;
}

function yamlFilesUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yamlFilesUnder(path, out);
    else if (/\.ya?ml$/.test(entry)) out.push(path);
  }
  return out;
}

/** Files above this size are skipped: thousands of mutations of them would not fit the time budget. */
const MAX_SEED_BYTES = 64 * 1024;

export function loadSeeds(): Seed[] {
  const fixtures = join(REPO_ROOT, 'test', 'fixtures');
  const seeds: Seed[] = [];
  for (const path of yamlFilesUnder(fixtures)) {
    if (statSync(path).size > MAX_SEED_BYTES) continue;
    seeds.push({ name: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') });
  }
  seeds.push(
    { name: 'bench:typical', text: typicalDeployerText(0) },
    { name: 'bench:broken', text: brokenDeployerText() },
    { name: 'bench:large(300 lines)', text: largeDeployerText(1, 300) },
  );
  return seeds;
}
