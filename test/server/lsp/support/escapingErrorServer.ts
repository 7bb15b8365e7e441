// The language server (compiled by tsc, not the bundle) with a bug that escapes every guard: the
// region rule schedules a throw outside any handler. The uncaught-error test starts it.
import { regionRule } from '../../../../common/src/language/rules/region';
import '../../../../server/src/server';

const check = regionRule.check.bind(regionRule);
regionRule.check = (...args) => {
  setImmediate(() => {
    throw new RangeError('escaped every guard on purpose');
  });
  check(...args);
};
