// `resources.memory` spellings ZenML rejects (`0.5GB`, `2G`, `512Mi`, `2gb`, a bare number),
// each with a fix to the equivalent spelling it accepts. Replaces the schema's pattern error.
import { isScalar } from 'yaml';
import { parseMemory, suggestMemorySpelling } from '../../domain/memory';
import { factsAt } from '../../domain/schemaFacts';
import { replaceValue } from '../edits';
import { fix, quote, RESOURCES_PATH, type Rule, type RuleContext } from './rule';

const MEMORY_PATH = [...RESOURCES_PATH, 'memory'];

function memoryScalar(ctx: RuleContext): unknown {
  const ref = ctx.doc.get(MEMORY_PATH);
  return ref && isScalar(ref.value) ? ref.value.value : undefined;
}

/** The valid spelling for a bare number of gigabytes (`2` → `2GB`, `0.5` → `500MB`). */
export function memoryForGigabytes(gb: number): string | undefined {
  if (!Number.isFinite(gb) || gb <= 0) return undefined;
  if (Number.isInteger(gb)) return `${gb}GB`;
  const suggestion = suggestMemorySpelling(`${gb}GB`);
  return suggestion !== undefined && parseMemory(suggestion).ok ? suggestion : undefined;
}

export const memoryRule: Rule = {
  name: 'memory',
  claims(error, ctx) {
    if (error.path.length !== 3 || error.path.join('.') !== MEMORY_PATH.join('.')) return false;
    return error.keyword === 'pattern' || (error.keyword === 'type' && typeof memoryScalar(ctx) === 'number');
  },
  check(ctx) {
    const ref = ctx.doc.get(MEMORY_PATH);
    if (!ref || !isScalar(ref.value)) return;
    const value: unknown = ref.value.value;
    const hint = factsAt(MEMORY_PATH)?.valueHint ?? 'a whole number followed by a unit such as GB';
    let message: string;
    let suggestion: string | undefined;
    if (typeof value === 'string') {
      if (parseMemory(value).ok) return;
      suggestion = suggestMemorySpelling(value);
      message = `memory ${quote(value)} is not a size ZenML accepts: it must be ${hint}.`;
      if (suggestion !== undefined) message += ` Write "${suggestion}".`;
    } else if (typeof value === 'number') {
      suggestion = memoryForGigabytes(value);
      message = `memory ${value} is a bare number, which ZenML rejects: it must be ${hint}.`;
      if (suggestion !== undefined) message += ` Write "${suggestion}" for ${value} GB.`;
    } else {
      return;
    }
    ctx.report({
      code: 'memory.spelling',
      range: ctx.doc.rangeOfValue(ref),
      message,
      fixes: () => [suggestion === undefined ? undefined : fix(`Change memory to ${suggestion}`, replaceValue(ctx.doc, ref, suggestion), true)],
    });
  },
};
