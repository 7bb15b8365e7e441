// The App Runner service name built from the deployment name with ZenML's rules: it must leave
// something valid, and a name cut to 40 characters is worth knowing before the first deploy.
import { isScalar } from 'yaml';
import { idSuffix, serviceNameFor } from '../../domain/naming';
import { quote, type Rule } from './rule';

// A deployment's id is a fresh UUID made at its first deploy, so only its length is known here:
// any id gives the name its shape, and the message shows where the id's 8 characters go.
const ANY_ID = '00000000-0000-4000-8000-000000000000';
const ID_PLACEHOLDER = '<id>';

export const serviceNameRule: Rule = {
  name: 'serviceName',
  check(ctx) {
    const ref = ctx.doc.get(['deployment', 'name']);
    if (!ref || !isScalar(ref.value) || typeof ref.value.value !== 'string' || ref.value.value === '') return;
    const name = ref.value.value;
    const prefix = ctx.settings.deployer.service_name_prefix;
    const result = serviceNameFor(prefix, name, ANY_ID);
    const range = ctx.doc.rangeOfValue(ref);
    if (!result.ok) {
      ctx.report({
        code: 'name.invalid',
        range,
        message: `No App Runner service name can be built from ${quote(prefix + name)}: ${result.reason} Use letters, digits, "-" or "_" in the deployment name.`,
      });
      return;
    }
    if (result.truncated) {
      ctx.report({
        code: 'name.truncated',
        range,
        message:
          `${quote(prefix + name)} is too long for App Runner's 40-character service names: the service will be named ${quote(result.name.slice(0, -idSuffix(ANY_ID).length) + ID_PLACEHOLDER)} ` +
          `(${ID_PLACEHOLDER}: the first 8 characters of the deployment's id). ` +
          'Shorten the deployment name (or service_name_prefix) to keep the name readable.',
      });
    }
  },
};
