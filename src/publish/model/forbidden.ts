// Why the registry refused a publish with 403, from the namespaces the sign-in may publish to (the
// registry's 403 lists them; else the sign-in's own permissions). Pure: no `vscode`.
import { matchesResource } from '../../registry';

export type ForbiddenReason =
  /** A namespace covers the name: the registry refused for another reason (organisation role, stale rights). */
  | { readonly kind: 'covered'; readonly pattern: string }
  /** A namespace covers the name but for letter case: the registry compares names case-sensitively. */
  | { readonly kind: 'case'; readonly pattern: string; readonly suggestion: string }
  /** No namespace covers the name (or none is known). */
  | { readonly kind: 'outside'; readonly namespaces?: readonly string[] };

export function forbiddenReason(serverName: string, namespaces: readonly string[] | undefined): ForbiddenReason {
  const covering = namespaces?.find((pattern) => matchesResource(pattern, serverName));
  if (covering) return { kind: 'covered', pattern: covering };
  const lower = serverName.toLowerCase();
  const caseOnly = namespaces?.find((pattern) => pattern !== '*' && matchesResource(pattern.toLowerCase(), lower));
  if (caseOnly) {
    const prefix = caseOnly.endsWith('*') ? caseOnly.slice(0, -1) : caseOnly;
    return { kind: 'case', pattern: caseOnly, suggestion: prefix + serverName.slice(prefix.length) };
  }
  return { kind: 'outside', namespaces };
}
