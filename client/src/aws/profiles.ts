// The profile names of the shared AWS files (`~/.aws/config` sections `[profile x]` and
// `[default]`, `~/.aws/credentials` sections `[x]`), honouring AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE like the SDK. Only names are read, never keys.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Section names of an INI text; `profile ` prefixes dropped, `sso-session`/`services` sections skipped. */
export function profileNamesIn(text: string, isConfigFile: boolean): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/^\s*\[([^\]]+)\]\s*$/gm)) {
    const section = match[1].trim();
    if (!isConfigFile) names.push(section);
    else if (section === 'default') names.push(section);
    else if (section.startsWith('profile ')) names.push(section.slice('profile '.length).trim());
  }
  return names;
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const home = homedir();
  const config = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  const names = [...profileNamesIn(await readOrEmpty(config), true), ...profileNamesIn(await readOrEmpty(credentials), false)];
  return [...new Set(names)].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}
