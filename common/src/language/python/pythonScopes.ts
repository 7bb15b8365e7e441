// Finds the scopes of ZenML settings in a Python syntax tree and maps each onto the settings tree
// the rules read: `settings={"resources": ResourceSettings(cpu_count=2)}` becomes
// `settings.resources.cpu_count` with the offsets of `cpu_count` and `2`. Literals are read; names,
// calls and f-strings are values computed at run time, marked so and never guessed; a block or a
// settings dict that `**` could extend is not checked at all.
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { SourceText } from '../sourceText';
import { COMPUTED, scalarLiteral } from './literals';
import type { ZenmlImports, ZenmlName } from './imports';
import { PythonScope, type PyContainer } from './pythonScope';
import { asCall, childrenOf, dictPair, entriesOf, isAssign, keywordArgument, nodeAt, textOf, type Call, type Span, type SyntaxNode, type Tree } from './syntax';

/** The settings keys whose blocks are checked, and the ZenML class each takes. */
const BLOCK_CLASS: Readonly<Record<string, ZenmlName>> = { deployer: 'AWSDeployerSettings', 'deployer.aws': 'AWSDeployerSettings', resources: 'ResourceSettings' };
const CONFIGURING_METHODS: ReadonlySet<string> = new Set(['with_options', 'configure']);

interface Read {
  node: Node;
  /** The plain value; absent when computed. */
  json?: unknown;
  computed?: true;
}

class ScopeBuilder {
  readonly containers = new Map<Node, PyContainer>();
  readonly computed = new Set<string>();

  constructor(
    private readonly imports: ZenmlImports,
    /** The settings-class calls already read as a block of a scope, known by the offset of their `(`. */
    private readonly consumed: Set<number>,
    private readonly defaultQuote: string,
    private readonly text: string,
    /** A module-level name's expression when it is assigned exactly once. */
    private readonly constants: (name: string) => SyntaxNode | undefined,
  ) {}

  /** A module-level constant's expression for a name (`deployer_settings = AWSDeployerSettings(...)`). */
  private followed(syntax: SyntaxNode): SyntaxNode {
    return syntax.name === 'VariableName' ? (this.constants(textOf(this.text, syntax)) ?? syntax) : syntax;
  }

  at<T extends Node>(node: T, syntax: Span): T {
    node.range = [syntax.from, syntax.to, syntax.to];
    return node;
  }

  computedValue(syntax: Span, path: string[]): Read {
    this.computed.add(path.join('\u0000'));
    return { node: this.at(new Scalar(COMPUTED), syntax), computed: true };
  }

  /** Any value: a literal, a dict or list of them, `dict(...)`; anything else is computed. */
  value(syntax: SyntaxNode, path: string[]): Read {
    if (syntax.name === 'DictionaryExpression') return this.dict(syntax, path) ?? this.computedValue(syntax, path);
    if (syntax.name === 'ArrayExpression' || syntax.name === 'TupleExpression') return this.list(syntax, path);
    const call = this.dictCall(syntax);
    if (call) return this.kwargs(call, path) ?? this.computedValue(syntax, path);
    const literal = scalarLiteral(syntax, this.text);
    if (literal === COMPUTED) return this.computedValue(syntax, path);
    return { node: this.at(new Scalar(literal), syntax), json: literal };
  }

  /** `dict(...)`, read like a dict literal. */
  private dictCall(syntax: SyntaxNode): Call | undefined {
    const call = asCall(syntax, this.text);
    return call?.dotted?.length === 1 && call.dotted[0] === 'dict' ? call : undefined;
  }

  private list(syntax: SyntaxNode, path: string[]): Read {
    const seq = this.at(new YAMLSeq(), syntax);
    const json: unknown[] = [];
    let computed = false;
    for (const entry of entriesOf(syntax)) {
      const itemPath = [...path, String(seq.items.length)];
      // `*rest` (or what an error left) is more than one node: computed, like any value that is not a literal.
      const read = entry.length === 1 ? this.value(entry[0], itemPath) : this.computedValue({ from: entry[0].from, to: entry[entry.length - 1].to }, itemPath);
      seq.items.push(read.node);
      if (read.computed) computed = true;
      else json.push(read.json);
    }
    if (computed) {
      this.computed.add(path.join('\u0000'));
      return { node: seq, computed: true };
    }
    return { node: seq, json };
  }

