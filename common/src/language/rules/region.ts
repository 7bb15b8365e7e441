// `region` must be one of the regions App Runner runs in (the schema's enum), with fixes for
// close spellings (`us-east1`, `US-EAST-1`, `eu-west-4`).
import { isScalar } from 'yaml';
import { APP_RUNNER_REGIONS, isAppRunnerRegion } from '../../domain/regions';
import type { SchemaError } from '../../domain/schemaValidator';
import { closeMatches } from '../didYouMean';
import { replaceValue } from '../edits';
import { deployerEntry, fix, inActiveDeployer, quote, type Rule } from './rule';

/** Regions that differ from `text` by case, separators or a small typo, closest first. */
export function regionSuggestions(text: string): string[] {
  const squashed = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const same = APP_RUNNER_REGIONS.filter((region) => region.replace(/-/g, '') === squashed);
  if (same.length > 0) return same;
  return closeMatches(text.toLowerCase(), APP_RUNNER_REGIONS, 3);
}

export const regionRule: Rule = {
  name: 'region',
  claims(error: SchemaError, ctx) {
    return error.keyword === 'enum' && error.path.length === 3 && error.path[2] === 'region' && inActiveDeployer(ctx, error.path);
  },
  check(ctx) {
    const ref = deployerEntry(ctx, 'region');
    if (!ref || !isScalar(ref.value) || typeof ref.value.value !== 'string') return;
    const region = ref.value.value;
    if (isAppRunnerRegion(region)) return;
    const suggestions = regionSuggestions(region);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
    ctx.report({
      code: 'region.unsupported',
      range: ctx.doc.rangeOfValue(ref),
      message: `${quote(region)} is not a region where App Runner runs.${hint} App Runner is available in ${APP_RUNNER_REGIONS.join(', ')}.`,
      fixes: () => suggestions.map((suggestion, index) => fix(`Change region to ${suggestion}`, replaceValue(ctx.doc, ref, suggestion), index === 0)),
    });
  },
};
