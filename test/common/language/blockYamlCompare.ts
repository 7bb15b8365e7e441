// Both parses of a text, fast and library, projected onto comparable plain data: every own
// property of every node except comments, plus the document's range, problems, options,
// directives, schema and `toJS()`, so any difference between the two shows in a deep-equal.
import { isNode, isPair, parseAllDocuments, type Document } from 'yaml';
import { parseBlockYaml } from '../../../common/src/language/blockYaml';
import { DEPLOYER_PARSE_OPTIONS } from '../../../common/src/language/yamlInternals';

/** Properties the fast parser leaves out on purpose (nothing downstream reads comments). */
const COMMENT_KEYS = new Set(['comment', 'commentBefore', 'spaceBefore']);

function project(value: unknown): unknown {
  if (isNode(value) || isPair(value)) {
    const out: Record<string, unknown> = { class: value.constructor.name };
    for (const [key, field] of Object.entries(value)) if (!COMMENT_KEYS.has(key)) out[key] = project(field);
    return out;
  }
  if (Array.isArray(value)) return value.map(project);
  return value;
}

function projectDocument(doc: Document.Parsed): unknown {
  const { directives, schema } = doc;
  // The stream-level directives object is the composer's own; the document's copy is compared below.
  const options: Record<string, unknown> = { ...doc.options };
  delete options._directives;
  return {
    range: doc.range,
    contents: project(doc.contents),
    errors: doc.errors.map((error) => error.code),
    warnings: doc.warnings.map((warning) => warning.code),
    options,
    directives: { yaml: directives.yaml, tags: directives.tags, docStart: directives.docStart, docEnd: directives.docEnd },
    schema: { name: schema.name, tags: schema.tags, knownTags: schema.knownTags, compat: schema.compat },
    js: doc.toJS({ maxAliasCount: 1000 }) as unknown,
  };
}

export interface Comparison {
  fast: unknown;
  library: unknown;
  /** Errors and warnings the library reported: the fast parser must have declined such texts. */
  libraryProblems: number;
}

/** Both projections when the fast parser answers for `text`; `undefined` when it falls back. */
export function compareParsers(text: string): Comparison | undefined {
  const fast = parseBlockYaml(text);
  if (!fast) return undefined;
  const library = Array.from(parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS));
  return {
    fast: fast.map(projectDocument),
    library: library.map(projectDocument),
    libraryProblems: library.reduce((sum, doc) => sum + doc.errors.length + doc.warnings.length, 0),
  };
}
