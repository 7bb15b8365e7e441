// Which open documents the server treats as deployer files. The client's document selector
// already restricts what it sends; this also covers generic clients that send every YAML file.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEPLOYER_LANGUAGE_ID } from '../../../common/src/product';


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
