// Which open documents the server reads, and as what. The client's document selector sends
// deployer files, YAML and Python; generic clients may send anything. Whether a YAML file is a
// ZenML run configuration, or a Python module uses ZenML, is decided from its content (in
// common/src/language/sources), never here from its name.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEPLOYER_LANGUAGE_ID } from '../../../common/src/product';

/** `deployer`: always ours. `yaml`/`python`: ours when the content says so. */
export type DocumentKind = 'deployer' | 'yaml' | 'python';

const FILE_NAME = /(^|[/\\.])zenml\.deployer\.yaml$/;
/** `# yaml-language-server: $schema=<...>/zenml.deployer.schema.json` within the first lines. */
const MODELINE = /^#\s*yaml-language-server\s*:\s*\$schema=\S*zenml\.deployer\.schema\.json\s*$/m;
const MODELINE_SCAN_CHARS = 2_000;

export function isDeployerDocument(document: TextDocument): boolean {
  if (document.languageId === DEPLOYER_LANGUAGE_ID) return true;
  const path = decodeURIComponent(document.uri.replace(/[?#].*$/, ''));
  if (FILE_NAME.test(path.slice(path.lastIndexOf('/') + 1))) return true;
  return MODELINE.test(document.getText().slice(0, MODELINE_SCAN_CHARS));
}

export function documentKind(document: TextDocument): DocumentKind | undefined {
  if (isDeployerDocument(document)) return 'deployer';
  if (document.languageId === 'python') return 'python';
  if (document.languageId === 'yaml') return 'yaml';
  return undefined;
}
