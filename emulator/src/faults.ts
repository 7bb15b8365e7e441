// Injected faults for resilience tests and benchmarks: throttling, server errors, dropped
// connections, latency and denied permissions, per operation and with a probability.
import { randomUUID } from 'node:crypto';
import type { FaultRequest, FaultRule } from './controlTypes';
import { AwsError } from './protocol';

export type FaultOutcome = { kind: 'none' } | { kind: 'drop' } | { kind: 'fail' } | { kind: 'error'; error: AwsError };

export class Faults {
  private rules: FaultRule[] = [];

  add(request: FaultRequest): FaultRule {
    const probability = request.probability ?? 1;
    if (!(probability >= 0 && probability <= 1)) throw new Error('probability must be between 0 and 1');
    if (!['throttle', 'error', 'drop', 'latency', 'deny', 'fail'].includes(request.kind)) throw new Error(`unknown fault kind ${String(request.kind)}`);
    if (request.kind === 'latency' && !(typeof request.latencyMs === 'number' && request.latencyMs >= 0)) throw new Error('a latency fault needs latencyMs');
    const rule: FaultRule = {
      id: randomUUID(),
      operation: request.operation || '*',
      kind: request.kind,
      probability,
      ...(request.count !== undefined ? { count: request.count } : {}),
      ...(request.latencyMs !== undefined ? { latencyMs: request.latencyMs } : {}),
      hits: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  private fire(target: string, operation: string, kinds: readonly string[], firstOnly: boolean): FaultRule[] {
    const fired: FaultRule[] = [];
    for (const rule of this.rules) {
      if (!kinds.includes(rule.kind)) continue;
      if (rule.operation !== '*' && rule.operation !== operation && rule.operation !== target) continue;
      if (Math.random() >= rule.probability) continue;
      rule.hits++;
      if (rule.count !== undefined) rule.count--;
      fired.push(rule);
      if (firstOnly) break;
    }
    this.rules = this.rules.filter((rule) => rule.count === undefined || rule.count > 0);
    return fired;
  }

  /** Total added latency for this request. */
  latency(target: string, operation: string): number {
    return this.fire(target, operation, ['latency'], false).reduce((sum, rule) => sum + (rule.latencyMs ?? 0), 0);
  }

  /**
   * The first failure that fires for this request, given the service's own exception names and,
   * for `deny`, the IAM action (`apprunner:CreateService`) and the caller's ARN.
   */
  outcome(target: string, operation: string, internalErrorCode: string, denied?: { action: string; principal: string }): FaultOutcome {
    const [rule] = this.fire(target, operation, ['throttle', 'error', 'drop', 'deny', 'fail'], true);
    if (!rule) return { kind: 'none' };
    if (rule.kind === 'drop') return { kind: 'drop' };
    if (rule.kind === 'fail') return { kind: 'fail' };
    if (rule.kind === 'deny') {
      const action = denied?.action ?? operation;
      const message = `User: ${denied?.principal ?? 'unknown'} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
      return { kind: 'error', error: new AwsError('AccessDeniedException', message, 400) };
    }
    if (rule.kind === 'throttle') return { kind: 'error', error: new AwsError('ThrottlingException', 'Rate exceeded', 400) };
    return { kind: 'error', error: new AwsError(internalErrorCode, 'An internal error occurred (injected by the emulator).', 500) };
  }
}
