// Document symbols: every map key as a node of the outline, nested like the file. A file with
// several `---` documents gets one top node per document, named after its deployment.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parsedFile, type DeployerInput, type DeployerDocument, type NodeRef } from './deployerDocument';
import type { Range } from './types';

export type SymbolKindName = 'module' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface SymbolEntry {
  name: string;
  /** The scalar value, shortened, shown beside the name. */
  detail?: string;
  kind: SymbolKindName;
  range: Range;
  /** The key itself; inside `range`. */
  selectionRange: Range;
  children: SymbolEntry[];
}

const DETAIL_MAX = 40;

function kindOf(value: Node | null): SymbolKindName {
  if (isMap(value)) return 'object';
  if (isSeq(value)) return 'array';
  if (!isScalar(value) || value.value === null) return 'null';
  switch (typeof value.value) {
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

function detailOf(value: Node | null): string | undefined {
  if (!isScalar(value) || value.value === null) return undefined;
  const raw: unknown = value.value;
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? '';
  return text.length > DETAIL_MAX ? `${text.slice(0, DETAIL_MAX - 1)}…` : text;
}

function childrenOf(doc: DeployerDocument, ref: NodeRef): SymbolEntry[] {
  if (isMap(ref.value)) return doc.entries(ref.path).map((child) => entrySymbol(doc, child));
  if (!isSeq(ref.value)) return [];
  // List items only appear when they hold keys (a list of maps); plain items are values, not symbols.
  const symbols: SymbolEntry[] = [];
  ref.value.items.forEach((item, index) => {
    if (!isMap(item)) return;
    const child = doc.get([...ref.path, index]);
    if (!child) return;
    const range = doc.rangeOfValue(child);
    symbols.push({ name: `[${index}]`, kind: 'object', range, selectionRange: range, children: childrenOf(doc, child) });
  });
  return symbols;
}

function entrySymbol(doc: DeployerDocument, ref: NodeRef): SymbolEntry {
  const key = String(ref.path[ref.path.length - 1]);
  return {
    // VS Code rejects a whole outline when one symbol has an empty or blank name.
    name: key.trim() === '' ? JSON.stringify(key) : key,
    detail: detailOf(ref.value),
    kind: kindOf(ref.value),
    range: doc.rangeOfEntry(ref),
    selectionRange: doc.rangeOfKey(ref),
    children: childrenOf(doc, ref),
  };
}

function documentName(doc: DeployerDocument): string {
  const name = (doc.value as { deployment?: { name?: unknown } } | null)?.deployment?.name;
  return typeof name === 'string' && name !== '' ? name : `document ${doc.index + 1}`;
}

export function documentSymbols(input: DeployerInput): SymbolEntry[] {
  const { documents } = parsedFile(input);
  const perDocument = documents.map((doc) => childrenOf(doc, doc.root));
  if (documents.length <= 1) return perDocument[0] ?? [];
  return documents.map((doc, index) => {
    const range = doc.wholeRange();
    const selectionRange = { start: range.start, end: range.start };
    return { name: documentName(doc), kind: 'module', range, selectionRange, children: perDocument[index] };
  });
}
