// Fault injection for clients under test: latency, error statuses, rate limits, hangs, resets, bad JSON.
import type { ProblemErrorDetail } from './problem';

export interface FaultRule {
  method?: string;
  path?: string;
  kind: 'latency' | 'status' | 'rate-limit' | 'timeout' | 'reset' | 'malformed';
  ms?: number;
  status?: number;
  retryAfterSeconds?: number;
  times?: number;
  afterHandling?: boolean;
}

export const FAULT_KINDS: readonly FaultRule['kind'][] = ['latency', 'status', 'rate-limit', 'timeout', 'reset', 'malformed'];

interface ActiveFault {
  id: string;
  rule: FaultRule;
  pattern?: RegExp;
  remaining: number;
}

export interface FaultPlan {
  delayMs: number;
  fault?: FaultRule;
}

/** Problems with a rule given over HTTP, empty when it is usable. */
export function checkFaultRule(value: unknown): ProblemErrorDetail[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ message: 'expected a FaultRule object', location: 'body' }];
  const rule = value as Record<string, unknown>;
  const errors: ProblemErrorDetail[] = [];
  if (!FAULT_KINDS.includes(rule.kind as FaultRule['kind'])) errors.push({ message: `kind must be one of ${FAULT_KINDS.join(', ')}`, location: 'body.kind', value: rule.kind });
  for (const field of ['ms', 'status', 'retryAfterSeconds', 'times']) {
    const v = rule[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) errors.push({ message: 'expected a non-negative number', location: `body.${field}`, value: v });
  }
  if (rule.kind === 'status' && (typeof rule.status !== 'number' || rule.status < 100 || rule.status > 599)) {
    errors.push({ message: 'kind status needs status between 100 and 599', location: 'body.status', value: rule.status });
  }
  for (const field of ['method', 'path']) if (rule[field] !== undefined && typeof rule[field] !== 'string') errors.push({ message: 'expected string', location: `body.${field}` });
  if (typeof rule.path === 'string') {
    try {
      new RegExp(rule.path);
    } catch {
      errors.push({ message: 'path is not a valid regular expression', location: 'body.path', value: rule.path });
    }
  }
  return errors;
}

export class FaultSet {
  private readonly active: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): string {
    const errors = checkFaultRule(rule);
    if (errors.length > 0) throw new Error(`invalid fault rule: ${errors.map((e) => e.message).join('; ')}`);
    const id = `fault-${this.nextId++}`;
    this.active.push({ id, rule: { ...rule }, pattern: rule.path ? new RegExp(rule.path) : undefined, remaining: rule.times ?? Infinity });
    return id;
  }

  remove(id: string): void {
    const i = this.active.findIndex((f) => f.id === id);
    if (i >= 0) this.active.splice(i, 1);
  }

  clear(): void {
    this.active.length = 0;
  }

  list(): (FaultRule & { id: string })[] {
    return this.active.map((f) => ({ id: f.id, ...f.rule }));
  }

  /** Consumes matching rules: every latency rule adds up, then the first other rule applies. */
  plan(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 };
    for (const f of [...this.active]) {
      if (f.rule.method && f.rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (f.pattern && !f.pattern.test(path)) continue;
      if (f.rule.kind === 'latency') plan.delayMs += f.rule.ms ?? 0;
      else if (plan.fault) continue;
      else plan.fault = f.rule;
      f.remaining -= 1;
      if (f.remaining <= 0) this.remove(f.id);
    }
    return plan;
  }
}
