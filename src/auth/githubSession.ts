// Which of VS Code's GitHub sessions each registry's identity came from (by session id, never the token),
// so that signing that account out of VS Code, or switching accounts, forgets the identity it gave.
import * as vscode from 'vscode';
import { normalizeRegistryUrl } from '../registries/config';

export const GITHUB_SCOPES = ['read:org', 'read:user'];

export class GithubSessionUse {
  private readonly sessionIds = new Map<string, string>();

  used(registryUrl: string, sessionId: string): void {
    this.sessionIds.set(normalizeRegistryUrl(registryUrl), sessionId);
  }

  forget(registryUrl: string): void {
    this.sessionIds.delete(normalizeRegistryUrl(registryUrl));
  }

  /** Registries whose identity came from a VS Code GitHub session, with that session's id. */
  entries(): [url: string, sessionId: string][] {
    return [...this.sessionIds];
  }

  /** Whether `registryUrl` still counts on `sessionId` (no sign-in replaced it meanwhile). */
  stillUses(registryUrl: string, sessionId: string): boolean {
    return this.sessionIds.get(normalizeRegistryUrl(registryUrl)) === sessionId;
  }
}

/** VS Code's GitHub session for our scopes, if it already has one this extension may use; never prompts. */
export async function silentGithubSession(): Promise<vscode.AuthenticationSession | undefined> {
  try {
    return await vscode.authentication.getSession('github', GITHUB_SCOPES, { silent: true });
  } catch {
    return undefined; // no GitHub authentication provider (some forks)
  }
}
