// Plain language-service data → LSP types. The language service has its own types (no LSP
// import); they are deliberately shaped like LSP's, so most of this is naming.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Severity } from '../../../common/src/language/types';
import { DIAGNOSTIC_SOURCE } from '../../../common/src/product';


const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated } as const;

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((tag) => TAG[tag]);
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(({ range, message }) => ({ location: { uri, range }, message }));
  }
  return diagnostic;
}

export function toWorkspaceEdit(uri: string, edits: readonly LspTextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: [...edits] } };
}
