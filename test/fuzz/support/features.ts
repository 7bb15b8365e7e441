// In-process checks of the language features on a fuzzed text: hover and completion at random
// positions, document symbols, inlay hints, and the document-model lookups they are built on.
import { completeAt } from '../../../common/src/language/completion';
import { parseDeployerFile } from '../../../common/src/language/deployerDocument';
import { hoverAt } from '../../../common/src/language/hover';
import { inlayHints } from '../../../common/src/language/inlay';
import { documentSymbols, type SymbolEntry } from '../../../common/src/language/symbols';
import type { Position, Range } from '../../../common/src/language/types';
import { checkPosition, checkRange, type LineTable } from './checks';
import type { Random } from './random';
import { errorText } from './report';

export interface FeatureOutcome {
  calls: number;
  problems: string[];
}

const COMPLETION_KINDS = new Set(['property', 'value', 'enumMember']);

/**
 * A position inside the text; one in twenty is past the end of its line or of the text (for
 * those only "does not throw" is checked: what comes back is about a place that is not there).
 */
function randomPosition(lines: LineTable, random: Random): { position: Position; valid: boolean } {
  const line = random.int(lines.lineCount);
  if (random.chance(0.05)) {
    const position = random.chance(0.5) ? { line, character: lines.lengths[line] + random.between(1, 5) } : { line: lines.lineCount + random.int(3), character: random.int(5) };
    return { position, valid: false };
  }
  return { position: { line, character: random.int(lines.lengths[line] + 1) }, valid: true };
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** What VS Code itself rejects: an empty name, a selection range outside the full range. */
function checkSymbols(lines: LineTable, value: unknown, where: string): string[] {
  if (!Array.isArray(value)) return [`${where}: not an array`];
  const symbols = value as SymbolEntry[];
  const problems: string[] = [];
  symbols.forEach((symbol, i) => {
    const item = `${where}[${i}] (${JSON.stringify(symbol?.name)})`;
    if (typeof symbol.name !== 'string' || symbol.name === '') problems.push(`${item}: empty name (VS Code rejects the whole outline)`);
    const own = [...checkRange(lines, symbol.range, `${item}.range`), ...checkRange(lines, symbol.selectionRange, `${item}.selectionRange`)];
    problems.push(...own);
    if (own.length === 0 && !contains(symbol.range, symbol.selectionRange)) problems.push(`${item}: selectionRange is not inside range`);
    problems.push(...checkSymbols(lines, symbol.children ?? [], `${item}.children`));
  });
  return problems;
}

function checkInlayHints(lines: LineTable, text: string): string[] {
  const hints = inlayHints(text);
  if (!Array.isArray(hints)) return ['inlayHints: not an array'];
  return hints.flatMap((hint, i) => [
    ...checkPosition(lines, hint.position, `inlayHints[${i}].position`),
    ...(typeof hint.label === 'string' && hint.label.trim() !== '' ? [] : [`inlayHints[${i}]: empty label`]),
  ]);
}

function at(position: Position): string {
  return `${position.line}:${position.character}`;
}

function checkHover(text: string, lines: LineTable, position: Position, valid: boolean): string[] {
  const where = `hoverAt(${at(position)})`;
  const hover = hoverAt(text, position);
  if (hover === undefined || !valid) return [];
  const problems = checkRange(lines, hover.range, `${where}.range`);
  if (typeof hover.markdown !== 'string' || hover.markdown.trim() === '') problems.push(`${where}: empty markdown`);
  return problems;
}

function checkCompletion(text: string, lines: LineTable, position: Position, valid: boolean): string[] {
  const where = `completeAt(${at(position)})`;
  const entries = completeAt(text, position);
  if (!Array.isArray(entries)) return [`${where}: not an array`];
  if (!valid) return [];
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const item = `${where}[${i}] (${String(entry?.label)})`;
    if (typeof entry.label !== 'string' || entry.label === '') problems.push(`${item}: empty label`);
    if (typeof entry.insertText !== 'string') problems.push(`${item}: insertText is not a string`);
    if (!COMPLETION_KINDS.has(entry.kind)) problems.push(`${item}: kind ${String(entry.kind)}`);
    if (typeof entry.sortText !== 'string') problems.push(`${item}: sortText is not a string`);
    problems.push(...checkRange(lines, entry.range, `${item}.range`));
  });
  return problems;
}

function checkDocumentModel(text: string, lines: LineTable, offsets: number[]): string[] {
  const problems: string[] = [];
  for (const doc of parseDeployerFile(text).documents) {
    problems.push(...checkRange(lines, doc.wholeRange(), `document[${doc.index}].wholeRange`));
    for (const offset of offsets) {
      const hit = doc.hitAt(offset);
      if (!hit) continue;
      const where = `document[${doc.index}].hitAt(${offset}) at ${JSON.stringify(hit.ref.path)}`;
      problems.push(...checkRange(lines, doc.rangeOfKey(hit.ref), `${where}.rangeOfKey`));
      problems.push(...checkRange(lines, doc.rangeOfValue(hit.ref), `${where}.rangeOfValue`));
      problems.push(...checkRange(lines, doc.rangeOfEntry(hit.ref), `${where}.rangeOfEntry`));
    }
  }
  return problems;
}

/**
 * Probes one random position with hover and completion, and (taking turns by `index`, to keep
 * thousands of documents inside the test's time budget) symbols, inlay hints and the document
 * model; never throws.
 */
export function languageFeatureChecks(text: string, lines: LineTable, random: Random, index: number): FeatureOutcome {
  const problems: string[] = [];
  let calls = 0;
  const probe = (name: string, check: () => string[]): void => {
    calls++;
    try {
      problems.push(...check());
    } catch (error) {
      problems.push(`${name} threw: ${errorText(error)}`);
    }
  };
  const hover = randomPosition(lines, random);
  probe(`hoverAt(${at(hover.position)})`, () => checkHover(text, lines, hover.position, hover.valid));
  const completion = randomPosition(lines, random);
  probe(`completeAt(${at(completion.position)})`, () => checkCompletion(text, lines, completion.position, completion.valid));
  if (index % 2 === 0) probe('documentSymbols', () => checkSymbols(lines, documentSymbols(text), 'documentSymbols'));
  if (index % 4 === 1) probe('inlayHints', () => checkInlayHints(lines, text));
  if (index % 4 === 3) probe('document model', () => checkDocumentModel(text, lines, [0, text.length, random.int(text.length + 1)]));
  return { calls, problems };
}
