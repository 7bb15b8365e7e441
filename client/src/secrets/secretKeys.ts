// Where a stored value lives in VS Code's SecretStorage: one key per AWS target (profile or
// endpoint, or the Local Sandbox), region, deployment and name, so a value typed for the dev
// profile is never sent to prod or to another region. Keys are JSON, so names with a slash or any
// other character round-trip. No `vscode` import: tested on its own.

export interface SecretScope {
  /** `profile:<name>`, `endpoint:<url>`, `sandbox` or `default` (the SDK's credential chain). */
  target: string;
  region: string;
}

export interface SecretRef extends SecretScope {
  deployment: string;
  /** `${env:NAME}`'s NAME, or `auth key`. */
  name: string;
}

const PREFIX = 'zenmlAppRunner.secret:';

export function secretKey(ref: SecretRef): string {
  return `${PREFIX}${JSON.stringify([ref.target, ref.region, ref.deployment, ref.name])}`;
}

/** The ref a key was made from; undefined for keys of another shape (older versions, other features). */
export function parseSecretKey(key: string): SecretRef | undefined {
  if (!key.startsWith(PREFIX)) return undefined;
  try {
    const parts: unknown = JSON.parse(key.slice(PREFIX.length));
    if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((part) => typeof part === 'string')) return undefined;
    const [target, region, deployment, name] = parts;
    return { target, region, deployment, name };
  } catch {
    return undefined;
  }
}

export function scopeOf(target: { sandbox: boolean; profile?: string; endpoint?: string }, region: string): SecretScope & { label: string } {
  if (target.sandbox) return { target: 'sandbox', region, label: `the Local Sandbox (${region})` };
  if (target.endpoint !== undefined) return { target: `endpoint:${target.endpoint}`, region, label: `endpoint ${target.endpoint} in ${region}` };
  if (target.profile !== undefined) return { target: `profile:${target.profile}`, region, label: `profile ${target.profile} in ${region}` };
  return { target: 'default', region, label: `the default credentials in ${region}` };
}

/** How a stored value is named in Clear Stored Secrets. */
export function describeRef(ref: SecretRef): string {
  const where = ref.target === 'sandbox' ? 'Local Sandbox' : ref.target === 'default' ? 'default credentials' : ref.target.replace(':', ' ');
  return `${ref.deployment} · ${ref.name} (${where}, ${ref.region})`;
}
