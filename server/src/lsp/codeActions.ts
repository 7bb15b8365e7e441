// Code actions from the fixes each diagnostic carries in `data` (never from its message), plus
// a "Fix all auto-fixable problems" source action over the whole document.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { fixAllEdits } from '../language/features/fixAll';
import type { Finding } from '../language/types';
import { DIAGNOSTIC_SOURCE, fixesOf, toWorkspaceEdit } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems';

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function quickFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    for (const fix of fixesOf(diagnostic)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred === true,
        edit: toWorkspaceEdit(uri, fix.edits),
      });
    }
  }
  return actions;
}

/** `findings` is the document validated now, with the user's severities, for "fix all". */
export function codeActions(params: CodeActionParams, findings: () => readonly Finding[]): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions = wants(only, CodeActionKind.QuickFix) ? quickFixes(uri, params.context.diagnostics) : [];
  if (wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(findings());
    if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: toWorkspaceEdit(uri, edits) });
  }
  return actions;
}
