// "Did you mean …?" for unknown keys and values: aliases people write for ZenML's settings,
// spelling variants (camelCase, dashes, case), unique prefixes, and small typos (edit distance
// with transpositions).

/** Names people use for a setting, mapped to the key ZenML expects. */
const ALIASES: Readonly<Record<string, string>> = {
  cpu: 'cpu_count',
  cpus: 'cpu_count',
  vcpu: 'cpu_count',
  vcpus: 'cpu_count',
  num_cpus: 'cpu_count',
  cpu_limit: 'cpu_count',
  mem: 'memory',
  ram: 'memory',
  memory_gb: 'memory',
  memory_limit: 'memory',
  memory_size: 'memory',
  gpu: 'gpu_count',
  gpus: 'gpu_count',
  min: 'min_replicas',
  min_instances: 'min_replicas',
  min_size: 'min_replicas',
  replicas: 'min_replicas',
  max: 'max_replicas',
  max_instances: 'max_replicas',
  max_size: 'max_replicas',
  concurrency: 'max_concurrency',
  env: 'environment_variables',
  envs: 'environment_variables',
  env_vars: 'environment_variables',
  environment: 'environment_variables',
  variables: 'environment_variables',
  secret: 'secrets',
  role: 'instance_role_arn',
  instance_role: 'instance_role_arn',
  role_arn: 'instance_role_arn',
  access_role: 'access_role_arn',
  ecr_role: 'access_role_arn',
  kms_key: 'encryption_kms_key',
  kms_key_arn: 'encryption_kms_key',
  protocol: 'health_check_protocol',
  health_check: 'health_check_protocol',
  public: 'is_publicly_accessible',
  publicly_accessible: 'is_publicly_accessible',
  image_uri: 'image',
  image_url: 'image',
  container_image: 'image',
  deployment_name: 'name',
  service_name: 'name',
  health_check_path: 'health_path',
  container_port: 'port',
  command: 'start_command',
  aws_region: 'region',
  timeout: 'lcm_timeout',
  tag: 'tags',
  labels: 'tags',
  deployer_aws: 'deployer.aws',
  resource: 'resources',
};

/** `cpuCount`, `CPU-Count`, `cpu count` → `cpu_count`. */
export function normalizeKey(text: string): string {
  return text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Edit distance counting an adjacent transposition as one edit (`memroy` → `memory` is 1). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    rows.push(row);
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/** How many edits a word of this length may be off by and still count as a typo. */
function budget(length: number): number {
  return length <= 3 ? 1 : length <= 6 ? 2 : 3;
}

/**
 * The candidate the user most likely meant by `text`, or `undefined`: an exact match after
 * normalising case and separators, then a known alias, then a unique candidate that starts with
 * the text (3+ characters), then the closest candidate within a small edit distance.
 */
export function didYouMean(text: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || text.length === 0 || text.length > 200) return undefined;
  const normalized = normalizeKey(text);
  const byNormal = candidates.find((candidate) => normalizeKey(candidate) === normalized);
  if (byNormal !== undefined) return byNormal;
  const alias = ALIASES[normalized];
  if (alias !== undefined && candidates.includes(alias)) return alias;
  if (normalized.length >= 3) {
    const prefixed = candidates.filter((candidate) => normalizeKey(candidate).startsWith(normalized));
    if (prefixed.length === 1) return prefixed[0];
  }
  const limit = budget(normalized.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(normalized, normalizeKey(candidate), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether `text` names `candidate` exactly up to case/separators or through a known alias. */
export function isAliasOf(text: string, candidate: string): boolean {
  const normalized = normalizeKey(text);
  return normalized === normalizeKey(candidate) || ALIASES[normalized] === candidate;
}

/** Up to `limit` candidates within a small edit distance of `text`, closest first. */
export function closeMatches(text: string, candidates: readonly string[], limit = 3): string[] {
  const normalized = normalizeKey(text);
  const maxDistance = budget(normalized.length);
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: editDistance(normalized, normalizeKey(candidate), maxDistance) }))
    .filter((item) => item.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, limit)
    .map((item) => item.candidate);
}
