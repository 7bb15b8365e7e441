// Auto scaling: min/max replicas and concurrency against ZenML's rules and App Runner's limits
// (read from the schema's `x-appRunnerMaximum`), and `max_replicas: 0`.
import { factsAt } from '../../domain/schemaFacts';
import { setValue } from '../edits';
import { fix, RESOURCES_PATH, type Rule, type RuleContext } from './rule';

function limitOf(key: string): number | undefined {
  return factsAt([...RESOURCES_PATH, key])?.appRunnerMaximum;
}

function setFix(ctx: RuleContext, key: string, value: number, preferred = false): ReturnType<typeof fix> {
  return fix(`Set ${key} to ${value}`, setValue(ctx.doc, [...RESOURCES_PATH, key], value), preferred);
}

export const scalingRule: Rule = {
  name: 'scaling',
  check(ctx) {
    const { doc } = ctx;
    const { min_replicas: min, max_replicas: max, max_concurrency: concurrency } = ctx.settings.resources;
    const minRef = doc.get([...RESOURCES_PATH, 'min_replicas']);
    const maxRef = doc.get([...RESOURCES_PATH, 'max_replicas']);
    const concurrencyRef = doc.get([...RESOURCES_PATH, 'max_concurrency']);
    const minLimit = limitOf('min_replicas');
    const quota = limitOf('max_replicas');
    const concurrencyLimit = limitOf('max_concurrency');

    if (min !== undefined && max !== undefined && max > 0 && min > max && minRef) {
      ctx.report({
        code: 'scaling.min-above-max',
        range: doc.rangeOfValue(minRef),
        message: `min_replicas (${min}) is greater than max_replicas (${max}), which ZenML rejects. Lower min_replicas or raise max_replicas.`,
        fixes: () => [setFix(ctx, 'min_replicas', max, true), quota === undefined || min <= quota ? setFix(ctx, 'max_replicas', min) : undefined],
      });
    }
    if (min !== undefined && minLimit !== undefined && min > minLimit && minRef) {
      ctx.report({
        code: 'scaling.min-replicas-limit',
        range: doc.rangeOfValue(minRef),
        message: `min_replicas ${min} is above App Runner's limit: it keeps 1 to ${minLimit} instances provisioned (MinSize). Use ${minLimit} or less.`,
        fixes: () => [setFix(ctx, 'min_replicas', minLimit, true)],
      });
    }
    if (max !== undefined && maxRef) {
      if (max === 0) {
        ctx.report({
          code: 'scaling.max-replicas-zero',
          range: doc.rangeOfValue(maxRef),
          message:
            `max_replicas: 0 means "no limit", not zero instances: ZenML would ask App Runner for 1000 instances, which it rejects; ` +
            `this extension uses your account's maximum (${quota ?? 25} by default). Set a number to be explicit.`,
          fixes: () => (quota === undefined ? [] : [setFix(ctx, 'max_replicas', quota, true)]),
        });
      } else if (quota !== undefined && max > quota) {
        ctx.report({
          code: 'scaling.max-replicas-quota',
          range: doc.rangeOfValue(maxRef),
          message: `max_replicas ${max} is above App Runner's default quota of ${quota} instances per service; the deploy fails unless your account's quota was raised.`,
          fixes: () => [setFix(ctx, 'max_replicas', quota)],
        });
      }
    }
    if (concurrency !== undefined && concurrencyLimit !== undefined && concurrency > concurrencyLimit && concurrencyRef) {
      ctx.report({
        code: 'scaling.max-concurrency',
        range: doc.rangeOfValue(concurrencyRef),
        message: `max_concurrency ${concurrency} is above App Runner's limit of ${concurrencyLimit} concurrent requests per instance (ZenML allows up to 1000, which App Runner rejects). Use ${concurrencyLimit} or less.`,
        fixes: () => [setFix(ctx, 'max_concurrency', concurrencyLimit, true)],
      });
    }
  },
};
