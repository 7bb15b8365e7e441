// How `validate` prints findings: compiler-style lines for people, one JSON array for tools.
import type { Finding, Severity } from '../../common/src/language/types';

/** One finding of one file, in the JSON shape `validate --json` promises (docs/cli.md). */
export interface FileFinding extends Finding {
  file: string;
}

/** The contract's JSON: exactly these keys, zero-based positions. */
export function toJson(findings: readonly FileFinding[]): string {
  const rows = findings.map(({ file, range, severity, code, message, fixes }) => ({
    file,
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    severity,
    code,
    message,
    fixes: fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) })),
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** `file:line:col: severity code message` with 1-based line and column, plus the fixes on offer. */
export function toHuman(findings: readonly FileFinding[]): string {
  return findings
    .map((finding) => {
      const { line, character } = finding.range.start;
      const head = `${finding.file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code} ${finding.message}`;
      return [head, ...finding.fixes.map((fix) => `    fix: ${fix.title}`)].join('\n') + '\n';
    })
    .join('');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning in 3 files`, or `no problems in 3 files`. */
export function summary(findings: readonly FileFinding[], fileCount: number): string {
  const files = plural(fileCount, 'file');
  if (findings.length === 0) return `no problems in ${files}\n`;
  const order: Severity[] = ['error', 'warning', 'information', 'hint'];
  const counts = order
    .map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => (severity === 'information' ? `${count} information` : plural(count, severity)));
  return `${counts.join(', ')} in ${files}\n`;
}
