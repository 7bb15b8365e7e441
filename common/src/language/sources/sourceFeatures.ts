// The editor features for a file of any source, each given to the source's own implementation:
// deployer files and run configs complete YAML by indentation, Python by the brackets around the
// cursor; hover and inlay hints read the scopes of every source alike.
import { completeAt, completeRunConfig, type CompletionEntry } from '../completion';
import { completePython } from '../python/pythonCompletion';
import type { Position } from '../types';
import type { SourceFile } from './sourceFile';

export { hoverInSource } from '../hover';
export { inlayHintsInSource } from '../inlay';

export function completeInSource(file: SourceFile, position: Position): CompletionEntry[] {
  if (file.deployer) return completeAt(file.deployer, position);
  if (file.kind === 'run-config') return completeRunConfig(file, position);
  if (file.kind === 'python' && file.python) return completePython(file, file.python, position);
  return [];
}
