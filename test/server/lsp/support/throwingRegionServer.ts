// The language server (compiled by tsc, not the bundle) with its region rule broken on purpose:
// the rule throws for every region it checks, like a bug would. The rule-failure tests start it.
import { regionRule } from '../../../../common/src/language/rules/region';
import '../../../../server/src/server';

regionRule.check = () => {
  throw new TypeError('region rule broken on purpose by the test');
};
