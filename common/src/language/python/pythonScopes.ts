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
import type { SyntaxNode } from './treeSitter';

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
    private readonly consumed: Set<number>,
    private readonly defaultQuote: string,
    private readonly text: string,
    /** A module-level name's expression when it is assigned exactly once. */
    private readonly constants: (name: string) => SyntaxNode | undefined,
  ) {}

  /** A module-level constant's expression for a name (`deployer_settings = AWSDeployerSettings(...)`). */
  private followed(syntax: SyntaxNode): SyntaxNode {
    return syntax.type === 'identifier' ? (this.constants(syntax.text) ?? syntax) : syntax;
  }

  at<T extends Node>(node: T, syntax: SyntaxNode): T {
    node.range = [syntax.startIndex, syntax.endIndex, syntax.endIndex];
    return node;
  }

  computedValue(syntax: SyntaxNode, path: string[]): Read {
    this.computed.add(path.join('\u0000'));
    return { node: this.at(new Scalar(COMPUTED), syntax), computed: true };
  }

  /** Any value: a literal, a dict or list of them, `dict(...)`; anything else is computed. */
  value(syntax: SyntaxNode, path: string[]): Read {
    if (syntax.type === 'dictionary') return this.dict(syntax, path) ?? this.computedValue(syntax, path);
    if (syntax.type === 'list' || syntax.type === 'tuple') return this.list(syntax, path);
    if (syntax.type === 'call' && this.isDictCall(syntax)) return this.kwargs(syntax, path) ?? this.computedValue(syntax, path);
    const literal = scalarLiteral(syntax);
    if (literal === COMPUTED) return this.computedValue(syntax, path);
    return { node: this.at(new Scalar(literal), syntax), json: literal };
  }

  private isDictCall(call: SyntaxNode): boolean {
    const callee = call.childForFieldName('function');
    return callee?.type === 'identifier' && callee.text === 'dict';
  }

  private list(syntax: SyntaxNode, path: string[]): Read {
    const seq = this.at(new YAMLSeq(), syntax);
    const json: unknown[] = [];
    let computed = false;
    for (const item of syntax.namedChildren) {
      if (!item || item.type === 'comment') continue;
      const read = this.value(item, [...path, String(seq.items.length)]);
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
    const quote = /["']/.exec(this.text.slice(syntax.startIndex, syntax.endIndex))?.[0] ?? this.defaultQuote;
    this.containers.set(map, { kind, open: syntax.startIndex + 1, close: syntax.endIndex - 1, quote, keys });
  }

  /** A dict literal with string keys; `undefined` when `**` or a computed key makes its keys unknowable. */
  dict(syntax: SyntaxNode, path: string[], only?: (key: string) => boolean): Read | undefined {
    const map = this.at(new YAMLMap(), syntax);
    const keys = new Set<string>();
    this.container(map, syntax, 'dict', keys);
    const json: Record<string, unknown> = {};
    for (const entry of syntax.namedChildren) {
      if (!entry || entry.type === 'comment') continue;
      const keyNode = entry.type === 'pair' ? entry.childForFieldName('key') : null;
      const valueNode = entry.type === 'pair' ? entry.childForFieldName('value') : null;
      const key = keyNode ? scalarLiteral(keyNode) : COMPUTED;
      if (!keyNode || !valueNode || typeof key !== 'string') return undefined;
      keys.add(key);
      if (only && !only(key)) continue;
      const read = this.entryValue(key, valueNode, [...path, key]);
      map.items.push(new Pair(this.at(new Scalar(key), keyNode), read.node));
      if (!read.computed && read.json !== undefined) json[key] = read.json;
    }
    return { node: map, json };
  }

  /** Keyword arguments of a call (`ResourceSettings(cpu_count=2)`, `dict(...)`); `undefined` with positional or `**` arguments. */
  kwargs(call: SyntaxNode, path: string[], only?: (key: string) => boolean): Read | undefined {
    const args = call.childForFieldName('arguments');
    if (args?.type !== 'argument_list') return undefined;
    const map = this.at(new YAMLMap(), call);
    const keys = new Set<string>();
    this.container(map, args, 'call', keys);
    const json: Record<string, unknown> = {};
    for (const argument of args.namedChildren) {
      if (!argument || argument.type === 'comment') continue;
      const name = argument.type === 'keyword_argument' ? argument.childForFieldName('name') : null;
      const valueNode = argument.type === 'keyword_argument' ? argument.childForFieldName('value') : null;
      if (!name || !valueNode) return undefined;
      keys.add(name.text);
      if (only && !only(name.text)) continue;
      const read = this.entryValue(name.text, valueNode, [...path, name.text]);
      map.items.push(new Pair(this.at(new Scalar(name.text), name), read.node));
      if (!read.computed && read.json !== undefined) json[name.text] = read.json;
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
    if (syntax.type === 'call') {
      const callee = syntax.childForFieldName('function');
      if (callee && this.imports.resolve(callee) === expected) {
        this.consumed.add(syntax.id);
        return this.kwargs(syntax, path) ?? this.computedValue(syntax, path);
      }
    }
    return this.value(syntax, path);
  }

  /** The settings argument: a dict (or `dict(...)`) of which only the checked blocks are read. */
  settings(written: SyntaxNode): Read | undefined {
    const syntax = this.followed(written);
    const checked = (key: string): boolean => key in BLOCK_CLASS;
    if (syntax.type === 'dictionary') return this.dict(syntax, ['settings'], checked);
    if (syntax.type === 'call' && this.isDictCall(syntax)) return this.kwargs(syntax, ['settings'], checked);
    return undefined;
  }
}

function keywordArgument(call: SyntaxNode, name: string): SyntaxNode | undefined {
  const args = call.childForFieldName('arguments');
  for (const argument of args?.namedChildren ?? []) {
    if (argument?.type === 'keyword_argument' && argument.childForFieldName('name')?.text === name) return argument;
  }
  return undefined;
}

/**
 * The expression a module-level name is assigned, when the module assigns it exactly once at its
 * top level (`DEPLOYER = AWSDeployerSettings(...)`, `x: T = ...`); found from the text, so only the
 * names a scope uses are looked up.
 */
function constantsOf(root: SyntaxNode, text: string): (name: string) => SyntaxNode | undefined {
  const cache = new Map<string, SyntaxNode | undefined>();
  return (name) => {
    if (cache.has(name)) return cache.get(name);
    const assignments = [...text.matchAll(new RegExp(`^${name}[ \\t]*(?::[^=\\n]*)?=(?!=)`, 'gm'))];
    let value: SyntaxNode | undefined;
    if (assignments.length === 1) {
      const left = root.descendantForIndex(assignments[0].index);
      const assignment = left?.parent;
      if (left?.type === 'identifier' && assignment?.type === 'assignment' && assignment.parent?.parent?.id === root.id) {
        value = assignment.childForFieldName('right') ?? undefined;
      }
    }
    cache.set(name, value);
    return value;
  };
}

/** The call whose callee ends with the identifier at `offset` (`RS(`, `zc.ResourceSettings(`). */
function callAt(root: SyntaxNode, offset: number): SyntaxNode | undefined {
  let node = root.descendantForIndex(offset);
  if (node?.type !== 'identifier') return undefined;
  while (node.parent?.type === 'attribute' && node.parent.childForFieldName('attribute')?.id === node.id) node = node.parent;
  const call = node.parent;
  return call?.type === 'call' && call.childForFieldName('function')?.id === node.id ? call : undefined;
}

/** Calls that may hold settings: those with a `settings=` argument, and those of the settings classes. */
function candidateCalls(root: SyntaxNode, text: string, imports: ZenmlImports): { configuring: SyntaxNode[]; classes: SyntaxNode[] } {
  const configuring: SyntaxNode[] = [];
  for (const match of text.matchAll(/\bsettings\s*=(?!=)/g)) {
    const argument = root.descendantForIndex(match.index)?.parent;
    const call = argument?.type === 'keyword_argument' ? argument.parent?.parent : undefined;
    if (call?.type === 'call') configuring.push(call);
  }
  const names = ['ResourceSettings', 'AWSDeployerSettings', ...imports.aliasesOf(['ResourceSettings', 'AWSDeployerSettings'])];
  const classes: SyntaxNode[] = [];
  for (const match of text.matchAll(new RegExp(`\\b(?:${[...new Set(names)].join('|')})\\s*\\(`, 'g'))) {
    const call = callAt(root, match.index);
    if (call) classes.push(call);
  }
  return { configuring, classes };
}

/** Every scope of ZenML settings in the module, in text order. */
export function pythonScopes(root: SyntaxNode, source: SourceText, imports: ZenmlImports): PythonScope[] {
  const text = source.text;
  const { configuring, classes } = candidateCalls(root, text, imports);
  const consumed = new Set<number>();
  const defaultQuote = (text.match(/'/g)?.length ?? 0) > (text.match(/"/g)?.length ?? 0) ? "'" : '"';
  const constants = constantsOf(root, text);
  const found: { start: number; make: (index: number) => PythonScope }[] = [];
  const finish = (builder: ScopeBuilder, tree: YAMLMap, json: unknown, start: number): void => {
    found.push({ start, make: (index) => new PythonScope(source, index, tree, json, builder.containers, builder.computed) });
  };
  for (const call of configuring) {
    const callee = call.childForFieldName('function');
    if (!callee) continue;
    const name = imports.resolve(callee);
    const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    if (name !== 'pipeline' && name !== 'step' && !(method && CONFIGURING_METHODS.has(method))) continue;
    const argument = keywordArgument(call, 'settings');
    const key = argument?.childForFieldName('name');
    const value = argument?.childForFieldName('value');
    if (!key || !value) continue;
    const builder = new ScopeBuilder(imports, consumed, defaultQuote, text, constants);
    const settings = builder.settings(value);
    if (!settings || !(settings.node as YAMLMap).items.length) continue;
    const tree = builder.at(new YAMLMap(), call);
    tree.items.push(new Pair(builder.at(new Scalar('settings'), key), settings.node));
    finish(builder, tree, { settings: settings.json }, call.startIndex);
  }
  for (const call of classes) {
    const callee = call.childForFieldName('function');
    const name = callee ? imports.resolve(callee) : undefined;
    if (!callee || consumed.has(call.id) || (name !== 'ResourceSettings' && name !== 'AWSDeployerSettings')) continue;
    const blockKey = name === 'ResourceSettings' ? 'resources' : 'deployer';
    const builder = new ScopeBuilder(imports, consumed, defaultQuote, text, constants);
    const block = builder.block(call, name, ['settings', blockKey]);
    // No text of its own for `settings`: the block's key is the class name, so hover there shows the block.
    const settings = builder.at(new YAMLMap(), call);
    settings.items.push(new Pair(builder.at(new Scalar(blockKey), callee), block.node));
    const tree = builder.at(new YAMLMap(), call);
    tree.items.push(new Pair(new Scalar('settings'), settings));
    finish(builder, tree, { settings: block.computed ? {} : { [blockKey]: block.json } }, call.startIndex);
  }
  return found.sort((a, b) => a.start - b.start).map((entry, index) => entry.make(index));
}
