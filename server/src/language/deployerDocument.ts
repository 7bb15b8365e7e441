import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Scalar } from 'yaml';
import { SourceText } from './sourceText';
import type { Range } from './types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** The two spellings ZenML accepts for the deployer settings block. */
export const DEPLOYER_KEYS = ['deployer', 'deployer.aws'] as const;
export type DeployerKey = (typeof DEPLOYER_KEYS)[number];

/** A value in the YAML tree together with where it sits in the text. */
export interface NodeRef {
  path: Path;
  /** The key of the map entry holding the value; absent for sequence items and the root. */
  key?: Scalar;
  /** The value node; `null` only for the root of an empty document. */
  value: Node | null;
}

/** Where an offset falls, for hover and completion. */
export interface OffsetHit {
  ref: NodeRef;
  /** True when the offset is on the key of the entry rather than its value. */
  onKey: boolean;
}

/** One YAML document of a `zenml.deployer.yaml` file (files may hold several, split by `---`). */
export class DeployerDocument {
  private json: unknown;
  private jsonReady = false;

  constructor(
    readonly source: SourceText,
    readonly yaml: Document.Parsed,
    /** Position of this document in the file, from 0. */
    readonly index: number,
  ) {}

  /** The document as plain data (what ZenML would load); computed once. */
  get value(): unknown {
    if (!this.jsonReady) {
      this.json = this.yaml.toJS({ maxAliasCount: 1000 }) as unknown;
      this.jsonReady = true;
    }
    return this.json;
  }

  get root(): NodeRef {
    return { path: [], value: this.yaml.contents };
  }

  /** Which spelling of the deployer block the file uses; `deployer` wins when both appear. */
  get deployerKey(): DeployerKey | undefined {
    return DEPLOYER_KEYS.find((key) => this.get(['settings', key]) !== undefined);
  }

  /** Path of a deployer setting, using the spelling this file uses. */
  deployerPath(...rest: PathSegment[]): PathSegment[] {
    return ['settings', this.deployerKey ?? 'deployer', ...rest];
  }

  get(path: Path): NodeRef | undefined {
    let current: NodeRef = this.root;
    for (const segment of path) {
      const next = childOf(current, segment);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /** The entries of the map at `path`, in file order; empty when it is not a map. */
  entries(path: Path): NodeRef[] {
    const parent = this.get(path);
    if (!parent || !isMap(parent.value)) return [];
    const refs: NodeRef[] = [];
    for (const pair of parent.value.items) {
      if (!isScalar(pair.key)) continue;
      refs.push({ path: [...path, keyText(pair.key)], key: pair.key, value: (pair.value as Node | null) ?? null });
    }
    return refs;
  }

  /** The innermost entry that contains `offset`. */
  hitAt(offset: number): OffsetHit | undefined {
    return hitIn(this.root, offset);
  }

  rangeOfKey(ref: NodeRef): Range {
    const node = ref.key ?? ref.value;
    return node?.range ? this.source.range(node.range[0], node.range[1]) : this.wholeRange();
  }

  /** The value's range; for an empty value (`key:`) the key's range, so a problem stays visible. */
  rangeOfValue(ref: NodeRef): Range {
    const node = ref.value;
    if (node?.range && node.range[1] > node.range[0]) return this.source.range(node.range[0], node.range[1]);
    return this.rangeOfKey(ref);
  }

  /** From the start of the key to the end of the value: the whole `key: value` entry. */
  rangeOfEntry(ref: NodeRef): Range {
    const start = ref.key?.range?.[0] ?? ref.value?.range?.[0] ?? 0;
    const end = ref.value?.range?.[1] ?? ref.key?.range?.[1] ?? start;
    return this.source.range(start, Math.max(start, end));
  }

  /** The document's own span (between `---` markers), used when nothing narrower exists. */
  wholeRange(): Range {
    const [start, end] = this.yaml.range;
    return this.source.range(start, end);
  }
}

export interface ParsedFile {
  source: SourceText;
  documents: DeployerDocument[];
}

export function parseDeployerFile(text: string): ParsedFile {
  const source = new SourceText(text);
  const parsed = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  // `parseAllDocuments` returns an EmptyStream (an array with an `empty` flag) for blank input.
  const documents = Array.from(parsed, (doc, index) => new DeployerDocument(source, doc, index));
  return { source, documents };
}

export function keyText(key: Scalar): string {
  return String(key.value);
}

function childOf(parent: NodeRef, segment: PathSegment): NodeRef | undefined {
  const node = parent.value;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && keyText(pair.key) === String(segment)) {
        return { path: [...parent.path, segment], key: pair.key, value: (pair.value as Node | null) ?? null };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { path: [...parent.path, segment], value: item } : undefined;
  }
  return undefined;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}

function hitIn(ref: NodeRef, offset: number): OffsetHit | undefined {
  const node = ref.value;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const child: NodeRef = { path: [...ref.path, keyText(pair.key)], key: pair.key, value: (pair.value as Node | null) ?? null };
      if (contains(pair.key, offset)) return { ref: child, onKey: true };
      if (contains(child.value, offset)) return hitIn(child, offset) ?? { ref: child, onKey: false };
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const item = node.items[i] as Node;
      if (contains(item, offset)) {
        const child: NodeRef = { path: [...ref.path, i], value: item };
        return hitIn(child, offset) ?? { ref: child, onKey: false };
      }
    }
  }
  return contains(node, offset) && ref.path.length > 0 ? { ref, onKey: false } : undefined;
}
