// Which names in a module are ZenML's: read from the module's own import statements (any of ZenML's
// import paths, aliases included), so a `ResourceSettings` the module defines itself, or imports
// from elsewhere, is not taken for ZenML's.
import { childrenOf, dottedTokens, nodeAt, type SyntaxNode, type Tree } from './syntax';

export type ZenmlName = 'ResourceSettings' | 'AWSDeployerSettings' | 'pipeline' | 'step';

/** Every fully qualified name under which ZenML offers each of them. */
const QUALIFIED: Readonly<Record<string, ZenmlName>> = {
  'zenml.config.ResourceSettings': 'ResourceSettings',
  'zenml.config.resource_settings.ResourceSettings': 'ResourceSettings',
  'zenml.integrations.aws.flavors.AWSDeployerSettings': 'AWSDeployerSettings',
  'zenml.integrations.aws.flavors.aws_deployer_flavor.AWSDeployerSettings': 'AWSDeployerSettings',
  'zenml.pipeline': 'pipeline',
  'zenml.step': 'step',
  'zenml.pipelines.pipeline': 'pipeline',
  'zenml.pipelines.pipeline_decorator.pipeline': 'pipeline',
  'zenml.steps.step': 'step',
  'zenml.steps.step_decorator.step': 'step',
};

/** The module's bindings of local names to qualified ZenML paths (`RS` → `zenml.config.ResourceSettings`). */
export class ZenmlImports {
  private readonly bindings = new Map<string, string>();

  /** True when the module imports anything from zenml. */
  get any(): boolean {
    return this.bindings.size > 0;
  }

  bind(local: string, qualified: string): void {
    if (qualified === 'zenml' || qualified.startsWith('zenml.')) this.bindings.set(local, qualified);
  }

  locals(): string[] {
    return [...this.bindings.keys()];
  }

  forget(local: string): void {
    this.bindings.delete(local);
  }

  /** The qualified name a dotted name (`RS`, `zc.ResourceSettings`, `zenml.config.X`) stands for. */
  private qualify(dotted: readonly string[]): string | undefined {
    const [head, ...rest] = dotted;
    const base = this.bindings.get(head);
    return base === undefined ? undefined : [base, ...rest].join('.');
  }

  /** The local names bound directly to any of these ZenML names (`RS` for ResourceSettings). */
  aliasesOf(names: readonly ZenmlName[]): string[] {
    return [...this.bindings].filter(([, qualified]) => names.includes(QUALIFIED[qualified])).map(([local]) => local);
  }

  /** Which ZenML name a dotted name written in the text (`zc.ResourceSettings`) resolves to, if any. */
  resolveText(dotted: string): ZenmlName | undefined {
    return this.resolve(dotted.split('.'));
  }

  /** Which ZenML name a dotted name (`['zc', 'ResourceSettings']`) resolves to, if any. */
  resolve(dotted: readonly string[] | undefined): ZenmlName | undefined {
    const qualified = dotted && this.qualify(dotted);
    return qualified === undefined ? undefined : QUALIFIED[qualified];
  }
}

/** What an import statement lists after `import`: each name's tokens (`zenml . config as zc`), commas and brackets left out. */
function importedNames(parts: readonly SyntaxNode[]): SyntaxNode[][] {
  const names: SyntaxNode[][] = [[]];
  for (const part of parts) {
    if (part.name === ',') names.push([]);
    else if (part.name !== '(' && part.name !== ')') names[names.length - 1].push(part);
  }
  return names;
}

/**
 * An import statement, which the grammar keeps flat (`import a.b as c, d`, `from m import (x as y, z)`,
 * `from m import *`: keywords, names, dots and commas are all its children).
 */
function readImport(statement: SyntaxNode, text: string, imports: ZenmlImports): void {
  const parts = childrenOf(statement);
  const keyword = parts.findIndex((part) => part.name === 'import');
  if (keyword === -1) return;
  const from = parts[0].name === 'from';
  // A relative module (`from .zenml import x`) is not a dotted name: not ZenML's.
  const module = from ? dottedTokens(parts.slice(1, keyword), text)?.join('.') : undefined;
  if (from && !(module === 'zenml' || module?.startsWith('zenml.'))) return;
  for (const name of importedNames(parts.slice(keyword + 1))) {
    if (module && name.length === 1 && name[0].name === '*') {
      for (const qualified of Object.keys(QUALIFIED)) {
        const cut = qualified.lastIndexOf('.');
        if (qualified.slice(0, cut) === module) imports.bind(qualified.slice(cut + 1), qualified);
      }
      continue;
    }
    const as = name.findIndex((part) => part.name === 'as');
    const imported = dottedTokens(as === -1 ? name : name.slice(0, as), text)?.join('.');
    const alias = as === -1 ? undefined : dottedTokens(name.slice(as + 1), text)?.join('.');
    if (!imported || (as !== -1 && !alias)) continue;
    if (module) imports.bind(alias ?? imported, `${module}.${imported}`);
    else if (alias) imports.bind(alias, imported);
    // `import zenml.config` binds `zenml`.
    else imports.bind(imported.split('.')[0], imported.split('.')[0]);
  }
}

/**
 * The ZenML names a module binds, from its import statements anywhere in the file (`text` is the
 * module's text, `tree` its parse). A class or function the module defines at its top level under
 * the same name shadows the import.
 */
export function zenmlImports(tree: Tree, text: string): ZenmlImports {
  const imports = new ZenmlImports();
  // Found from the text (`from zenml…`, `import …zenml…` lines), so the tree is not walked.
  for (const match of text.matchAll(/^([ \t]*)(?:from[ \t]+zenml\b|import[ \t]+[^\n#]*\bzenml\b)/gm)) {
    let statement: SyntaxNode | null = nodeAt(tree, match.index + match[1].length);
    while (statement && statement.name !== 'ImportStatement') statement = statement.parent;
    if (statement) readImport(statement, text, imports);
  }
  for (const local of imports.locals()) {
    if (new RegExp(`^(?:class|def|async[ \\t]+def)[ \\t]+${local}\\b`, 'm').test(text)) imports.forget(local);
  }
  return imports;
}

/** A cheap look at the text: does the module import zenml at all? */
export function mentionsZenml(text: string): boolean {
  return /^[ \t]*(?:from[ \t]+zenml(?:\.|[ \t])|import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*zenml\b)/m.test(text);
}
