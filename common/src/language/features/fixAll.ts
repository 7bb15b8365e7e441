// "Fix all": one preferred fix per finding, merged into a single list of edits that do not
// touch each other (a fix that would overlap an earlier one waits for the next round).
import type { Finding, Fix, Range, TextEdit } from '../types';

/** The fix applied without asking: the one marked preferred, or the only one. */
export function autoFixOf(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined);
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges overlap or touch at a point; two inserts at one place would have no defined order. */
function collide(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = autoFixOf(finding);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => taken.some((other) => collide(edit.range, other.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
}
