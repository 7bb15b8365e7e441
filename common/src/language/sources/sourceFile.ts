// A file as the language service sees it: which source it is (a zenml.deployer.yaml, a ZenML run
// configuration, a Python module, or none of ours) and its scopes of settings. Every feature
// (diagnostics, fixes, hover, completion, inlay hints) takes one; the server builds it once per
// document version.
import { parseDeployerFile, type ParsedFile } from '../deployerDocument';
import type { ParsedText } from '../python/pythonParser';
import type { SettingsTree, SourceKind } from '../settingsTree';
import { SourceText } from '../sourceText';
import { mayBeRunConfig, runConfigScopes } from './runConfigSource';

export interface SourceFile {
  /** `other`: not one of ours (a Kubernetes manifest, a CI workflow, a module without zenml): no findings. */
  kind: SourceKind | 'other';
  source: SourceText;
  /** For deployer files, the YAML parse the deployer-file features read. */
  deployer?: ParsedFile;
  /** For run configs, their YAML parse (completion reads its lines). */
  yaml?: ParsedFile;
  /** For Python, its parse (completion reads the imports from it and parses the line being typed incrementally from it). */
  python?: ParsedText;
  /** The scopes of settings the rules check, in text order. */
  scopes: readonly SettingsTree[];
}

export function deployerSource(input: string | ParsedFile): SourceFile {
  const deployer = typeof input === 'string' ? parseDeployerFile(input) : input;
  return { kind: 'deployer', source: deployer.source, deployer, scopes: deployer.documents };
}

/** YAML that is not a deployer file: a run config when its content says so, else nothing of ours. */
export function yamlSource(text: string): SourceFile {
  if (!mayBeRunConfig(text)) return otherSource(text);
  const parsed = parseDeployerFile(text);
  const scopes = runConfigScopes(parsed);
  return scopes.length > 0 ? { kind: 'run-config', source: parsed.source, yaml: parsed, scopes } : { kind: 'other', source: parsed.source, scopes: [] };
}

export function otherSource(text: string): SourceFile {
  return { kind: 'other', source: new SourceText(text), scopes: [] };
}
