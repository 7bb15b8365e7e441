import { isMap, isPair, isScalar, isSeq, parseAllDocuments, YAMLParseError, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { activeDeployerKey, type DeployerBlockKey } from '../domain/settingsModel';
import { plainData } from './plainData';
import { SourceText } from './sourceText';
import type { Range } from './types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];


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
  /**
   * Per map, its entries by key, built on first lookup so `get` stays O(depth). Owned by the
   * document (not a global WeakMap) so it dies with it, young, in one scavenge.
   */
  private readonly mapIndexes = new Map<YAMLMap, MapIndex>();
  private jsonError: string | undefined;

  constructor(
    readonly source: SourceText,
    readonly yaml: Document.Parsed,
    /** Position of this document in the file, from 0. */
    readonly index: number,
  ) {}

  /**
   * The document as plain data (what ZenML would load); computed once. `undefined` when the
   * YAML cannot be turned into data (an unresolved alias, too many aliases): see `valueError`.
   */
  get value(): unknown {
    if (!this.jsonReady) {
      try {
        this.json = (plainData(this.yaml) ?? { value: this.yaml.toJS({ maxAliasCount: 1000 }) as unknown }).value;
      } catch (error) {
        this.json = undefined;
        this.jsonError = error instanceof Error ? error.message : String(error);
      }
      this.jsonReady = true;
    }
    return this.json;
  }

  /** Why `value` is `undefined` although the document has content, if it is. */
  get valueError(): string | undefined {
    void this.value;
    return this.jsonError;
  }

  get root(): NodeRef {
    return { path: [], value: this.yaml.contents };
  }

  /** Which spelling of the deployer block the file uses; `deployer` wins when both appear. */
  get deployerKey(): DeployerBlockKey | undefined {
    return activeDeployerKey((key) => this.get(['settings', key]) !== undefined);
  }

  /** Path of a deployer setting, using the spelling this file uses. */
  deployerPath(...rest: PathSegment[]): PathSegment[] {
    return ['settings', this.deployerKey ?? 'deployer', ...rest];
  }

  get(path: Path): NodeRef | undefined {
    // Rules ask for dozens of paths per validation: walk the nodes, make only the answer.
    let node: Node | null = this.yaml.contents;
    let key: Scalar | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = this.mapIndex(node).get(String(segment));
        if (!pair) return undefined;
        key = pair.key;
        node = (pair.value as Node | null) ?? null;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) return undefined;
        key = undefined;
        node = item;
      } else {
        return undefined;
      }
    }
    return key ? { path: [...path], key, value: node } : { path: [...path], value: node };
  }

  private mapIndex(map: YAMLMap): MapIndex {
    let index = this.mapIndexes.get(map);
    if (!index) {
      index = indexOf(map);
      this.mapIndexes.set(map, index);
    }
    return index;
  }

  /**
   * The entries of the map at `path`, in file order; empty when it is not a map. With `named`,
   * only the entries whose key passes it (maps can have thousands of entries).
   */
  entries(path: Path, named?: (key: string) => boolean): NodeRef[] {
    const parent = this.get(path);
    if (!parent || !isMap(parent.value)) return [];
    const refs: NodeRef[] = [];
    for (const pair of parent.value.items) {
      if (!isScalar(pair.key)) continue;
      const name = keyText(pair.key);
      if (named && !named(name)) continue;
      refs.push({ path: [...path, name], key: pair.key, value: (pair.value as Node | null) ?? null });
    }
    return refs;
  }

  /** The innermost entry that contains `offset`. */
  hitAt(offset: number): OffsetHit | undefined {
    return hitIn(this.root, offset);
  }

  rangeOfKey(ref: NodeRef): Range {
    const node = ref.key ?? ref.value;
    return node?.range ? this.source.range(node.range[0], this.source.trimmedEnd(node.range[0], node.range[1])) : this.wholeRange();
  }

  /** The value's range; for an empty value (`key:`) the key's range, so a problem stays visible. */
  rangeOfValue(ref: NodeRef): Range {
    const node = ref.value;
    if (node?.range && node.range[1] > node.range[0]) return this.source.range(node.range[0], this.source.trimmedEnd(node.range[0], node.range[1]));
    return this.rangeOfKey(ref);
  }

  /** From the start of the key to the end of the value: the whole `key: value` entry. */
  rangeOfEntry(ref: NodeRef): Range {
    const start = ref.key?.range?.[0] ?? ref.value?.range?.[0] ?? 0;
    const keyEnd = ref.key?.range?.[1] ?? start;
    const end = Math.max(keyEnd, ref.value?.range?.[1] ?? keyEnd);
    // Never shorter than the key: the outline requires the key's range to lie inside the entry's.
    return this.source.range(start, Math.max(this.source.trimmedEnd(start, keyEnd), this.source.trimmedEnd(start, end)));
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

/** What the features take: the text, or the file already parsed (the server's per-version parse). */
export type DeployerInput = string | ParsedFile;

export function parsedFile(input: DeployerInput): ParsedFile {
  return typeof input === 'string' ? parseDeployerFile(input) : input;
}

/**
 * How deployer files are parsed: strict, errors as plain data (no pretty context), nothing logged.
 * The library's own duplicate-key check is off: it compares every key with every earlier key of
 * its map (quadratic: 5× the parse time for a 2,500-entry map); ours below is one linear pass.
 */
export const DEPLOYER_PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' } as const;

export function parseDeployerFile(text: string): ParsedFile {
  const source = new SourceText(text);
  // `parseAllDocuments` returns an EmptyStream (an array with an `empty` flag) for blank input.
  const documents = Array.from(parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS), (doc, index) => {
    addDuplicateKeyErrors(doc);
    return new DeployerDocument(source, doc, index);
  });
  return { source, documents };
}

/**
 * Adds a `DUPLICATE_KEY` error (as `uniqueKeys: true` would) for every scalar key that repeats
 * an earlier key of the same map, in one pass over the tree. Aliases are not followed.
 */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key: unknown = pair.key;
        if (isScalar(key)) {
          if (seen.has(key.value) && key.range) {
            doc.errors.push(new YAMLParseError([key.range[0], key.range[1]], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else seen.add(key.value);
        } else if (key !== null && typeof key === 'object') stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
}

export function keyText(key: Scalar): string {
  return String(key.value);
}

type MapIndex = Map<string, Pair<Scalar, unknown>>;

/** A map's entries by key text (the first of duplicates). */
function indexOf(map: YAMLMap): MapIndex {
  const index: MapIndex = new Map();
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const text = keyText(pair.key);
    if (!index.has(text)) index.set(text, pair as Pair<Scalar, unknown>);
  }
  return index;
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
