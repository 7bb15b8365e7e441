// What `validate` makes of a file, by its name and content, the way the editor does:
// - `zenml.deployer.yaml`, `*.zenml.deployer.yaml`, or a YAML file opting in with the schema
//   modeline: a deployer file;
// - `.py`: a Python module, checked when it uses ZenML;
// - other `.yaml`/`.yml`: a ZenML run configuration when its content says so; else, if it has a
//   top-level `deployment` block, a deployer file under another name (as before);
// - anything else: a deployer file (as before).
// A file that is none of ours is skipped with a note: CI can pass a whole folder's YAML.
import { parseDocument } from 'yaml';
import { pythonSource } from '../../common/src/language/python/pythonSource';
import { deployerSource, yamlSource, type SourceFile } from '../../common/src/language/sources/sourceFile';

const DEPLOYER_NAME = /(^|[/\\.])zenml\.deployer\.yaml$/;
const MODELINE = /^#\s*yaml-language-server\s*:\s*\$schema=\S*zenml\.deployer\.schema\.json\s*$/m;

export type FileSource = { file: SourceFile } | { skipped: string };

export function sourceOfFile(path: string, text: string): FileSource {
  if (DEPLOYER_NAME.test(path) || MODELINE.test(text.slice(0, 2_000))) return { file: deployerSource(text) };
  if (/\.py$/i.test(path)) {
    const file = pythonSource(text);
    return file.kind === 'python' ? { file } : { skipped: 'a Python module that does not import zenml' };
  }
  if (/\.ya?ml$/i.test(path)) {
    const file = yamlSource(text);
    if (file.kind === 'run-config') return { file };
    if (hasDeploymentBlock(text)) return { file: deployerSource(text) };
    return { skipped: 'neither a zenml.deployer.yaml nor a ZenML run configuration' };
  }
  return { file: deployerSource(text) };
}

function hasDeploymentBlock(text: string): boolean {
  try {
    const contents = parseDocument(text, { logLevel: 'silent' }).contents;
    return contents !== null && 'has' in contents && typeof contents.has === 'function' && contents.has('deployment') === true;
  } catch {
    return false;
  }
}