  private container(map: YAMLMap, syntax: SyntaxNode, kind: PyContainer['kind'], keys: ReadonlySet<string>): void {
    const quote = /["']/.exec(textOf(this.text, syntax))?.[0] ?? this.defaultQuote;
    this.containers.set(map, { kind, open: syntax.from + 1, close: syntax.to - 1, quote, keys });
  }

  /** A dict literal with string keys; `undefined` when `**` or a computed key makes its keys unknowable. */
  dict(syntax: SyntaxNode, path: string[], only?: (key: string) => boolean): Read | undefined {
    const map = this.at(new YAMLMap(), syntax);
    const keys = new Set<string>();
    this.container(map, syntax, 'dict', keys);
    const json: Record<string, unknown> = {};
    for (const entry of entriesOf(syntax)) {
      const pair = dictPair(entry);
      const key = pair ? scalarLiteral(pair.key, this.text) : COMPUTED;
      if (!pair || typeof key !== 'string') return undefined;
      keys.add(key);
      if (only && !only(key)) continue;
      const read = this.entryValue(key, pair.value, [...path, key]);
      map.items.push(new Pair(this.at(new Scalar(key), pair.key), read.node));
      if (!read.computed && read.json !== undefined) json[key] = read.json;
    }
    return { node: map, json };
  }

  /** Keyword arguments of a call (`ResourceSettings(cpu_count=2)`, `dict(...)`); `undefined` with positional or `**` arguments. */
  kwargs(call: Call, path: string[], only?: (key: string) => boolean): Read | undefined {
    const map = this.at(new YAMLMap(), call);
    const keys = new Set<string>();
    this.container(map, call.args, 'call', keys);
    const json: Record<string, unknown> = {};
    for (const entry of entriesOf(call.args)) {
      const argument = keywordArgument(entry, this.text);
      if (!argument) return undefined;
      const name = textOf(this.text, argument.name);
      keys.add(name);
      if (only && !only(name)) continue;
      const read = this.entryValue(name, argument.value, [...path, name]);
      map.items.push(new Pair(this.at(new Scalar(name), argument.name), read.node));
      if (!read.computed && read.json !== undefined) json[name] = read.json;
    }
    return { node: map, json };
  }

  /** An entry's value; at `settings.<block>` the block itself (a settings class, a dict, or computed). */
  private entryValue(key: string, syntax: SyntaxNode, path: string[]): Read {
    if (path.length === 2 && path[0] === 'settings' && key in BLOCK_CLASS) return this.block(syntax, BLOCK_CLASS[key], path);
    const read = this.value(syntax, path);
    // Every ResourceSettings field is Optional with None as its default: None there means unset.
    if (path.length === 3 && path[1] === 'resources' && read.json === null) return { node: read.node };
    return read;
  }

  /** A checked block: a call of its ZenML class, a dict, or `dict(...)`; anything else is computed. */
  block(written: SyntaxNode, expected: ZenmlName, path: string[]): Read {
    const syntax = this.followed(written);
    const call = asCall(syntax, this.text);
    if (call && this.imports.resolve(call.dotted) === expected) return this.classCall(call, path);
    return this.value(syntax, path);
  }

  /** A call of a settings class (`ResourceSettings(cpu_count=2)`): its keyword arguments are the block. */
  classCall(call: Call, path: string[]): Read {
    this.consumed.add(call.args.from);
    return this.kwargs(call, path) ?? this.computedValue(call, path);
  }

  /** The settings argument: a dict (or `dict(...)`) of which only the checked blocks are read. */
  settings(written: SyntaxNode): Read | undefined {
    const syntax = this.followed(written);
    const checked = (key: string): boolean => key in BLOCK_CLASS;
    if (syntax.name === 'DictionaryExpression') return this.dict(syntax, ['settings'], checked);
    const call = this.dictCall(syntax);
    return call && this.kwargs(call, ['settings'], checked);
  }
}

/** The `name=value` argument of a call with that name. */
function argumentNamed(call: Call, name: string, text: string): { name: SyntaxNode; value: SyntaxNode } | undefined {
  for (const entry of entriesOf(call.args)) {
    const argument = keywordArgument(entry, text);
    if (argument && textOf(text, argument.name) === name) return argument;
  }
  return undefined;
}

/**
 * The expression a module-level name is assigned, when the module assigns it exactly once at its
 * top level (`DEPLOYER = AWSDeployerSettings(...)`, `x: T = ...`); found from the text, so only the
 * names a scope uses are looked up.
 */
function constantsOf(tree: Tree, text: string): (name: string) => SyntaxNode | undefined {
  const cache = new Map<string, SyntaxNode | undefined>();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const assignments = [...text.matchAll(new RegExp(`^${name}[ \\t]*(?::[^=\\n]*)?=(?!=)`, 'gm'))];
    cache.set(name, assignments.length === 1 ? assignedAt(tree, assignments[0].index, text) : undefined);
    return cache.get(name);
  };
}

