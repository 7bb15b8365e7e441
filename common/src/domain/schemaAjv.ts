// How Ajv reads our schema: strict, every error at once, with the failing schema node and value
// on each error (the messages read them). The source of the bundles' precompiled validator too.
import Ajv, { type Options } from 'ajv';

/** Keywords our schema adds to JSON Schema; registered so Ajv's strict mode accepts them. */
export const CUSTOM_SCHEMA_KEYWORDS: readonly string[] = Object.freeze([
  'markdownDescription', // VS Code: hover text in Markdown
  'defaultSnippets', // VS Code: completion snippets
  'x-deprecatedMessage', // why a deprecated key is deprecated and what to use instead
  'x-appRunnerIgnored', // accepted by ZenML, no effect on App Runner
  'x-ignoredReason', // one sentence: why it has no effect
  'x-valueHint', // what a valid value looks like, completing "must be …"
  'x-deployerDefault', // the value this deployer uses when unset (no real default in ZenML)
  'x-appRunnerMaximum', // App Runner's upper limit where ZenML allows more
  'x-secretLike', // the value is a secret: keep it out of the file
]);

/** A strict Ajv instance that knows our custom keywords; `extra` adds options (the build's `code`). */
export function createSchemaAjv(extra: Options = {}): Ajv {
  // allowUnionTypes: `type: ["string", "null"]` for ZenML's Optional settings.
  // verbose: errors carry the failing schema node and value, which the messages read.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...extra });
  for (const keyword of CUSTOM_SCHEMA_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}
