import { isMap, isPair, isScalar, isSeq, parseAllDocuments, YAMLParseError, type Document, type Node } from 'yaml';
import { plainData } from './plainData';
import { SettingsTree, type SourceKind } from './settingsTree';
import { SourceText } from './sourceText';
import type { Range } from './types';

export { keyText, type NodeRef, type OffsetHit, type Path, type PathSegment } from './settingsTree';

/** One YAML document of a `zenml.deployer.yaml` file (files may hold several, split by `---`). */
export class DeployerDocument extends SettingsTree {
  readonly kind: SourceKind = 'deployer';
  private json: unknown;
  private jsonReady = false;
  private jsonError: string | undefined;

  constructor(
    source: SourceText,
    readonly yaml: Document.Parsed,
    /** Position of this document in the file, from 0. */
    index: number,
  ) {
    super(source, index);
  }

  protected get contents(): Node | null {
    return this.yaml.contents;
  }

  /**
   * The document as plain data (what ZenML would load); computed once. `undefined` when the
   * YAML cannot be turned into data (an unresolved alias, too many aliases): see `valueError`.
   */
  get value(): unknown {
    if (!this.jsonReady) {
      try {
        this.json = this.readValue();
      } catch (error) {
        this.json = undefined;
        this.jsonError = error instanceof Error ? error.message : String(error);
      }
      this.jsonReady = true;
    }
    return this.json;
  }

  protected readValue(): unknown {
    return (plainData(this.yaml) ?? { value: this.yaml.toJS({ maxAliasCount: 1000 }) as unknown }).value;
  }

  /** Why `value` is `undefined` although the document has content, if it is. */
  get valueError(): string | undefined {
    void this.value;
    return this.jsonError;
  }

  /** Where document-level problems go: the first key of the document, else its first content. */
  anchor(): Range {
    const root = this.yaml.contents;
    if (isMap(root)) {
      const first = root.items.find((pair) => isScalar(pair.key) && pair.key.range);
      if (first && isScalar(first.key) && first.key.range) return this.source.range(first.key.range[0], first.key.range[1]);
    }
    if (root?.range) {
      const lineEnd = this.source.lineEnd(this.source.positionAt(root.range[0]).line);
      return this.source.range(root.range[0], Math.max(root.range[0], Math.min(root.range[1], lineEnd)));
    }
    const start = this.source.positionAt(this.yaml.range[0]);
    return { start, end: start };
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
