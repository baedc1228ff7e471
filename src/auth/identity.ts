// The tree's IdentityProvider backed by sign-in: the permissions of the last registry JWT obtained for a
// registry (after a sign-in, a publish or a status change), and for anonymous registries what /auth/none grants.
import * as vscode from 'vscode';
import { decodeJwtPayload, jwtPermissions, type Permission } from '../registry';
import { ANONYMOUS_NAMESPACE, type IdentityProvider } from '../registries/identity';
import { normalizeRegistryUrl, type RegistryConfig } from '../registries/config';
import { onDidChangeRegistryToken } from './tokens';

export interface SignedInIdentity {
  readonly permissions: readonly Permission[];
  /** `auth_method_sub` of the token: the GitHub login, the domain, … */
  readonly subject?: string;
  readonly method?: string;
}

const ANONYMOUS: readonly Permission[] = [
  { action: 'publish', resource: ANONYMOUS_NAMESPACE },
  { action: 'edit', resource: ANONYMOUS_NAMESPACE },
];

export class SignedInIdentityProvider implements IdentityProvider, vscode.Disposable {
  private readonly identities = new Map<string, SignedInIdentity>();
  private readonly emitter = new vscode.EventEmitter<string>();
  readonly onDidChangePermissions = this.emitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly registries: () => readonly RegistryConfig[]) {
    this.subscription = onDidChangeRegistryToken((url, token) => this.tokenChanged(url, token));
  }

  permissionsFor(registryUrl: string): readonly Permission[] | undefined {
    const url = normalizeRegistryUrl(registryUrl);
    const known = this.identities.get(url);
    if (known) return known.permissions;
    return this.registries().find((r) => r.url === url)?.auth === 'none' ? ANONYMOUS : undefined;
  }

  identityFor(registryUrl: string): SignedInIdentity | undefined {
    return this.identities.get(normalizeRegistryUrl(registryUrl));
  }

  /** Tells listeners that the registries (and so the identities that apply) changed. */
  registriesChanged(urls: readonly string[]): void {
    for (const url of urls) this.emitter.fire(url);
  }

  private tokenChanged(url: string, token: string | undefined): void {
    const before = this.permissionsFor(url);
    if (token === undefined) {
      this.identities.delete(url);
      if (!samePermissions(before, this.permissionsFor(url))) this.emitter.fire(url);
      return;
    }
    const claims = decodeJwtPayload(token);
    const identity: SignedInIdentity = {
      permissions: jwtPermissions(token),
      subject: typeof claims?.auth_method_sub === 'string' ? claims.auth_method_sub : undefined,
      method: typeof claims?.auth_method === 'string' ? claims.auth_method : undefined,
    };
    this.identities.set(url, identity);
    // Only a change of what the tree shows re-renders it (an anonymous registry's first token changes nothing).
    if (!samePermissions(before, identity.permissions)) this.emitter.fire(url);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function samePermissions(a: readonly Permission[] | undefined, b: readonly Permission[] | undefined): boolean {
  const key = (list: readonly Permission[] | undefined) => (list ? list.map((p) => `${p.action} ${p.resource}`).sort().join('\n') : undefined);
  return key(a) === key(b);
}
