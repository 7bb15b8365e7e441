// Plain language-service data → LSP types. The language service has its own types (no LSP
// import); they are deliberately shaped like LSP's, so most of this is naming.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../language/types';

export const DIAGNOSTIC_SOURCE = 'zenml';

/** What travels in `Diagnostic.data`, so code actions are built from data, not message text. */
export interface DiagnosticData {
  fixes: Fix[];
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { fixes: finding.fixes };
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
    data,
  };
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((tag) => TAG[tag]);
  return diagnostic;
}

/** The fixes a diagnostic carries; an empty list for foreign or malformed data. */
export function fixesOf(diagnostic: Diagnostic): Fix[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return Array.isArray(data?.fixes) ? data.fixes.filter(isFix) : [];
}

function isFix(value: unknown): value is Fix {
  const fix = value as Partial<Fix> | null;
  return typeof fix?.title === 'string' && Array.isArray(fix.edits);
}

export function toWorkspaceEdit(uri: string, edits: readonly LspTextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: [...edits] } };
}
