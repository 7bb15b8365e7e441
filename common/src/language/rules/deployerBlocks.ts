// `settings.deployer` and `settings.deployer.aws` mean the same block; with both, one is ignored.
import { type Rule } from './rule';

export const deployerBlocksRule: Rule = {
  name: 'deployerBlocks',
  check(ctx) {
    const generic = ctx.doc.get(['settings', 'deployer']);
    const flavored = ctx.doc.get(['settings', 'deployer.aws']);
    if (!generic || !flavored) return;
    ctx.report({
      code: 'settings.duplicate-deployer',
      range: ctx.doc.rangeOfKey(flavored),
      message:
        'Both settings.deployer and settings.deployer.aws are present; settings.deployer wins and everything under deployer.aws is ignored. Merge the settings into one block.',
      tags: ['unnecessary'],
    });
  },
};
