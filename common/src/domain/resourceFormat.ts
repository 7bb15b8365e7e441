// How ZenML writes CPU and memory values in what it sends to App Runner. Apart from the pairs
// table (resourceMatching.ts), so what only formats (the Deployments view) does not load the schema.

/**
 * A number as Python's `format(x, "g")` writes it (6 significant digits, trailing zeros
 * dropped, exponent form below 1e-4 and from 1e6), which is how ZenML writes the values it
 * sends: `0.25`, `1`, `0.5`, `12`.
 */
export function formatNumberG(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential(5).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${stripZeros(mantissa)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return stripZeros(value.toFixed(5 - exponent));
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The Cpu string ZenML sends to App Runner, e.g. `0.25 vCPU`, `1 vCPU`. */
export function formatCpu(cpu: number): string {
  return `${formatNumberG(cpu)} vCPU`;
}

/** The Memory string ZenML sends to App Runner, e.g. `0.5 GB`, `2 GB`. */
export function formatMemoryGb(gb: number): string {
  return `${formatNumberG(gb)} GB`;
}
