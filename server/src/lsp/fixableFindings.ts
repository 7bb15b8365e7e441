// Findings with their quick fixes, for code actions. Diagnostics are published without fixes;
// the fixes are built here on the first request for a document version and reused while the
// text and the settings stay the same (VS Code asks for code actions at every cursor move).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourceFile } from '../../../common/src/language/sources/sourceFile';
import { validateSource } from '../../../common/src/language/validate';
import type { Finding, ValidationOptions } from '../../../common/src/language/types';
import type { ValidationSettings } from './settings';

interface Entry {
  version: number;
  settings: ValidationSettings;
  findings: readonly Finding[];
}

export class FixableFindings {
  private readonly entries = new Map<string, Entry>();

  /** The findings of `file` (the document's parse) with fixes, as the user's settings shape them (none when validation is off). */
  of(document: TextDocument, file: SourceFile, settings: ValidationSettings, options: ValidationOptions): readonly Finding[] {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.findings;
    const findings = settings.enable ? validateSource(file, options) : [];
    this.entries.set(document.uri, { version: document.version, settings, findings });
    return findings;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
