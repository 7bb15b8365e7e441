// One scope of ZenML settings in a Python module: the `settings=` of a `@pipeline(...)`,
// `@step(...)`, `.with_options(...)` or `.configure(...)` call, or a `ResourceSettings(...)` /
// `AWSDeployerSettings(...)` call of its own. Its tree has the deployer-file layout
// (`settings.resources.cpu_count`), its nodes the offsets of the Python keyword arguments and
// dict entries, so the rules, hover and inlay hints read it like any other scope.
import type { Node, YAMLMap } from 'yaml';
import { SettingsTree, type Path, type SourceKind } from '../settingsTree';
import type { SourceText } from '../sourceText';
import type { Range } from '../types';

/** Where a map's entries are written: keyword arguments of a call, or entries of a dict literal. */
export interface PyContainer {
  kind: 'call' | 'dict';
  /** Offset just after `(` or `{`. */
  open: number;
  /** Offset of `)` or `}`. */
  close: number;
  /** The quote new strings get: the one the code around already uses. */
  quote: string;
  /** Every key written there, the ones the tree leaves out included (a settings dict's `docker`). */
  keys: ReadonlySet<string>;
}

export class PythonScope extends SettingsTree {
  readonly kind: SourceKind = 'python';

  constructor(
    source: SourceText,
    index: number,
    private readonly tree: YAMLMap,
    private readonly json: unknown,
    /** Per map of the tree, where its entries are written. */
    readonly containers: ReadonlyMap<Node, PyContainer>,
    /** Paths (joined by NUL) of values computed at run time, blocks included. */
    private readonly computed: ReadonlySet<string>,
  ) {
    super(source, index);
  }

  protected get contents(): Node | null {
    return this.tree;
  }

  get value(): unknown {
    return this.json;
  }

  override isComputed(path: Path): boolean {
    for (let length = 1; length <= path.length; length++) if (this.computed.has(path.slice(0, length).join('\u0000'))) return true;
    return false;
  }

  override computedPaths(): Path[] {
    return [...this.computed].map((joined) => joined.split('\u0000'));
  }

  anchor(): Range {
    const settings = this.get(['settings']);
    return settings ? this.rangeOfKey(settings) : this.wholeRange();
  }

  wholeRange(): Range {
    const [start, , end] = this.tree.range ?? [0, 0, 0];
    return this.source.range(start, end);
  }
}
