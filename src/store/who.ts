// Who made a write, for the audit trail: the identity signed in to that registry ("github:octocat",
// "anonymous"), else the local user.
import { userInfo } from 'node:os';

export interface IdentitySource {
  identityFor(registryUrl: string): { readonly subject?: string; readonly method?: string } | undefined;
}

export function whoOnRegistry(identities: IdentitySource, registryUrl: string): string {
  const identity = identities.identityFor(registryUrl);
  if (identity?.subject) return identity.method ? `${identity.method}:${identity.subject}` : identity.subject;
  if (identity?.method) return identity.method;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
