// Hover: what the schema says about the key (or value) under the cursor, and for CPU and memory
// the App Runner instance ZenML will actually deploy.
import { isScalar } from 'yaml';
import { parseMemory, formatGigabytes } from '../domain/memory';
import { factsAt } from '../domain/schemaFacts';
import { parsedFile, type DeployerInput, type Path } from './deployerDocument';
import type { OffsetHit, SettingsTree } from './settingsTree';
import type { SourceFile } from './sources/sourceFile';
import { documentAt } from './features/locate';
import { resourceSummary, sizeIsKnown } from './features/resourceSummary';
import { enumValueMeaning, settingMarkdown, yamlValue } from './features/schemaDocs';
import type { Position, Range } from './types';

export interface HoverResult {
  markdown: string;
  range: Range;
}

/** Keys whose hover also shows the resolved App Runner instance. */
const SIZE_KEYS: ReadonlySet<string> = new Set(['resources', 'cpu_count', 'memory']);

/** A path's name in hover titles: the key, or `key[1]` for list items. */
function labelOf(path: Path): string {
  let label = '';
  for (const segment of path) label = typeof segment === 'number' ? `${label}[${segment}]` : segment;
  return label;
}

function isSizePath(path: Path): boolean {
  return path[0] === 'settings' && path[1] === 'resources' && path.length <= 3 && SIZE_KEYS.has(String(path[path.length - 1]));
}

/** What a scalar value means: an enum value's explanation, or a memory size in GB. */
function valueNotes(path: Path, value: unknown): string[] {
  const facts = factsAt(path);
  const notes: string[] = [];
  if (facts?.enum?.includes(value)) {
    notes.push(enumValueMeaning(facts, value) ?? `\`${yamlValue(value)}\` is one of the allowed values of \`${labelOf(path)}\`.`);
  }
  if (path[1] === 'resources' && path[2] === 'memory' && typeof value === 'string') {
    const parsed = parseMemory(value);
    if (parsed.ok) notes.push(`\`${value}\` is ${formatGigabytes(parsed.gigabytes)} GB (10^9 bytes).`);
  }
  return notes;
}

export function hoverAt(input: DeployerInput, position: Position): HoverResult | undefined {
  const file = parsedFile(input);
  const offset = file.source.offsetAt(position);
  const doc = documentAt(file, offset);
  const hit = doc?.hitAt(offset);
  return doc && hit ? hoverFor(doc, hit) : undefined;
}

/** Hover in a file of any source: deployer files as above; elsewhere on the checked blocks and their keys. */
export function hoverInSource(file: SourceFile, position: Position): HoverResult | undefined {
  if (file.deployer) return hoverAt(file.deployer, position);
  const offset = file.source.offsetAt(position);
  for (const scope of file.scopes) {
    const hit = scope.hitAt(offset);
    // `settings` itself is ZenML's (docker, orchestrator, ...): only its checked blocks are ours.
    if (hit && hit.ref.path.length >= 2) return hoverFor(scope, hit);
  }
  return undefined;
}

function hoverFor(doc: SettingsTree, hit: OffsetHit): HoverResult | undefined {
  const { ref, onKey } = hit;
  const facts = factsAt(ref.path);
  if (!facts) return undefined;
  const sections: string[] = [];
  if (!onKey && isScalar(ref.value)) sections.push(...valueNotes(ref.path, ref.value.value));
  sections.push(settingMarkdown(labelOf(ref.path), facts));
  if (isSizePath(ref.path) && sizeIsKnown(doc)) sections.push(resourceSummary(doc).explanation);
  return {
    markdown: sections.join('\n\n---\n\n'),
    range: onKey ? doc.rangeOfKey(ref) : doc.rangeOfValue(ref),
  };
}
