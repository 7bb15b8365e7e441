// Inlay hints: at the end of each `resources:` line, the App Runner instance ZenML will deploy for it.
import { parsedFile, type DeployerInput } from './deployerDocument';
import { resourceSummary, sizeIsKnown } from './features/resourceSummary';
import type { SettingsTree } from './settingsTree';
import type { SourceText } from './sourceText';
import type { SourceFile } from './sources/sourceFile';
import type { Position, Range } from './types';

export interface InlayHintEntry {
  position: Position;
  label: string;
  /** Markdown. */
  tooltip: string;
}

const KIND_NOTE = { default: ' (default)', exact: '', rounded: ' (ZenML rounds up)', fallback: ' (largest size: less than asked)' } as const;

function inRange(position: Position, range: Range | undefined): boolean {
  if (!range) return true;
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Hints for the whole text, or only those inside `range` (what the editor shows). */
export function inlayHints(input: DeployerInput, range?: Range): InlayHintEntry[] {
  const { source, documents } = parsedFile(input);
  return hintsFor(source, documents, range);
}

/** The same for a file of any source: after each `resources` key (or `ResourceSettings(` call) whose size is known. */
export function inlayHintsInSource(file: SourceFile, range?: Range): InlayHintEntry[] {
  return hintsFor(file.source, file.scopes.filter(sizeIsKnown), range);
}

function hintsFor(source: SourceText, documents: readonly SettingsTree[], range: Range | undefined): InlayHintEntry[] {
  const hints: InlayHintEntry[] = [];
  for (const doc of documents) {
    const ref = doc.get(['settings', 'resources']);
    if (!ref?.key?.range) continue;
    const keyLine = source.positionAt(ref.key.range[0]).line;
    // At the end of the line, after a trailing comment: a hint before the comment would push it
    // out of line with the comments of the lines around it.
    const position = { line: keyLine, character: source.lineText(keyLine).trimEnd().length };
    if (!inRange(position, range)) continue;
    const summary = resourceSummary(doc);
    hints.push({ position, label: `→ ${summary.size}${KIND_NOTE[summary.kind]}`, tooltip: summary.explanation });
  }
  return hints;
}
