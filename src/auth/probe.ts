// Finds who the user is on each registry without asking: when the Registry tree needs identities
// (activation, registries changed, VS Code's GitHub accounts changed), stored credentials (a pasted GitHub
// token, a domain key, a bearer token) and VS Code's existing GitHub session (looked up silently) are
// exchanged in the background, so the tree can show "publishes to …" and pin "My servers". It never
// prompts and never notifies: failures go to the log (never a token). Writes still sign in interactively.
// Only origins the user approved (src/auth/approvals.ts) are asked.
import * as vscode from 'vscode';
import { publishableNamespaces, type RegistryClient } from '../registry';
import { affectsRegistries, authMethodOf, type RegistryConfig } from '../registries/config';
import type { OriginApprovals } from './approvals';
import { silentGithubSession, type GithubSessionUse } from './githubSession';
import type { SignedInIdentityProvider } from './identity';
import type { AuthStore } from './store';
import { forgetRegistryToken, probeRegistryToken } from './tokens';
import { displayUrl } from '../util/displayUrl';

export interface IdentityProbeServices {
  readonly log: vscode.LogOutputChannel;
  readonly store: AuthStore;
  readonly identity: SignedInIdentityProvider;
  readonly sessions: GithubSessionUse;
  /** Only registries whose origin the user approved are touched. */
  readonly approvals: OriginApprovals;
  readonly registries: () => readonly RegistryConfig[];
  readonly clientFor: (url: string) => RegistryClient;
}

export class IdentityProbe implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private queue: Promise<void> = Promise.resolve();
  private queued = false;
  private githubSessionsChanged = false;
  private disposed = false;

  constructor(private readonly services: IdentityProbeServices) {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsRegistries(event)) void this.schedule();
      }),
      vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id !== 'github') return;
        this.githubSessionsChanged = true;
        void this.schedule();
      }),
    ];
  }

  /**
   * Runs a probe after the ones already queued (triggers while one waits share it); resolves when it is
   * done. Never rejects.
   */
  schedule(): Promise<void> {
    if (this.queued) return this.queue;
    this.queued = true;
    this.queue = this.queue.then(async () => {
      this.queued = false;
      if (this.disposed) return;
      try {
        if (this.githubSessionsChanged) {
          this.githubSessionsChanged = false;
          await this.forgetSignedOutSessions();
        }
        await Promise.all(this.services.registries().map((registry) => this.probe(registry)));
      } catch (error) {
        this.services.log.warn(`Background sign-in: ${messageOf(error)}`);
      }
    });
    return this.queue;
  }

  /** Identities that came from a GitHub session VS Code no longer gives us (signed out, or another account). */
  private async forgetSignedOutSessions(): Promise<void> {
    const used = this.services.sessions.entries();
    if (used.length === 0) return;
    const current = await silentGithubSession();
    for (const [url, sessionId] of used) {
      if (current?.id === sessionId || !this.services.sessions.stillUses(url, sessionId)) continue;
      this.services.sessions.forget(url);
      forgetRegistryToken(url);
      this.services.log.info(`The GitHub account that signed in to ${displayUrl(url)} is no longer signed in to VS Code: its identity is forgotten.`);
    }
  }

  private async probe(registry: RegistryConfig): Promise<void> {
    const { store, identity, log } = this.services;
    const method = authMethodOf(registry) ?? 'github';
    if (method === 'none' || identity.identityFor(registry.url) || store.signedOut(registry.url)) return;
    // Nothing is sent in the background to a host the user has not chosen (Sign In, or the one-time question).
    if (!this.services.approvals.isApproved(registry.url)) return;
    try {
      const target = { name: registry.name, url: registry.url, auth: registry.auth, client: this.services.clientFor(registry.url) };
      if (!(await probeRegistryToken(target))) return;
      const found = identity.identityFor(registry.url);
      const namespaces = publishableNamespaces(found?.permissions ?? []);
      log.info(`Signed in to ${registry.name}${found?.subject ? ` as ${found.subject}` : ''} in the background: may publish to ${namespaces.join(', ') || 'nothing'}.`);
    } catch (error) {
      log.warn(`Background sign-in to ${registry.name} failed: ${messageOf(error)}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
