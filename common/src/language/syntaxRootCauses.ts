// One YAML mistake often makes the parser report several errors on the lines after it, none on
// the line at fault: an unclosed `[`, `{` or quote swallows what follows, and a key indented one
// space too far makes the parser read two lines as one key. Here the root cause is found and
// reported once, where it is, and the errors it causes are dropped.
import { isCollection, isScalar, visit, type YAMLError } from 'yaml';
import type { DeployerDocument } from './deployerDocument';

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
}

export interface RootCauses {
  causes: SyntaxProblem[];
  /** Errors that are echoes of a cause: not reported. */
  suppressed: ReadonlySet<YAMLError>;
}

/** Errors that a cascade consists of; duplicate keys and tab indents stand on their own. */
const CASCADE_CODES: ReadonlySet<string> = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN', 'BAD_SCALAR_START', 'MISSING_ANCHOR_OR_TAG']);

export function syntaxRootCauses(doc: DeployerDocument): RootCauses {
  const errors = doc.yaml.errors.filter((error) => CASCADE_CODES.has(error.code));
  const causes: SyntaxProblem[] = [];
  const suppressed = new Set<YAMLError>();
  if (errors.length === 0) return { causes, suppressed };
  const opener = firstUnclosed(doc);
  if (opener) {
    // Everything after an unclosed opener is read as part of it: the rest of the document's
    // syntax errors are its echoes until it is closed.
    causes.push(opener);
    for (const error of errors) if (error.pos[0] >= opener.start) suppressed.add(error);
  }
  for (const error of errors) {
    if (suppressed.has(error) || error.code !== 'MULTILINE_IMPLICIT_KEY') continue;
    const cause = overIndented(doc, error);
    if (!cause) continue;
    causes.push(cause);
    for (const other of errors) if (other.pos[0] === error.pos[0]) suppressed.add(other);
  }
  return { causes, suppressed };
}

const CLOSER = { '[': ']', '{': '}', '"': '"', "'": "'" } as const;
type Opener = keyof typeof CLOSER;

/** The first `[`, `{` or quote in the document that its node never closes. */
function firstUnclosed(doc: DeployerDocument): SyntaxProblem | undefined {
  const text = doc.source.text;
  let found: SyntaxProblem | undefined;
  visit(doc.yaml, {
    Node(_key, node) {
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      if (!node.range || !(quoted || (isCollection(node) && node.flow))) return undefined;
      const start = node.range[0];
      const open = text[start] as Opener;
      if (!(open in CLOSER)) return undefined;
      const end = doc.source.trimmedEnd(start, node.range[1]);
      if (end - start >= 2 && text[end - 1] === CLOSER[open]) return undefined;
      const what = open === '[' ? 'list' : open === '{' ? 'map' : 'quoted string';
      found = {
        start,
        end: start + 1,
        message: `This ${open} starts a ${what} that is never closed, so YAML reads the lines after it as part of it. Add the closing ${CLOSER[open]}${quoted ? '' : ' on this line'}.`,
      };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * `key: value` followed by a line indented further than `key` (and not under a key that opens a
 * block): the parser reads both lines as one multi-line key. The cause is the second line's
 * indentation.
 */
function overIndented(doc: DeployerDocument, error: YAMLError): SyntaxProblem | undefined {
  const { source } = doc;
  const firstLine = source.positionAt(error.pos[0]).line;
  const line = source.positionAt(error.pos[1]).line;
  if (line <= firstLine) return undefined;
  const above = source.lineText(firstLine);
  const here = source.lineText(line);
  const aboveIndent = /^ */.exec(above)?.[0].length ?? 0;
  const indent = /^ */.exec(here)?.[0].length ?? 0;
  const key = /^\s*([^\s:#][^:#]*?):(\s|$)/.exec(above)?.[1];
  const ownKey = /^\s*([^\s:#][^:#]*?):(\s|$)/.exec(here)?.[1];
  if (indent <= aboveIndent || key === undefined || ownKey === undefined) return undefined;
  const lineStart = source.lineStart(line);
  return {
    start: lineStart,
    end: lineStart + indent,
    message:
      `"${ownKey}" is indented ${indent} spaces, more than "${key}" (${aboveIndent}) above it, so YAML reads both lines as one key. ` +
      `Indent it by ${aboveIndent} spaces like "${key}", or, to nest it under "${key}", remove the value after "${key}:".`,
  };
}
