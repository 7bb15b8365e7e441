// What every rule reads: a tree of settings in the layout of a zenml.deployer.yaml document
// (`settings.deployer`, `settings.resources`, and for deployer files `deployment`), each node with
// its place in the text. Each source (deployer file, run-config YAML, Python) builds one such tree
// per scope from its own syntax and brings its own editor for quick fixes; the rules see no syntax.
// The nodes are the `yaml` library's node classes (Scalar, YAMLMap, YAMLSeq), used as a plain tree
// of keys and values with offsets; for Python they are built from the syntax tree.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { activeDeployerKey, type DeployerBlockKey } from '../domain/settingsModel';
import type { SourceText } from './sourceText';
import type { Range, TextEdit } from './types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Where the settings come from: a zenml.deployer.yaml, a ZenML run configuration, a Python module. */
export type SourceKind = 'deployer' | 'run-config' | 'python';

/** A value in the tree together with where it sits in the text. */
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

/**
 * The text edits a source knows how to make in its own syntax. Each returns `undefined` when it
 * cannot produce text that is sure to be valid (the fix is then not offered); none throws.
 */
export interface SettingsEditor {
  replaceValue(ref: NodeRef, value: string | number | boolean | null): TextEdit | undefined;
  renameKey(ref: NodeRef, newKey: string): TextEdit | undefined;
  insertEntries(parentPath: Path, entries: readonly Entry[]): TextEdit | undefined;
  setEntries(parentPath: Path, entries: readonly Entry[]): TextEdit[] | undefined;
  deleteEntry(ref: NodeRef): TextEdit | undefined;
  moveEntry(ref: NodeRef, targetParentPath: Path, newKey?: string): TextEdit[] | undefined;
  replaceEntry(ref: NodeRef, entries: readonly Entry[]): TextEdit | undefined;
}

/** The value of an existing entry, re-indented when written somewhere else (moves). */
export class MovedValue {
  constructor(
    readonly doc: SettingsTree,
    readonly ref: NodeRef,
  ) {}
}

/** A value a fix writes: a scalar, a mapping of values, or an existing entry's value. */
export type YamlValue = string | number | boolean | null | MovedValue | { readonly [key: string]: YamlValue };
export type Entry = readonly [string, YamlValue];

export function isMapping(value: YamlValue): value is { readonly [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !(value instanceof MovedValue);
}

/** One scope of settings: a deployer-file document, a run config's pipeline or step, a Python call. */
export abstract class SettingsTree {
  abstract readonly kind: SourceKind;
  /** The source's own editor; deployer-file documents use the YAML editor (see `edits.ts`). */
  editor?: SettingsEditor;
  /**
   * Per map, its entries by key, built on first lookup so `get` stays O(depth). Owned by the
   * document (not a global WeakMap) so it dies with it, young, in one scavenge.
   */
  private readonly mapIndexes = new Map<YAMLMap, MapIndex>();

  constructor(
    readonly source: SourceText,
    /** Position of this scope among the file's scopes, from 0. */
    readonly index: number,
  ) {}

  /** The root node of the tree (a map for every non-empty scope). */
  protected abstract get contents(): Node | null;
  /** The scope as plain data in the deployer-file layout (what ZenML would load); `undefined` when unreadable. */
  abstract get value(): unknown;
  /** Where scope-level problems go. */
  abstract anchor(): Range;
  /** The scope's own span, used when nothing narrower exists. */
  abstract wholeRange(): Range;

  /** Whether the `deployment` block (a direct deploy's own settings) belongs here: only in deployer files. */
  get hasDeploymentBlock(): boolean {
    return this.kind === 'deployer';
  }

  /** True for a value the source computes at run time (a Python name or call): rules never guess it. */
  isComputed(_path: Path): boolean {
    return false;
  }

  /** Every path whose value is computed at run time (their keys are still the scope's to check). */
  computedPaths(): Path[] {
    return [];
  }

  get root(): NodeRef {
    return { path: [], value: this.contents };
  }

  /** Which spelling of the deployer block the scope uses; `deployer` wins when both appear. */
  get deployerKey(): DeployerBlockKey | undefined {
    return activeDeployerKey((key) => this.get(['settings', key]) !== undefined);
  }

  /** Path of a deployer setting, using the spelling this scope uses. */
  deployerPath(...rest: PathSegment[]): PathSegment[] {
    return ['settings', this.deployerKey ?? 'deployer', ...rest];
  }

  get(path: Path): NodeRef | undefined {
    // Rules ask for dozens of paths per validation: walk the nodes, make only the answer.
    let node: Node | null = this.contents;
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
   * The entries of the map at `path`, in text order; empty when it is not a map. With `named`,
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
