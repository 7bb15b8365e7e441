// Which names in a module are ZenML's: read from the module's own import statements (any of ZenML's
// import paths, aliases included), so a `ResourceSettings` the module defines itself, or imports
// from elsewhere, is not taken for ZenML's.
import type { SyntaxNode } from './treeSitter';

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

  /** The qualified name an expression (`RS`, `zc.ResourceSettings`, `zenml.config.X`) stands for. */
  qualify(node: SyntaxNode): string | undefined {
    if (node.type === 'identifier') return this.bindings.get(node.text);
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attribute = node.childForFieldName('attribute');
      const base = object ? this.qualify(object) : undefined;
      return base && attribute ? `${base}.${attribute.text}` : undefined;
    }
    return undefined;
  }

  /** The local names bound directly to any of these ZenML names (`RS` for ResourceSettings). */
  aliasesOf(names: readonly ZenmlName[]): string[] {
    return [...this.bindings].filter(([, qualified]) => names.includes(QUALIFIED[qualified])).map(([local]) => local);
  }

  /** Which ZenML name a dotted name written in the text (`zc.ResourceSettings`) resolves to, if any. */
  resolveText(dotted: string): ZenmlName | undefined {
    const [head, ...rest] = dotted.split('.');
    const base = this.bindings.get(head);
    return base === undefined ? undefined : QUALIFIED[[base, ...rest].join('.')];
  }

  /** Which ZenML name an expression resolves to, if any. */
  resolve(node: SyntaxNode): ZenmlName | undefined {
    const qualified = this.qualify(node);
    return qualified === undefined ? undefined : QUALIFIED[qualified];
  }
}

function dottedName(node: SyntaxNode | null): string | undefined {
  return node?.type === 'dotted_name' ? node.text.replace(/\s+/g, '') : undefined;
}

function readImport(statement: SyntaxNode, imports: ZenmlImports): void {
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'aliased_import') {
      const module = dottedName(name.childForFieldName('name'));
      const alias = name.childForFieldName('alias')?.text;
      if (module && alias) imports.bind(alias, module);
    } else {
      // `import zenml.config` binds `zenml`.
      const module = dottedName(name);
      if (module) imports.bind(module.split('.')[0], module.split('.')[0]);
    }
  }
}

function readFromImport(statement: SyntaxNode, imports: ZenmlImports): void {
  const module = dottedName(statement.childForFieldName('module_name'));
  if (!module || !(module === 'zenml' || module.startsWith('zenml.'))) return;
  if (statement.namedChildren.some((child) => child?.type === 'wildcard_import')) {
    for (const qualified of Object.keys(QUALIFIED)) {
      const cut = qualified.lastIndexOf('.');
      if (qualified.slice(0, cut) === module) imports.bind(qualified.slice(cut + 1), qualified);
    }
    return;
  }
  for (const name of statement.childrenForFieldName('name')) {
    if (!name) continue;
    if (name.type === 'aliased_import') {
      const imported = dottedName(name.childForFieldName('name'));
      const alias = name.childForFieldName('alias')?.text;
      if (imported && alias) imports.bind(alias, `${module}.${imported}`);
    } else {
      const imported = dottedName(name);
      if (imported) imports.bind(imported, `${module}.${imported}`);
    }
  }
}

/**
 * The ZenML names a module binds, from its import statements anywhere in the file (`text` is the
 * module's text). A class or function the module defines at its top level under the same name
 * shadows the import.
 */
export function zenmlImports(root: SyntaxNode, text: string = root.text): ZenmlImports {
  const imports = new ZenmlImports();
  // Found from the text (`from zenml…`, `import …zenml…` lines), so the tree is not walked.
  for (const match of text.matchAll(/^([ \t]*)(?:from[ \t]+zenml\b|import[ \t]+[^\n#]*\bzenml\b)/gm)) {
    let statement = root.descendantForIndex(match.index + match[1].length);
    while (statement && statement.type !== 'import_statement' && statement.type !== 'import_from_statement' && statement.id !== root.id) statement = statement.parent;
    if (statement?.type === 'import_statement') readImport(statement, imports);
    else if (statement?.type === 'import_from_statement') readFromImport(statement, imports);
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
