// Tags: keys AWS reserves (`aws:`), empty or too-long keys and values (limits from the schema),
// and keys ZenML sets itself (the user's value is replaced).
import { isScalar } from 'yaml';
import { ZENML_TAG_KEYS } from '../../domain/naming';
import { factsAt } from '../../domain/schemaFacts';
import type { SchemaError } from '../../domain/schemaValidator';
import { deleteEntry, renameKey } from '../edits';
import { fix, inActiveDeployer, quote, type Rule, type RuleContext } from './rule';

const CLAIMED = new Set(['not', 'maxLength', 'minLength', 'pattern']);

function check(ctx: RuleContext): void {
  const tagsPath = [...ctx.deployerPath, 'tags'];
  const entries = ctx.doc.entries(tagsPath);
  if (entries.length === 0) return;
  const keyLimit = factsAt(tagsPath)?.keyFacts?.maxLength ?? 128;
  const valueLimit = factsAt([...tagsPath, '*'])?.maxLength ?? 256;
  for (const ref of entries) {
    const key = String(ref.path[ref.path.length - 1]);
    const keyLength = [...key].length;
    const keyRange = ctx.doc.rangeOfKey(ref);
    if (/^aws:/i.test(key)) {
      const renamed = key.slice(4);
      const free = renamed !== '' && !/^aws:/i.test(renamed) && ctx.doc.get([...tagsPath, renamed]) === undefined;
      ctx.report({
        code: 'tags.invalid',
        range: keyRange,
        message: `Tag key ${quote(key)} starts with "aws:", a prefix AWS reserves for its own tags; AWS rejects it. Rename the tag.`,
        fixes: () => (free ? [fix(`Rename the tag to ${renamed}`, renameKey(ctx.doc, ref, renamed), true)] : []),
      });
    } else if (keyLength === 0) {
      ctx.report({ code: 'tags.invalid', range: keyRange, message: 'A tag key must not be empty; name the tag.' });
    } else if (keyLength > keyLimit) {
      ctx.report({
        code: 'tags.invalid',
        range: keyRange,
        message: `Tag key ${quote(key, 40)} is ${keyLength} characters long; AWS allows at most ${keyLimit}. Shorten it.`,
      });
    } else if (ZENML_TAG_KEYS.includes(key)) {
      ctx.report({
        code: 'tags.overridden',
        range: keyRange,
        message: `ZenML sets the tag ${quote(key)} itself on the service, secret and scaling configuration, so this value is replaced (the extension finds deployments by these tags). Remove it.`,
        fixes: () => [fix(`Remove the tag ${key}`, deleteEntry(ctx.doc, ref), true)],
      });
    }
    if (isScalar(ref.value) && typeof ref.value.value === 'string') {
      const valueLength = [...ref.value.value].length;
      if (valueLength > valueLimit) {
        ctx.report({
          code: 'tags.invalid',
          range: ctx.doc.rangeOfValue(ref),
          message: `The value of tag ${quote(key, 40)} is ${valueLength} characters long; AWS allows at most ${valueLimit}. Shorten it.`,
        });
      }
    }
  }
}

export const tagsRule: Rule = {
  name: 'tags',
  claims(error: SchemaError, ctx) {
    return error.path.length === 4 && error.path[2] === 'tags' && CLAIMED.has(error.keyword) && inActiveDeployer(ctx, error.path);
  },
  check,
};
