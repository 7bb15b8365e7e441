// Completion in Python: keyword arguments of `ResourceSettings(` / `AWSDeployerSettings(`, keys of
// the dicts under `settings=` (`"resources": {`), and values after `memory=` or `"memory": `. The
// line being typed rarely parses, so the brackets around the cursor come from a scan of the text
// (strings and comments skipped), and only the names are resolved through the module's imports.
import { factsAt, knownKeys, type SettingFacts } from '../../domain/schemaFacts';
import type { CompletionEntry } from '../completion';
import { settingMarkdown, titleLine } from '../features/schemaDocs';
import { valueCandidates } from '../features/valueCandidates';
import type { SourceFile } from '../sources/sourceFile';
import type { Position, Range } from '../types';
import { zenmlImports } from './imports';
import { pythonString } from './literals';
import type { ParsedText } from './pythonParser';
import { pythonSource } from './pythonSource';

interface Opener {
  char: '(' | '{' | '[';
  offset: number;
}

/** The brackets open at `offset`, outermost first, skipping strings and comments. */
function openBrackets(text: string, offset: number): Opener[] {
  const stack: Opener[] = [];
  let i = 0;
  while (i < offset) {
    const ch = text[i];
    if (ch === '#') {
      while (i < offset && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const triple = text.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < text.length && !text.startsWith(close, j) && (triple || text[j] !== '\n')) j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) return stack; // the cursor is inside this string: the stack is the string's context
      i = j + close.length;
      continue;
    }
    if (ch === '(' || ch === '{' || ch === '[') stack.push({ char: ch, offset: i });
    else if (ch === ')' || ch === '}' || ch === ']') stack.pop();
    i++;
  }
  return stack;
}

/** The text of the current argument or entry: from the last top-level comma (or the opener) to the cursor. */
function currentItem(text: string, open: number, offset: number): { start: number; text: string } {
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < offset; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '{' || ch === '[') depth++;
    else if (ch === ')' || ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) start = i + 1;
  }
  return { start, text: text.slice(start, offset) };
}

