/** Collects FieldChanges and keeps secret values out of them. */
import { isObject, setOwn, type JsonObject } from './json';
import type { ChangeItem, ChangeKind, ChangeOwner, FieldChange, Impact, Section } from './model';

export interface Scope {
  section: Section;
  /** Path of the thing the fields belong to, e.g. `packages[npm x].environmentVariables[API_KEY]`. */
  path: string;
  owner?: ChangeOwner;
  item?: ChangeItem;
  /** In words, for reasons: `the environment variable API_KEY`. */
  phrase?: string;
  /** Says whose it is in reasons, e.g. ` of package npm @acme/weather`. */
  where?: string;
  /** `${path}.`, when many fields share the path (built once for all of them). */
  dot?: string;
}

/** Why a leaf changed and what it weighs; no impact for a change that is bookkeeping (our provenance record). */
export interface Verdict {
  impact?: Impact;
  reason?: string;
}

export function joinPath(base: string, field: string): string {
  if (!base) return field;
  return field.startsWith('[') ? `${base}${field}` : `${base}.${field}`;
}

/** A copy with `value`/`default` dropped from every secret input (and from its variables). */
export function redactSecrets(value: unknown, insideSecret = false): { value: unknown; redacted: boolean } {
  if (Array.isArray(value)) {
    let redacted = false;
    const copy = value.map((entry) => {
      const result = redactSecrets(entry);
      redacted ||= result.redacted;
      return result.value;
    });
    return { value: copy, redacted };
  }
  if (!isObject(value)) return { value, redacted: false };
  const secret = insideSecret || value.isSecret === true;
  const copy: JsonObject = {};
  let redacted = false;
  for (const [key, entry] of Object.entries(value)) {
    if (secret && (key === 'value' || key === 'default')) {
      redacted = true;
      continue;
    }
    if (key === 'variables' && isObject(entry)) {
      const variables: JsonObject = {};
      for (const [name, input] of Object.entries(entry)) {
        const result = redactSecrets(input, secret);
        redacted ||= result.redacted;
        setOwn(variables, name, result.value);
      }
      setOwn(copy, key, variables);
      continue;
    }
    const result = redactSecrets(entry);
    redacted ||= result.redacted;
    setOwn(copy, key, result.value);
  }
  return { value: copy, redacted };
}

export class ChangeSink {
  readonly changes: FieldChange[] = [];
  /** Changes by impact. */
  readonly counts: Record<Impact, number> = { breaking: 0, additive: 0, metadata: 0 };

  /** One leaf: unchanged when `verdict` is undefined. `hidden` keeps before/after out (secret values). */
  leaf(scope: Scope, field: string, before: unknown, after: unknown, verdict?: Verdict, hidden = false): void {
    const kind: ChangeKind = !verdict ? 'unchanged' : before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const path = scope.dot !== undefined && scope.path && !field.startsWith('[') ? scope.dot + field : joinPath(scope.path, field);
    this.push(scope, path, kind, before, after, verdict, hidden);
  }

  /** A whole entity (package, remote, input…) that exists on one side only. */
  entity(scope: Scope, kind: 'added' | 'removed', value: unknown, verdict: Verdict, insideSecret = false): void {
    const { value: safe, redacted } = redactSecrets(value, insideSecret);
    const change = this.push(scope, scope.path, kind, kind === 'removed' ? safe : undefined, kind === 'added' ? safe : undefined, verdict, false);
    if (redacted) change.secret = true;
  }

  private push(scope: Scope, path: string, kind: ChangeKind, before: unknown, after: unknown, verdict: Verdict | undefined, hidden: boolean): FieldChange {
    const { section, owner, item } = scope;
    // The usual shapes in one step (same keys, same order as below), which V8 allocates at once.
    if (owner && item && !hidden && before !== undefined && after !== undefined) {
      if (!verdict?.impact && !verdict?.reason) return this.add({ section, path, kind, owner, item, before, after });
      if (verdict.impact && verdict.reason) return this.add({ section, path, kind, owner, item, before, after, impact: verdict.impact, reason: verdict.reason });
    }
    const change: FieldChange = { section: scope.section, path, kind };
    if (scope.owner) change.owner = scope.owner;
    if (scope.item) change.item = scope.item;
    if (hidden) change.secret = true;
    else {
      if (before !== undefined) change.before = before;
      if (after !== undefined) change.after = after;
    }
    if (verdict?.impact) change.impact = verdict.impact;
    if (verdict?.reason) change.reason = verdict.reason;
    return this.add(change);
  }

  private add(change: FieldChange): FieldChange {
    if (change.impact) this.counts[change.impact] += 1;
    this.changes.push(change);
    return change;
  }
}
