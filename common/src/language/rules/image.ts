// `deployment.image`: App Runner pulls only from private ECR or ECR Public; private ECR needs an
// access role; the image's region should be the service's region.
import { isScalar } from 'yaml';
import { isAppRunnerRegion } from '../../domain/regions';
import { setValue } from '../edits';
import { fix, quote, type Rule, type RuleContext } from './rule';

const REPOSITORY = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';
const REFERENCE = '(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[0-9a-f]{64})?';
const PRIVATE_ECR = new RegExp(`^([0-9]{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/${REPOSITORY}${REFERENCE}$`);
const PUBLIC_ECR = new RegExp(`^public\\.ecr\\.aws/[a-z0-9][a-z0-9_.-]*/${REPOSITORY}${REFERENCE}$`);

export type ImageKind = { kind: 'private'; account: string; region: string } | { kind: 'public' } | { kind: 'other' };

export function classifyImage(image: string): ImageKind {
  const match = PRIVATE_ECR.exec(image);
  if (match) return { kind: 'private', account: match[1], region: match[2] };
  return PUBLIC_ECR.test(image) ? { kind: 'public' } : { kind: 'other' };
}

function registryProblem(image: string): string {
  const shown = quote(image, 80);
  const forms =
    'private ECR (<12-digit account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag|@digest]) or ECR Public (public.ecr.aws/<alias>/<repository>[:tag|@digest])';
  if (/\.dkr\.ecr\.|^public\.ecr\.aws\b/.test(image)) {
    return `${shown} looks like an Amazon ECR image but is not a valid one: App Runner needs ${forms}. Check the account id, region, repository (lower case) and tag.`;
  }
  return `${shown} is not in Amazon ECR: App Runner pulls images only from ${forms}. Push the image to ECR and use its URI.`;
}

export const imageRule: Rule = {
  name: 'image',
  check(ctx: RuleContext) {
    const ref = ctx.doc.get(['deployment', 'image']);
    if (!ref || !isScalar(ref.value) || typeof ref.value.value !== 'string' || ref.value.value === '') return;
    const image = ref.value.value;
    const range = ctx.doc.rangeOfValue(ref);
    const kind = classifyImage(image);
    if (kind.kind === 'other') {
      ctx.report({ code: 'image.registry', range, message: registryProblem(image) });
      return;
    }
    if (kind.kind !== 'private') return;
    const deployer = ctx.settings.deployer;
    if (deployer.access_role_arn === null) {
      ctx.report({
        code: 'image.access-role',
        range,
        message:
          'The image is in private ECR, so App Runner needs access_role_arn to pull it: set it to a role that trusts build.apprunner.amazonaws.com ' +
          'and has AWSAppRunnerServicePolicyForECRAccess.',
      });
    }
    const region = deployer.region;
    if (region !== null && region !== kind.region) {
      const node = ref.value;
      const source = node.range ? ctx.doc.source.text.slice(node.range[0], node.range[1]) : '';
      const at = source.indexOf(`.${kind.region}.amazonaws.com`);
      const regionRange =
        node.range && at >= 0 ? ctx.doc.source.range(node.range[0] + at + 1, node.range[0] + at + 1 + kind.region.length) : range;
      ctx.report({
        code: 'image.region',
        range: regionRange,
        message:
          `The image is in ECR in ${kind.region} but the service is created in ${region}: App Runner expects the image in the service's region. ` +
          `Push the image to ECR in ${region}${isAppRunnerRegion(kind.region) ? ` or set region: ${kind.region}` : ''}.`,
        fixes: () => (isAppRunnerRegion(kind.region) ? [fix(`Set region to ${kind.region}`, setValue(ctx.doc, [...ctx.deployerPath, 'region'], kind.region))] : []),
      });
    }
  },
};
