// Who the user is on each registry, as far as the tree needs it: the namespaces they may publish to
// ("My servers", and whether deprecate/delete is offered). The publish feature will provide an
// implementation that knows signed-in identities; until then only anonymous (`auth: 'none'`) registries are known.
import * as vscode from 'vscode';
import type { Permission } from '../registry';
import { normalizeRegistryUrl, type RegistryConfig } from './config';

export interface IdentityProvider {
  /** The permissions of the identity used for this registry, or undefined when unknown (not signed in). */
  permissionsFor(registryUrl: string): readonly Permission[] | undefined;
  /** Fires with the registry URL whose permissions changed. */
  readonly onDidChangePermissions: vscode.Event<string>;
}

export const ANONYMOUS_NAMESPACE = 'io.modelcontextprotocol.anonymous/*';

/** Knows only what `/auth/none` grants: publish and edit on `io.modelcontextprotocol.anonymous/*`. */
export class AnonymousIdentityProvider implements IdentityProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<string>();
  readonly onDidChangePermissions = this.emitter.event;

  constructor(private readonly registries: () => readonly RegistryConfig[]) {}

  permissionsFor(registryUrl: string): readonly Permission[] | undefined {
    const url = normalizeRegistryUrl(registryUrl);
    const registry = this.registries().find((r) => r.url === url);
    if (registry?.auth !== 'none') return undefined;
    return [
      { action: 'publish', resource: ANONYMOUS_NAMESPACE },
      { action: 'edit', resource: ANONYMOUS_NAMESPACE },
    ];
  }

  /** Tells listeners that the registries (and so the known identities) changed. */
  registriesChanged(urls: readonly string[]): void {
    for (const url of urls) this.emitter.fire(url);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
