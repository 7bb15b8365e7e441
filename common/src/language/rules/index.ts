// Every rule, in the order they run. Add a rule here after registering its codes in ruleCodes.ts.
import { arnsRule } from './arns';
import { deployerBlocksRule } from './deployerBlocks';
import { deprecatedRule } from './deprecated';
import { healthCheckRule } from './healthCheck';
import { imageRule } from './image';
import { ingressRule } from './ingress';
import { memoryRule } from './memory';
import { regionRule } from './region';
import { resourcesRule } from './resources';
import type { Rule } from './rule';
import { scalingRule } from './scaling';
import { secretsRule } from './secrets';
import { serviceNameRule } from './serviceName';
import { tagsRule } from './tags';
import { trafficRule } from './traffic';

export const RULES: readonly Rule[] = Object.freeze([
  deployerBlocksRule,
  memoryRule,
  resourcesRule,
  scalingRule,
  imageRule,
  secretsRule,
  healthCheckRule,
  deprecatedRule,
  regionRule,
  arnsRule,
  tagsRule,
  trafficRule,
  ingressRule,
  serviceNameRule,
]);
