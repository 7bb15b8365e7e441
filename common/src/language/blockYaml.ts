// A fast parser for the block-style YAML deployer files are written in: documents (split by
// `---` lines) of nested block mappings and sequences whose values are one-line plain or quoted
// scalars, one-line flow collections of such scalars, literal or folded block scalars, or
// nothing, with comments and blank lines anywhere. It builds the yaml library's own nodes with
// the values, types and ranges `parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS)` gives them,
// about ten times faster, and returns `undefined` for any text outside that subset, so the
// caller can fall back to the library.
//
// Which collection a comment or blank line belongs to decides where the library ends a node's
// range (`range[2]`); the rules here are the library's (its CST parser hands those lines to the
// innermost open collection, and passes them outwards when it closes), and the comments say
// which. Comments are not attached to nodes (`comment`, `commentBefore`, `spaceBefore`):
// nothing downstream reads them.
import { Pair, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { newParsedDocument, streamDirectives } from './yamlInternals';
import { blockScalarValue, quotedValue, scalarResolver, type ScalarResolver } from './blockYamlScalars';
import {
  blockBody,
  blockScalarHeader,
  checkFlowCollectionEnd,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  CR,
  DOUBLE_QUOTE,
  flowScalarEnd,
  GREATER,
  HASH,
  isDocumentStart,
  isItemIndicator,
  keyColon,
  keyEnd,
  OPEN_BRACE,
  OPEN_BRACKET,
  outside,
  OUTSIDE_SUBSET,
  PIPE,
  plainValueEnd,
  quotedValueEnd,
  SINGLE_QUOTE,
  skipSpaces,
  SPACE,
} from './blockYamlSyntax';

/** The options the server parses deployer files with; the fast path reproduces exactly these. */

/** Nesting deeper than this is left to the library (which may report it as too deep). */
const MAX_DEPTH = 64;

/** The library rejects implicit keys whose `:` is more than 1024 characters after their start. */
const MAX_KEY_SPAN = 1000;

/**
 * The documents of `text` as `parseAllDocuments(text, DEPLOYER_PARSE_OPTIONS)` would return
 * them (without comments), or `undefined` when the text is outside the subset this parser
 * reproduces exactly.
 */
export function parseBlockYaml(text: string): Document.Parsed[] | undefined {
  // Tabs, byte-order marks and lone CRs each change how the library splits lines or indents.
  if (text.includes('\t') || text.includes('\uFEFF') || /\r(?!\n)/.test(text)) return undefined;
  try {
    return new BlockParser(text).parse();
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

type TokenKind = 'space' | 'comment' | 'newline';

/** A blank, comment or line-break stretch of text that the library keeps as one token. */
interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** For comments: the indentation of the line they are on. */
  indent: number;
}

/**
 * Blank and comment lines after a finished entry of a collection, not yet claimed by a next
 * entry (the library's "item with only start tokens").
 */
interface Trail {
  start: number;
  end: number;
  /** -1 when the trail holds no comment. */
  maxCommentIndent: number;
}

type OneLineNode = Scalar | YAMLMap | YAMLSeq;

/** A block mapping or sequence whose entries are still being read, with the state of its last entry. */
interface OpenBlock {
  readonly node: YAMLMap | YAMLSeq;
  readonly indent: number;
  /** Offset of the first key or `-`: the collection's `range[0]`. */
  readonly start: number;
  /** Maps: the last entry. */
  pair: Pair<Scalar, unknown> | undefined;
  /**
   * `pending`: `key:` with nothing after it yet (its tokens collect in `sep`);
   * `flow`: a one-line value, whose range grows over more-indented comment lines after it;
   * `block`: a block scalar, a nested collection or a finished empty value.
   */
  value: 'pending' | 'flow' | 'block';
  flowValue: OneLineNode | undefined;
  /** `pending`: where an empty value sits (after `:` and the blanks following it). */
  emptyAt: number;
  /** `pending`: the comment, line-break and indentation tokens after `key:`. */
  sep: Token[];
  /** `range[2]` of the last finished value. */
  valueEnd: number;
  trail: Trail | undefined;
  /** A dropped trail object, reused by the next one (one per line otherwise). */
  spareTrail: Trail | undefined;
}

function isMapBlock(block: OpenBlock): block is OpenBlock & { node: YAMLMap; pair: Pair<Scalar, unknown> } {
  return block.node instanceof YAMLMap;
}

class BlockParser {
  private readonly documents: Document.Parsed[] = [];
  /** The stream's directives, which every document starts from (as in the library's composer). */
  private readonly directives = streamDirectives();

  // The document being read.
  private doc: Document.Parsed | undefined;
  private resolve: ScalarResolver = () => undefined;
  private readonly stack: OpenBlock[] = [];
  /** Offset of the `---` line that started the document, if one did. */
  private markerAt = -1;
  /** The document's `range[0]`: its `---` line, or else its first entry line. */
  private docStart = 0;
  private contentEnd = 0;
  /** Length of the blank and comment lines after the content that the document (not the root) ends with. */
  private docTrailLength = 0;

  constructor(private readonly text: string) {}

  parse(): Document.Parsed[] {
    const { text } = this;
    const length = text.length;
    let lineStart = 0;
    while (lineStart < length) {
      const lf = text.indexOf('\n', lineStart);
      const next = lf === -1 ? length : lf + 1;
      const contentEnd = lf === -1 ? length : lf > lineStart && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      const first = skipSpaces(text, lineStart, contentEnd);
      if (first === contentEnd) this.blankLine(lineStart, contentEnd, next);
      else if (text.charCodeAt(first) === HASH) this.commentLine(lineStart, first, contentEnd, next);
      else if (first === lineStart && isDocumentStart(text, lineStart, contentEnd)) this.documentStart(lineStart);
      else {
        lineStart = this.contentLine(lineStart, first, contentEnd, next);
        continue;
      }
      lineStart = next;
    }
    this.finishDocument(false);
    // Empty or comment-only text has no document to build.
    if (this.documents.length === 0) outside();
    return this.documents;
  }

  private get top(): OpenBlock | undefined {
    return this.stack[this.stack.length - 1];
  }

  private get schema(): Document.Parsed['schema'] {
    return (this.doc as Document.Parsed).schema;
  }

  // -------------------------------------------------------------------------------------------
  // Documents.

  /** A `---` line: the document before it ends, the next one starts here. */
  private documentStart(lineStart: number): void {
    this.finishDocument(true);
    this.markerAt = lineStart;
  }

  private startDocument(lineStart: number): void {
    const doc = newParsedDocument(this.directives, this.markerAt !== -1);
    this.doc = doc;
    this.resolve = scalarResolver(doc);
    this.docStart = this.markerAt === -1 ? lineStart : this.markerAt;
  }

  private finishDocument(atMarker: boolean): void {
    const doc = this.doc;
    if (!doc) {
      // `---` with no entry after it: an empty document.
      if (this.markerAt !== -1) outside();
      return;
    }
    // A `---` line is at the root map's indentation: it cuts an empty last value there as a next key would.
    const root = this.stack[0];
    if (atMarker && this.stack.length === 1 && root.value === 'pending') this.finishEmptyValue(root, true);
    while (this.stack.length > 0) this.closeBlock();
    doc.contents = root.node as YAMLMap.Parsed;
    doc.range = [this.docStart, this.contentEnd, this.contentEnd + this.docTrailLength];
    this.documents.push(doc);
    this.doc = undefined;
    this.markerAt = -1;
  }

  // -------------------------------------------------------------------------------------------
  // Lines without content: where their tokens go decides range ends.

  private blankLine(lineStart: number, contentEnd: number, next: number): void {
    const block = this.top;
    if (!block) return; // blank lines before the document belong to no node
    if (block.value === 'pending') {
      if (contentEnd > lineStart) block.sep.push(token('space', lineStart, contentEnd, 0));
      if (next > contentEnd) block.sep.push(token('newline', contentEnd, next, 0));
    } else {
      extendTrail(block, lineStart, next, -1);
    }
  }

  private commentLine(lineStart: number, first: number, contentEnd: number, next: number): void {
    const block = this.top;
    if (!block) return; // comments before the document belong to no node
    const indent = first - lineStart;
    if (block.value === 'pending') {
      if (first > lineStart) block.sep.push(token('space', lineStart, first, 0));
      block.sep.push(token('comment', first, contentEnd, indent));
      if (next > contentEnd) block.sep.push(token('newline', contentEnd, next, 0));
    } else if (indent > block.indent && block.flowValue && (!block.trail || block.trail.maxCommentIndent < 0)) {
      // A comment indented deeper than the collection, after only blank lines, extends the
      // one-line value before it (the library appends it to the value's end tokens).
      (block.flowValue.range as [number, number, number])[2] = next;
      block.valueEnd = next;
      dropTrail(block);
    } else {
      extendTrail(block, lineStart, next, indent);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Content lines: `key: ...` or `- ...`.

  /** Reads a content line; returns where the next line starts (after a block scalar's body). */
  private contentLine(lineStart: number, first: number, contentEnd: number, next: number): number {
    const indent = first - lineStart;
    if (indent === 0 && /^(?:---|\.\.\.|%)/.test(this.text.slice(first, first + 3))) outside(); // `---` with content, `...`, directives
    const isItem = isItemIndicator(this.text, first, contentEnd);
    let block = this.top;
    if (!block) {
      // The root must be a map at the first column.
      if (indent !== 0 || isItem) outside();
      this.startDocument(lineStart);
      block = this.openBlock(new YAMLMap(this.schema), indent, first);
    } else {
      // The indentation is a token of the innermost collection, before any collection closes.
      if (indent > 0) this.addBlank(block, lineStart, first);
      // A line less indented than a collection ends it; so does a key at a sequence's own indentation.
      while (indent < block.indent || (indent === block.indent && !isItem && !isMapBlock(block))) block = this.closeBlock();
      if (indent === block.indent && isItem !== isMapBlock(block)) {
        // The next entry: it claims the trail as its leading lines.
        if (block.value === 'pending') this.finishEmptyValue(block, true);
        dropTrail(block);
      } else {
        // A new collection, only as the value of `key:`: deeper, or a sequence at the key's indentation.
        if (!isMapBlock(block) || block.value !== 'pending') outside();
        block = this.openNested(block, isItem ? new YAMLSeq(this.schema) : new YAMLMap(this.schema), indent, first);
      }
    }
    return isMapBlock(block) ? this.readEntry(block, lineStart, first, contentEnd, next) : this.readItem(block, lineStart, first, contentEnd, next);
  }

  /** `- value` or `- key: ...` (the first entry of a map inside the item). */
  private readItem(seq: OpenBlock, lineStart: number, dash: number, contentEnd: number, next: number): number {
    const start = skipSpaces(this.text, dash + 1, contentEnd);
    // Empty items are left to the library.
    if (start === contentEnd || this.text.charCodeAt(start) === HASH) outside();
    if (keyColon(this.text, start, contentEnd) !== -1) {
      const map = this.openNested(seq, new YAMLMap(this.schema), start - lineStart, start);
      return this.readEntry(map, lineStart, start, contentEnd, next);
    }
    return this.readValue(seq, start, contentEnd, next);
  }

  /** `key: value`, or `key:` before a nested collection or an empty value. */
  private readEntry(map: OpenBlock & { node: YAMLMap }, lineStart: number, start: number, contentEnd: number, next: number): number {
    const { text } = this;
    const colon = keyColon(text, start, contentEnd);
    if (colon === -1) outside(); // not a key: a multi-line key, or a stray value
    if (colon - lineStart > MAX_KEY_SPAN) outside();
    const end = keyEnd(text, colon);
    const key = this.oneLineScalar(start, end, end, true);
    map.pair = new Pair(key, null);
    map.node.items.push(map.pair);

    const valueStart = skipSpaces(text, colon + 1, contentEnd);
    if (valueStart === contentEnd || text.charCodeAt(valueStart) === HASH) {
      // `key:` alone (perhaps with a comment): a nested collection or an empty value follows.
      map.value = 'pending';
      map.flowValue = undefined;
      map.emptyAt = valueStart;
      map.sep = [];
      if (valueStart < contentEnd) map.sep.push(token('comment', valueStart, contentEnd, map.indent));
      if (next > contentEnd) map.sep.push(token('newline', contentEnd, next, 0));
      return next;
    }
    return this.readValue(map, valueStart, contentEnd, next);
  }

  /** The value of a map entry or sequence item, starting at `start` on its line. */
  private readValue(block: OpenBlock, start: number, contentEnd: number, next: number): number {
    const { text } = this;
    const ch = text.charCodeAt(start);
    if (ch === PIPE || ch === GREATER) return this.readBlockScalar(block, start, contentEnd, next);
    let node: OneLineNode;
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) node = this.readFlowCollection(start, contentEnd, next);
    else if (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE) node = this.oneLineScalar(start, quotedValueEnd(text, start, contentEnd), next, false);
    else node = this.oneLineScalar(start, plainValueEnd(text, start, contentEnd), next, false);
    // A one-line value's range ends after its line break (and trailing comment).
    this.setValue(block, node);
    block.value = 'flow';
    block.flowValue = node;
    block.valueEnd = next;
    return next;
  }

  /**
   * A flow collection on one line, `{key: value, ...}` or `[item, ...]` of plain and quoted
   * scalars, its range ending at `end`. An item's range ends at the `,` or bracket after it.
   */
  private readFlowCollection(open: number, contentEnd: number, end: number): YAMLMap | YAMLSeq {
    const { text } = this;
    const isMap = text.charCodeAt(open) === OPEN_BRACE;
    const closer = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    const map = new YAMLMap(this.schema);
    const seq = new YAMLSeq(this.schema);
    let at = skipSpaces(text, open + 1, contentEnd);
    while (text.charCodeAt(at) !== closer) {
      if (isMap) {
        const keyEnd = flowScalarEnd(text, at, contentEnd);
        const key = this.oneLineScalar(at, keyEnd, keyEnd, true);
        const colon = skipSpaces(text, keyEnd, contentEnd);
        // `key:value` and `key:` (an empty value) are left to the library.
        if (text.charCodeAt(colon) !== COLON || text.charCodeAt(colon + 1) !== SPACE) outside();
        const valueStart = skipSpaces(text, colon + 1, contentEnd);
        const valueEnd = flowScalarEnd(text, valueStart, contentEnd);
        at = skipSpaces(text, valueEnd, contentEnd);
        map.items.push(new Pair(key, this.oneLineScalar(valueStart, valueEnd, at, false)));
      } else {
        const itemStart = at;
        const itemEnd = flowScalarEnd(text, itemStart, contentEnd);
        at = skipSpaces(text, itemEnd, contentEnd);
        seq.items.push(this.oneLineScalar(itemStart, itemEnd, at, false));
      }
      const ch = text.charCodeAt(at);
      if (ch === COMMA) at = skipSpaces(text, at + 1, contentEnd);
      else if (ch !== closer) outside();
    }
    checkFlowCollectionEnd(text, at, contentEnd);
    const node = isMap ? map : seq;
    node.flow = true;
    node.range = [open, at + 1, end];
    return node;
  }

  /** `|`, `>-` and the like: the header, then the body lines the library's lexer gives the scalar. */
  private readBlockScalar(block: OpenBlock, start: number, contentEnd: number, next: number): number {
    const { keep, strip } = blockScalarHeader(this.text, start, contentEnd);
    if (next === contentEnd) outside(); // no body at all
    const body = blockBody(this.text, next, block.indent, keep);
    const folded = this.text.charCodeAt(start) === GREATER;
    const value = blockScalarValue(this.text.slice(next, body.end), body.indent, folded, keep ? 'keep' : strip ? 'strip' : 'clip');
    this.setValue(block, withRange(new Scalar(value), start, body.end, body.end, value, folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL));
    block.value = 'block';
    block.flowValue = undefined;
    block.valueEnd = body.end;
    return body.end;
  }

  /** A one-line plain or quoted scalar `text[start, valueEnd)`, its range ending at `end`. */
  private oneLineScalar(start: number, valueEnd: number, end: number, atKey: boolean): Scalar {
    const { text } = this;
    const ch = text.charCodeAt(start);
    if (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE) {
      const value = quotedValue(text, start, valueEnd);
      return withRange(new Scalar(value), start, valueEnd, end, value, ch === SINGLE_QUOTE ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE);
    }
    const source = text.slice(start, valueEnd);
    return withRange(this.resolve(source, atKey) ?? outside(), start, valueEnd, end, source, Scalar.PLAIN);
  }

  // -------------------------------------------------------------------------------------------
  // Collections opening and closing.

  private openBlock<T extends YAMLMap | YAMLSeq>(node: T, indent: number, start: number): OpenBlock & { node: T } {
    if (this.stack.length >= MAX_DEPTH) outside();
    const block = {
      node,
      indent,
      start,
      pair: undefined,
      value: 'block' as const,
      flowValue: undefined,
      emptyAt: start,
      sep: [],
      valueEnd: start,
      trail: undefined,
      spareTrail: undefined,
    };
    this.stack.push(block);
    return block;
  }

  private openNested<T extends YAMLMap | YAMLSeq>(parent: OpenBlock, node: T, indent: number, start: number): OpenBlock & { node: T } {
    this.setValue(parent, node);
    parent.value = 'block';
    parent.flowValue = undefined;
    return this.openBlock(node, indent, start);
  }

  private setValue(block: OpenBlock, node: Scalar | YAMLMap | YAMLSeq): void {
    if (isMapBlock(block)) block.pair.value = node;
    else (block.node as YAMLSeq).items.push(node);
  }

  /**
   * Closes the innermost collection; returns the one around it. Blank and comment lines after
   * its last entry move out to the enclosing collection (or the document) unless they hold a
   * comment indented at least as deep as the collection: then its range ends after them.
   */
  private closeBlock(): OpenBlock {
    const block = this.stack.pop() as OpenBlock;
    if (block.value === 'pending') this.finishEmptyValue(block, false);
    let end = block.valueEnd;
    let moved: Trail | undefined;
    const trail = block.trail;
    if (trail) {
      if (block.indent === 0 || trail.maxCommentIndent < block.indent) moved = trail;
      else end = trail.end;
    }
    block.node.range = [block.start, block.valueEnd, end];
    const parent = this.top;
    if (parent) {
      parent.valueEnd = end;
      dropTrail(parent);
      parent.trail = moved;
    } else {
      this.contentEnd = end;
      this.docTrailLength = moved ? moved.end - moved.start : 0;
    }
    return parent as OpenBlock;
  }

  /**
   * `key:` followed by no value: a null scalar right after the `:` and its blanks. Its range
   * reaches over the lines after it only when they hold a comment. When the next key of the
   * same map follows, the library hands it every line from the second line break on (counted
   * after the last comment indented deeper than the map).
   */
  private finishEmptyValue(map: OpenBlock, nextKeyFollows: boolean): void {
    const { sep } = map;
    let cut = sep.length;
    if (nextKeyFollows) {
      let firstBreak = -1;
      let secondBreak = -1;
      for (let i = 0; i < sep.length; i++) {
        const t = sep[i];
        if (t.kind === 'newline') {
          if (firstBreak === -1) firstBreak = i;
          else if (secondBreak === -1) secondBreak = i;
        } else if (t.kind === 'comment' && t.indent > map.indent) {
          firstBreak = secondBreak = -1;
        }
      }
      if (secondBreak !== -1) cut = secondBreak;
    }
    let hasComment = false;
    for (let i = 0; i < cut; i++) if (sep[i].kind === 'comment') hasComment = true;
    const end = hasComment ? sep[cut - 1].end : map.emptyAt;
    this.setValue(map, this.oneLineScalar(map.emptyAt, map.emptyAt, end, false));
    map.value = 'block';
    map.flowValue = undefined;
    map.valueEnd = end;
  }

  /** The indentation of a content line: a blank token of the innermost collection. */
  private addBlank(block: OpenBlock, start: number, end: number): void {
    if (block.value === 'pending') block.sep.push(token('space', start, end, 0));
    else extendTrail(block, start, end, -1);
  }
}

/** Sets what the library's composer sets on every scalar it makes. */
function withRange(node: Scalar, start: number, valueEnd: number, end: number, source: string, type: Scalar.Type): Scalar {
  node.range = [start, valueEnd, end];
  node.source = source;
  node.type = type;
  return node;
}

function token(kind: TokenKind, start: number, end: number, indent: number): Token {
  return { kind, start, end, indent };
}

function extendTrail(block: OpenBlock, start: number, end: number, commentIndent: number): void {
  if (block.trail) {
    block.trail.end = end;
    block.trail.maxCommentIndent = Math.max(block.trail.maxCommentIndent, commentIndent);
  } else if (block.spareTrail) {
    block.trail = block.spareTrail;
    block.spareTrail = undefined;
    block.trail.start = start;
    block.trail.end = end;
    block.trail.maxCommentIndent = commentIndent;
  } else {
    block.trail = { start, end, maxCommentIndent: commentIndent };
  }
}

function dropTrail(block: OpenBlock): void {
  if (block.trail) block.spareTrail = block.trail;
  block.trail = undefined;
}
