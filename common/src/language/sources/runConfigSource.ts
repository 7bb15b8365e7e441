// ZenML run-configuration YAML (`zenml pipeline deploy … --config deploy.yaml`,
// `with_options(config_path=…)`): recognised by its content, never by its name, and only when
// confident, because a false warning in a Kubernetes manifest or a CI workflow would be worse than
// none. Its scopes are the pipeline's `settings` and each `steps.<name>.settings`; each is a view
// of the real YAML nodes in the deployer-file layout, so the rules and the YAML editor run on it
// unchanged. Only `deployer` / `deployer.aws` / `resources` are read; the rest is ZenML's.
import { isMap, isScalar, YAMLMap, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { knownKeys } from '../../domain/schemaFacts';
import { DEPLOYER_BLOCK_KEYS } from '../../domain/settingsModel';
import { DeployerDocument, type ParsedFile } from '../deployerDocument';
import { plainNode } from '../plainData';
import type { SourceKind } from '../settingsTree';
import type { SourceText } from '../sourceText';
import type { Range } from '../types';

/** The fields of ZenML's `PipelineRunConfiguration` (0.98): a run config has no other top-level key. */
export const RUN_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'run_name', 'enable_cache', 'enable_artifact_metadata', 'enable_artifact_visualization', 'enable_step_logs',
  'enable_pipeline_logs', 'schedule', 'build', 'steps', 'settings', 'environment', 'secrets', 'tags', 'extra', 'model',
  'parameters', 'retry', 'failure_hook_source', 'init_hook_source', 'init_hook_kwargs', 'cleanup_hook_source',
  'success_hook_source', 'substitutions', 'cache_policy', 'execution_mode',
]);

/** Top-level keys no other kind of YAML file is likely to have. */
const ZENML_ONLY_KEYS: ReadonlySet<string> = new Set([
  'run_name', 'enable_cache', 'enable_artifact_metadata', 'enable_artifact_visualization', 'enable_step_logs',
  'enable_pipeline_logs', 'schedule', 'build', 'steps', 'retry', 'failure_hook_source', 'init_hook_source', 'init_hook_kwargs',
  'cleanup_hook_source', 'success_hook_source', 'substitutions', 'cache_policy', 'execution_mode',
]);

/** ZenML's settings keys: `docker`, `resources`, `deployment`, or a stack component type with an optional flavor. */
const SETTINGS_KEY =
  /^(?:docker|resources|deployment|(?:orchestrator|step_operator|experiment_tracker|model_deployer|artifact_store|container_registry|alerter|annotator|data_validator|feature_store|image_builder|model_registry|deployer|log_store)(?:\.[A-Za-z0-9_-]+)?)$/;
/** Settings keys other YAML files use too: alone they prove nothing. */
const GENERIC_SETTINGS_KEYS: ReadonlySet<string> = new Set(['resources', 'deployment']);

/** The settings blocks this extension checks. */
export const CHECKED_BLOCKS: readonly string[] = [...DEPLOYER_BLOCK_KEYS, 'resources'];

/** One scope of a run config (the pipeline's settings or a step's) in the deployer-file layout. */
export class RunConfigScope extends DeployerDocument {
  override readonly kind: SourceKind = 'run-config';
  private readonly view: YAMLMap;

  constructor(
    source: SourceText,
    yaml: Document.Parsed,
    index: number,
    private readonly settings: Pair<Scalar, YAMLMap>,
    /** `[]` for the pipeline, `['steps', name]` for a step: where the scope sits in the file. */
    readonly prefix: readonly string[],
  ) {
    super(source, yaml, index);
    // A map holding the real `settings` entry: paths read `settings.resources.…` as in a deployer file.
    this.view = new YAMLMap();
    this.view.items.push(settings);
    const start = settings.key.range?.[0] ?? 0;
    const end = settings.value?.range?.[2] ?? start;
    this.view.range = [start, end, end];
  }

  protected override get contents(): Node | null {
    return this.view;
  }

  protected override readValue(): unknown {
    const blocks: Record<string, unknown> = {};
    for (const pair of this.settings.value?.items ?? []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !CHECKED_BLOCKS.includes(key)) continue;
      const node = pair.value as Node | null;
      blocks[key] = (plainNode(node) ?? { value: node?.toJS(this.yaml, { maxAliasCount: 1000 }) }).value;
    }
    return { settings: blocks };
  }

  override anchor(): Range {
    return this.rangeOfKey({ path: ['settings'], key: this.settings.key, value: this.settings.value });
  }

  override wholeRange(): Range {
    const [start, , end] = this.view.range ?? [0, 0, 0];
    return this.source.range(start, end);
  }
}

