// Reading Lezer's Python tree. The tree is flat and has no field names: a keyword argument is
// `VariableName AssignOp value` among its ArgList's children, a dict entry `key : value` among the
// DictionaryExpression's, the commas and brackets are children too, and a decorator keeps its
// dotted name and ArgList as loose children. Nodes carry offsets only, so their text is read from
// the module's. These helpers give the Python modules the pieces they look for.
import type { SyntaxNode, Tree } from '@lezer/common';

export type { SyntaxNode, Tree } from '@lezer/common';

/** Offsets into the module's text. */
export interface Span {
  from: number;
  to: number;
}

export function textOf(text: string, span: Span): string {
  return text.slice(span.from, span.to);
}

/** The innermost node at `offset`, taken on its right: the name that starts there, not what ends there. */
export function nodeAt(tree: Tree, offset: number): SyntaxNode {
  return tree.resolve(offset, 1);
}

/** The node's children, comments left out. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') children.push(child);
  return children;
}

const BRACKETS: ReadonlySet<string> = new Set(['(', ')', '[', ']', '{', '}']);

/**
 * The entries of a bracketed node (an ArgList, a dict, a list, a tuple), each the children
 * between two commas: `[VariableName, AssignOp, Number]` for `cpu_count=2`. A trailing comma
 * makes no empty entry.
 */
export function entriesOf(node: SyntaxNode): SyntaxNode[][] {
  const entries: SyntaxNode[][] = [[]];
  for (const child of childrenOf(node)) {
    if (child.name === ',') entries.push([]);
    else if (!BRACKETS.has(child.name)) entries[entries.length - 1].push(child);
  }
  return entries.filter((entry) => entry.length > 0);
}

/** True for a plain `=` (an AssignOp is also `:=`, which the grammar writes the same way in an ArgList). */
export function isAssign(node: SyntaxNode, text: string): boolean {
  return node.name === 'AssignOp' && textOf(text, node) === '=';
}

/** A `name=value` argument of an ArgList entry, if that is what the entry is (not `name := value`). */
export function keywordArgument(entry: readonly SyntaxNode[], text: string): { name: SyntaxNode; value: SyntaxNode } | undefined {
  const [name, operator, value] = entry;
  return entry.length === 3 && name.name === 'VariableName' && isAssign(operator, text) && !value.type.isError ? { name, value } : undefined;
}

/** A `key: value` pair of a dict entry, if that is what the entry is (not `**other`). */
export function dictPair(entry: readonly SyntaxNode[]): { key: SyntaxNode; value: SyntaxNode } | undefined {
  const [key, colon, value] = entry;
  return entry.length === 3 && colon.name === ':' && !key.type.isError && !value.type.isError ? { key, value } : undefined;
}

/** True when the parser had to recover from a syntax error anywhere in the tree. */
export function hasSyntaxError(tree: Tree): boolean {
  let found = false;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) found = true;
      return !found;
    },
  });
  return found;
}

/** An expression as a dotted name (`zc.ResourceSettings` → `['zc', 'ResourceSettings']`), if it is one. */
export function dottedName(node: SyntaxNode, text: string): string[] | undefined {
  if (node.name === 'VariableName') return [textOf(text, node)];
  if (node.name !== 'MemberExpression') return undefined;
  const [object, dot, property] = childrenOf(node);
  if (dot?.name !== '.' || property?.name !== 'PropertyName') return undefined;
  const base = dottedName(object, text);
  return base && [...base, textOf(text, property)];
}

/** A dotted name written as loose tokens, as import statements and decorators have it (`zenml . config` → `['zenml', 'config']`). */
export function dottedTokens(tokens: readonly SyntaxNode[], text: string): string[] | undefined {
  const alternating = tokens.length % 2 === 1 && tokens.every((token, index) => token.name === (index % 2 === 0 ? 'VariableName' : '.'));
  return alternating ? tokens.filter((_, index) => index % 2 === 0).map((token) => textOf(text, token)) : undefined;
}

/**
 * A call as the settings are read from it: `f(...)`, `p.with_options(...)`, or a decorator's
 * `@pipeline(...)`, which the grammar does not make a CallExpression.
 */
export interface Call extends Span {
  callee: Span;
  /** The callee as a dotted name (`zc.ResourceSettings`), when it is one. */
  dotted?: string[];
  /** The attribute a method call calls (`with_options` in `p.with_options(...)`). */
  method?: string;
  args: SyntaxNode;
}

/** The call a CallExpression or a decorator with arguments makes; its span leaves the decorator's `@` out. */
export function asCall(node: SyntaxNode, text: string): Call | undefined {
  if (node.name === 'CallExpression') {
    const callee = node.firstChild;
    const args = node.lastChild;
    if (!callee || args?.name !== 'ArgList') return undefined;
    const property = callee.name === 'MemberExpression' ? callee.lastChild : null;
    const method = property?.name === 'PropertyName' ? textOf(text, property) : undefined;
    return { from: node.from, to: node.to, callee, dotted: dottedName(callee, text), method, args };
  }
  if (node.name === 'Decorator') {
    const parts = childrenOf(node);
    const args = parts[parts.length - 1];
    const names = parts.slice(1, -1);
    const dotted = dottedTokens(names, text);
    if (parts[0]?.name !== 'At' || args?.name !== 'ArgList' || !dotted) return undefined;
    const callee = { from: names[0].from, to: names[names.length - 1].to };
    return { from: callee.from, to: args.to, callee, dotted, method: dotted.length > 1 ? dotted[dotted.length - 1] : undefined, args };
  }
  return undefined;
}
