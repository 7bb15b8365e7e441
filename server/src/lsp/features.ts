// Language-service results → LSP shapes for hover, completion, symbols and inlay hints.
import {
  CompletionItemKind,
  CompletionItemTag,
  InlayHintKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
} from 'vscode-languageserver';
import type { CompletionEntry, CompletionKind } from '../../../common/src/language/completion';
import type { HoverResult } from '../../../common/src/language/hover';
import type { InlayHintEntry } from '../../../common/src/language/inlay';
import type { SymbolEntry, SymbolKindName } from '../../../common/src/language/symbols';

export function toHover(result: HoverResult | undefined): Hover | null {
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range } : null;
}

const COMPLETION_KIND: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enumMember: CompletionItemKind.EnumMember,
};

export function toCompletionItem(entry: CompletionEntry, snippetSupport: boolean): CompletionItem {
  const item: CompletionItem = {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    detail: entry.detail,
    sortText: entry.sortText,
    filterText: entry.label,
    textEdit: { range: entry.range, newText: entry.snippet && !snippetSupport ? stripSnippet(entry.insertText) : entry.insertText },
    insertTextFormat: entry.snippet && snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
  if (entry.preselect) item.preselect = true;
  if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}

/** Snippet text as plain text, for clients without snippet support: placeholders keep their text. */
export function stripSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_match, choices: string) => choices.split(/(?<!\\),/)[0])
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}

const SYMBOL_KIND: Readonly<Record<SymbolKindName, SymbolKind>> = {
  module: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
};

export function toDocumentSymbol(entry: SymbolEntry): DocumentSymbol {
  return {
    name: entry.name,
    detail: entry.detail,
    kind: SYMBOL_KIND[entry.kind],
    range: entry.range,
    selectionRange: entry.selectionRange,
    children: entry.children.map(toDocumentSymbol),
  };
}

export function toInlayHint(entry: InlayHintEntry): InlayHint {
  return {
    position: entry.position,
    label: entry.label,
    kind: InlayHintKind.Type,
    tooltip: { kind: MarkupKind.Markdown, value: entry.tooltip },
    paddingLeft: true,
  };
}