function stringKey(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** A `settings:` entry whose keys are all ZenML settings keys. */
function settingsEntry(map: YAMLMap): Pair<Scalar, YAMLMap> | undefined {
  const pair = map.items.find((item) => stringKey(item) === 'settings');
  if (!pair || !isMap(pair.value)) return undefined;
  const keys = pair.value.items.map(stringKey);
  if (keys.some((key) => key === undefined || !SETTINGS_KEY.test(key))) return undefined;
  return pair as Pair<Scalar, YAMLMap>;
}

/** True when some checked block of these settings has a key ZenML's settings class knows. */
function hasKnownSetting(settings: YAMLMap): boolean {
  for (const pair of settings.items) {
    const key = stringKey(pair);
    if (key === undefined || !CHECKED_BLOCKS.includes(key) || !isMap(pair.value)) continue;
    const known = knownKeys(['settings', key === 'resources' ? 'resources' : 'deployer']);
    if (pair.value.items.some((item) => known.includes(stringKey(item) ?? ''))) return true;
  }
  return false;
}

interface Candidate {
  settings: Pair<Scalar, YAMLMap>;
  prefix: string[];
}

/**
 * The scopes of a document if it is a ZenML run configuration, else `undefined`. Confident only
 * when every top-level key is a `PipelineRunConfiguration` field, every settings key is a ZenML
 * settings key, and something says ZenML: a key only ZenML uses (`enable_cache`, `steps`,
 * `docker`, `deployer.aws`, …) or a setting ZenML's classes know (`cpu_count`, `region`, …).
 */
function candidatesOf(yaml: Document.Parsed): Candidate[] | undefined {
  const root = yaml.contents;
  if (!isMap(root) || root.items.length === 0) return undefined;
  const topKeys = root.items.map(stringKey);
  if (topKeys.some((key) => key === undefined || !RUN_CONFIG_KEYS.has(key))) return undefined;
  const candidates: Candidate[] = [];
  let zenmlSpecific = topKeys.some((key) => ZENML_ONLY_KEYS.has(key ?? ''));
  const consider = (map: YAMLMap, prefix: string[]): boolean => {
    const hasKey = map.items.some((item) => stringKey(item) === 'settings');
    const settings = settingsEntry(map);
    if (hasKey && !settings) return false;
    if (!settings) return true;
    candidates.push({ settings, prefix });
    const blocks = settings.value as YAMLMap;
    const keys = blocks.items.map(stringKey);
    if (keys.some((key) => !GENERIC_SETTINGS_KEYS.has(key ?? '')) || hasKnownSetting(blocks)) zenmlSpecific = true;
    return true;
  };
  if (!consider(root, [])) return undefined;
  const steps = root.items.find((item) => stringKey(item) === 'steps')?.value;
  if (steps !== undefined && steps !== null) {
    if (!isMap(steps)) return undefined;
    for (const step of steps.items) {
      const name = stringKey(step);
      if (name === undefined) return undefined;
      if (isMap(step.value) && !consider(step.value, ['steps', name])) return undefined;
    }
  }
  return zenmlSpecific ? candidates : undefined;
}

/** True when any document of the file is a ZenML run configuration. */
export function isRunConfig(file: ParsedFile): boolean {
  return file.documents.some((doc) => !hasStructuralError(doc.yaml) && candidatesOf(doc.yaml) !== undefined);
}

/** The scopes of every run-config document of the file (none for any other YAML). */
export function runConfigScopes(file: ParsedFile): RunConfigScope[] {
  const scopes: RunConfigScope[] = [];
  for (const doc of file.documents) {
    if (hasStructuralError(doc.yaml)) continue;
    for (const candidate of candidatesOf(doc.yaml) ?? []) {
      scopes.push(new RunConfigScope(file.source, doc.yaml, scopes.length, candidate.settings, candidate.prefix));
    }
  }
  return scopes;
}

/** A document with a syntax error has a guessed structure: nothing is said about it. */
function hasStructuralError(yaml: Document.Parsed): boolean {
  return yaml.errors.some((error) => error.code !== 'DUPLICATE_KEY');
}

/** A cheap look at the text before parsing: a run config has `settings:` or `steps:` at the start of a line. */
export function mayBeRunConfig(text: string): boolean {
  return /^(?:settings|steps)[ \t]*:/m.test(text);
}