/** The value of the top-level `name = value` (or `name: T = value`) whose name starts at `offset`; not of `a = b = value`. */
function assignedAt(tree: Tree, offset: number, text: string): SyntaxNode | undefined {
  const name = nodeAt(tree, offset);
  const assignment = name.parent;
  if (name.name !== 'VariableName' || assignment?.name !== 'AssignStatement' || assignment.parent?.name !== 'Script') return undefined;
  const parts = childrenOf(assignment);
  const value = parts[parts.length - 1];
  // One `=`, right before the value: `name = value` or `name: T = value`.
  const single = parts.filter((part) => part.name === 'AssignOp').length === 1 && parts.length > 1 && isAssign(parts[parts.length - 2], text);
  return parts[0].from === name.from && single && !value.type.isError ? value : undefined;
}

/** The call whose callee ends with the name at `offset` (`RS(`, `zc.ResourceSettings(`, a decorator's). */
function callAt(tree: Tree, offset: number, text: string): Call | undefined {
  const name = nodeAt(tree, offset);
  if (name.name !== 'VariableName' && name.name !== 'PropertyName') return undefined;
  const callee = name.name === 'PropertyName' && name.parent?.name === 'MemberExpression' ? name.parent : name;
  const call = callee.parent ? asCall(callee.parent, text) : undefined;
  return call?.callee.to === name.to ? call : undefined;
}

/** Calls that may hold settings: those with a `settings=` argument, and those of the settings classes. */
function candidateCalls(tree: Tree, text: string, imports: ZenmlImports): { configuring: Call[]; classes: Call[] } {
  const configuring: Call[] = [];
  for (const match of text.matchAll(/\bsettings\s*=(?!=)/g)) {
    const name = nodeAt(tree, match.index);
    const operator = name.name === 'VariableName' ? name.nextSibling : null;
    const args = operator && isAssign(operator, text) ? name.parent : null;
    const call = args?.name === 'ArgList' && args.parent ? asCall(args.parent, text) : undefined;
    if (call) configuring.push(call);
  }
  const names = ['ResourceSettings', 'AWSDeployerSettings', ...imports.aliasesOf(['ResourceSettings', 'AWSDeployerSettings'])];
  const classes: Call[] = [];
  for (const match of text.matchAll(new RegExp(`\\b(?:${[...new Set(names)].join('|')})\\s*\\(`, 'g'))) {
    const call = callAt(tree, match.index, text);
    if (call) classes.push(call);
  }
  return { configuring, classes };
}

/** Every scope of ZenML settings in the module, in text order. */
export function pythonScopes(syntax: Tree, source: SourceText, imports: ZenmlImports): PythonScope[] {
  const text = source.text;
  const { configuring, classes } = candidateCalls(syntax, text, imports);
  const consumed = new Set<number>();
  const defaultQuote = (text.match(/'/g)?.length ?? 0) > (text.match(/"/g)?.length ?? 0) ? "'" : '"';
  const constants = constantsOf(syntax, text);
  const found: { start: number; make: (index: number) => PythonScope }[] = [];
  const finish = (builder: ScopeBuilder, tree: YAMLMap, json: unknown, start: number): void => {
    found.push({ start, make: (index) => new PythonScope(source, index, tree, json, builder.containers, builder.computed) });
  };
  for (const call of configuring) {
    const name = imports.resolve(call.dotted);
    if (name !== 'pipeline' && name !== 'step' && !(call.method && CONFIGURING_METHODS.has(call.method))) continue;
    const argument = argumentNamed(call, 'settings', text);
    if (!argument) continue;
    const builder = new ScopeBuilder(imports, consumed, defaultQuote, text, constants);
    const settings = builder.settings(argument.value);
    if (!settings || !(settings.node as YAMLMap).items.length) continue;
    const tree = builder.at(new YAMLMap(), call);
    tree.items.push(new Pair(builder.at(new Scalar('settings'), argument.name), settings.node));
    finish(builder, tree, { settings: settings.json }, call.from);
  }
  for (const call of classes) {
    const name = imports.resolve(call.dotted);
    if (consumed.has(call.args.from) || (name !== 'ResourceSettings' && name !== 'AWSDeployerSettings')) continue;
    const blockKey = name === 'ResourceSettings' ? 'resources' : 'deployer';
    const builder = new ScopeBuilder(imports, consumed, defaultQuote, text, constants);
    const block = builder.classCall(call, ['settings', blockKey]);
    // No text of its own for `settings`: the block's key is the class name, so hover there shows the block.
    const settings = builder.at(new YAMLMap(), call);
    settings.items.push(new Pair(builder.at(new Scalar(blockKey), call.callee), block.node));
    const tree = builder.at(new YAMLMap(), call);
    tree.items.push(new Pair(new Scalar('settings'), settings));
    finish(builder, tree, { settings: block.computed ? {} : { [blockKey]: block.json } }, call.from);
  }
  return found.sort((a, b) => a.start - b.start).map((entry, index) => entry.make(index));
}
