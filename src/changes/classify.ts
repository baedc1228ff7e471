/** classifyChangeImpact: the bump two documents call for, with the reasons in words. */
import { diffServerJson, VERSION_PATH } from './diff';
import { IMPACT_ORDER, type Bump, type ServerDiff } from './model';

/** Reasons of every counted change, most severe first, without repeats. */
export function reasonsOf(diff: ServerDiff): string[] {
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const impact of IMPACT_ORDER) {
    for (const change of diff.changes) {
      if (change.impact !== impact || change.path === VERSION_PATH || !change.reason || seen.has(change.reason)) continue;
      seen.add(change.reason);
      reasons.push(change.reason);
    }
  }
  return reasons;
}

export function classifyChangeImpact(before: unknown, after: unknown): { bump: Bump; reasons: string[] } {
  const diff = diffServerJson(before, after);
  return { bump: diff.impliedBump, reasons: reasonsOf(diff) };
}