const CALLEE = /([A-Za-z_][\w.]*)\s*$/;
const SETTINGS_KWARG = /\bsettings\s*=\s*$/;
const DICT_KEY = /(["'])([\w.]+)\1\s*:\s*$/;
const BLOCKS: Readonly<Record<string, string>> = { deployer: 'deployer', 'deployer.aws': 'deployer.aws', resources: 'resources' };

/** What the bracket at `index` of the stack holds: a settings path, or nothing of ours. */
function pathOf(text: string, stack: readonly Opener[], index: number, names: (callee: string) => string | undefined): string[] | undefined {
  const opener = stack[index];
  const before = text.slice(Math.max(0, opener.offset - 200), opener.offset);
  if (opener.char === '(') {
    const name = names(CALLEE.exec(before)?.[1] ?? '');
    if (name === 'ResourceSettings') return ['settings', 'resources'];
    if (name === 'AWSDeployerSettings') return ['settings', 'deployer'];
    return undefined;
  }
  if (opener.char !== '{') return undefined;
  if (SETTINGS_KWARG.test(before)) {
    const call = stack[index - 1];
    if (call?.char !== '(') return undefined;
    const callee = CALLEE.exec(text.slice(Math.max(0, call.offset - 200), call.offset))?.[1] ?? '';
    const name = names(callee);
    return name === 'pipeline' || name === 'step' || /\.(with_options|configure)$/.test(callee) ? ['settings'] : undefined;
  }
  const key = DICT_KEY.exec(before)?.[2];
  if (key && key in BLOCKS && index > 0) {
    const parent = pathOf(text, stack, index - 1, names);
    return parent?.length === 1 ? ['settings', BLOCKS[key]] : undefined;
  }
  return undefined;
}

function pythonValue(candidate: string, facts: SettingFacts, quote: string): string {
  if (candidate === 'null') return 'None';
  if (candidate === 'true') return 'True';
  if (candidate === 'false') return 'False';
  const types = Array.isArray(facts.type) ? facts.type : [facts.type];
  return types.includes('string') ? pythonString(candidate, quote) : candidate;
}

function rangeOf(file: SourceFile, start: number, end: number): Range {
  return file.source.range(start, end);
}

/** The smallest scope around the offset (a step's settings inside a module-level call, say). */
function innermostScope(file: SourceFile, offset: number): SourceFile['scopes'][number] | undefined {
  const span = (scope: SourceFile['scopes'][number]): number => {
    const range = scope.wholeRange();
    return file.source.offsetAt(range.end) - file.source.offsetAt(range.start);
  };
  return file.scopes.filter((scope) => scope.hitAt(offset) !== undefined).sort((a, b) => span(a) - span(b))[0];
}

export function completePython(file: SourceFile, parsed: ParsedText, position: Position): CompletionEntry[] {
  const text = file.source.text;
  const offset = file.source.offsetAt(position);
  const stack = openBrackets(text, offset);
  if (stack.length === 0) return [];
  const imports = zenmlImports(parsed.tree, text);
  const names = (callee: string): string | undefined => imports.resolveText(callee);
  const index = stack.length - 1;
  const path = pathOf(text, stack, index, names);
  if (!path) return [];
  const inCall = stack[index].char === '(';
  const item = currentItem(text, stack[index].offset, offset);
  const quote = /"/.test(text.slice(stack[0].offset, offset)) || !/'/.test(text) ? '"' : "'";
  const value = inCall ? /^\s*(\w+)\s*=\s*(\S*)$/.exec(item.text) : /^\s*(["'])([\w.]+)\1\s*:\s*(\S*)$/.exec(item.text);
  if (value) {
    const key = inCall ? value[1] : value[2];
    const partial = inCall ? value[2] : value[3];
    const facts = factsAt([...path, key]);
    if (!facts) return [];
    // The line being typed (`memory=`) does not parse: read the scope with a placeholder value there.
    const next = /\S/.exec(text.slice(offset))?.[0];
    const placeholder = next === ',' || next === ')' || next === '}' ? 'None' : 'None,';
    const patched = partial === '' ? pythonSource(`${text.slice(0, offset)}${placeholder}${text.slice(offset)}`, parsed) : file;
    const json = innermostScope(patched, offset)?.value;
    const range = rangeOf(file, offset - partial.length, offset);
    return valueCandidates([...path, key], facts, json).map((candidate, position) => ({
      label: pythonValue(candidate.text, facts, quote),
      kind: facts.enum ? 'enumMember' : 'value',
      detail: candidate.detail,
      documentation: settingMarkdown(key, facts),
      insertText: pythonValue(candidate.text, facts, quote),
      snippet: false,
      range,
      sortText: `0${String(position).padStart(3, '0')}`,
    }));
  }
  const keyMatch = inCall ? /^\s*(\w*)$/.exec(item.text) : /^\s*((["'])?)([\w.]*)$/.exec(item.text);
  if (!keyMatch) return [];
  const typedStart = offset - (inCall ? keyMatch[1].length : keyMatch[1].length + keyMatch[3].length);
  const keyQuote = inCall ? '' : keyMatch[2] || quote;
  // A closing quote the editor typed already goes too: `"cp|"` becomes `"cpu_count": `.
  const end = !inCall && keyMatch[2] && text[offset] === keyMatch[2] ? offset + 1 : offset;
  const present = new Set([...text.slice(stack[index].offset, offset).matchAll(inCall ? /(\w+)\s*=/g : /["']([\w.]+)["']\s*:/g)].map((match) => match[1]));
  const range = rangeOf(file, typedStart, end);
  return knownKeys(path)
    .filter((key) => !present.has(key))
    .flatMap((key, rank) => {
      const facts = factsAt([...path, key]);
      if (!facts) return [];
      const insertText = inCall ? `${key}=` : `${pythonString(key, keyQuote)}: `;
      const entry: CompletionEntry = {
        label: key,
        kind: 'property',
        detail: titleLine(key, facts).replace(/\*\*`[^`]*`\*\* · ?/, '').replace(/`/g, ''),
        documentation: settingMarkdown(key, facts),
        insertText,
        snippet: false,
        range,
        sortText: `${facts.deprecated ? 3 : facts.appRunnerIgnored ? 2 : 1}${String(rank).padStart(3, '0')}`,
        deprecated: facts.deprecated,
      };
      return [entry];
    });
}
