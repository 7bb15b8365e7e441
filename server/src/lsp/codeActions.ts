// Code actions: the quick fixes of each of our diagnostics, built for the text as it is now
// (a diagnostic is matched to today's finding by code and range, so a stale one gets no edit
// that would land in the wrong place), plus "Fix all auto-fixable problems" over the document.
// A finding that names related values (the other half of a CPU/memory pair) offers its fixes
// there too: VS Code sends only the diagnostics under the cursor, so these are found by range.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { fixAllEdits } from '../../../common/src/language/features/fixAll';
import type { Finding, Range } from '../../../common/src/language/types';
import { DIAGNOSTIC_SOURCE } from '../../../common/src/product';
import { toDiagnostic, toWorkspaceEdit } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The finding a diagnostic reports: same code and range, the same message preferred. */
function findingOf(diagnostic: Diagnostic, findings: readonly Finding[]): Finding | undefined {
  const candidates = findings.filter((finding) => finding.code === diagnostic.code && sameRange(finding.range, diagnostic.range));
  return candidates.find((finding) => finding.message === diagnostic.message) ?? candidates[0];
}

/**
 * Whether two ranges share a line. Ctrl+. with the cursor anywhere on a line asks for that
 * position only (VS Code widens the request to a problem's range only when one is on the line),
 * so a related value is matched by its lines, wherever the cursor is on them.
 */
function sharesLine(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function fixActions(uri: string, diagnostic: Diagnostic, finding: Finding | undefined): CodeAction[] {
  return (finding?.fixes ?? []).map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred === true,
    edit: toWorkspaceEdit(uri, fix.edits),
  }));
}

function quickFixes(uri: string, params: CodeActionParams, findings: () => readonly Finding[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const offered = new Set<Finding>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const finding = findingOf(diagnostic, findings());
    if (finding) offered.add(finding);
    actions.push(...fixActions(uri, diagnostic, finding));
  }
  const related = (finding: Finding): boolean => finding.related?.some((other) => sharesLine(other.range, params.range)) === true;
  for (const finding of findings()) {
    if (offered.has(finding) || !related(finding)) continue;
    actions.push(...fixActions(uri, toDiagnostic(finding, uri), finding));
  }
  return actions;
}

/** `findings` is the document validated now, with fixes and the user's severities. */
export function codeActions(params: CodeActionParams, findings: () => readonly Finding[]): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions = wants(only, CodeActionKind.QuickFix) ? quickFixes(uri, params, findings) : [];
  if (wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(findings());
    if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(uri, edits) });
  }
  return actions;
}
