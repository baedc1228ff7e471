// How each sign-in method turns what the user gave us into a registry JWT: right before a write (the user
// is acting, so VS Code may ask them to sign in to GitHub), or quietly in the background (src/auth/probe.ts:
// stored credentials and an existing GitHub session only, never a prompt).
import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';
import { createTimestampSigner, decodeJwtPayload, RegistryError, type RegistryToken } from '../registry';
import { readRegistries, normalizeRegistryUrl, type AuthMethod, type RegistryConfig } from '../registries/config';
import type { UserPrompts } from '../commands/prompts';
import { askApproval, isSecureForCredentials, type OriginApprovals } from './approvals';
import { GITHUB_SCOPES, type GithubSessionUse } from './githubSession';
import type { CredentialExchange, QuietExchange, TokenTarget } from './tokens';
import type { AuthStore } from './store';

export const SIGN_IN_COMMAND = 'mcpVersions.signIn';
export const GENERATE_KEY_COMMAND = 'mcpVersions.generateKeyPair';
/** read:org lets the registry see organisations you own (io.github.<org>/* namespaces). */
export { GITHUB_SCOPES } from './githubSession';

/** A sign-in that cannot produce a token; the actions lead to a working sign-in. */
export class SignInError extends UserFacingError {}

export interface CredentialExchanges {
  /** Before a write: asks for what is missing (VS Code's GitHub sign-in) or says how to sign in. */
  readonly interactive: CredentialExchange;
  /** In the background: undefined when nothing is stored and VS Code has no GitHub session for us. */
  readonly quiet: QuietExchange;
}

/** What decides whether a credential may go to a registry: the approved origins, and who to ask. */
export interface CredentialGate {
  readonly approvals: OriginApprovals;
  readonly prompts: UserPrompts;
}

export function createCredentialExchange(store: AuthStore, sessions: GithubSessionUse, gate: CredentialGate): CredentialExchanges {
  return {
    interactive: (registry, method) => async (signal) => {
      await mayReceiveCredentials(gate, registry, method, true);
      const token = await exchangeFor(store, sessions, registry, method, true, signal);
      if (!token) throw new SignInError(vscode.l10n.t('Sign in to “{0}” first.', registry.name), signInActions(registry));
      // The user acted (signed in, published): background sign-in may use these credentials again.
      await store.setSignedOut(registry.url, false);
      return token;
    },
    quiet: async (registry, method, signal) => {
      if (!(await mayReceiveCredentials(gate, registry, method, false))) return undefined;
      return exchangeFor(store, sessions, registry, method, false, signal);
    },
  };
}

/**
 * A credential goes only over https (or to this computer) and only to an origin the user approved. In the
 * background the answer is just no; before a write the user is asked once, naming the host.
 */
async function mayReceiveCredentials(gate: CredentialGate, registry: TokenTarget, method: AuthMethod, interactive: boolean): Promise<boolean> {
  if (method === 'none') return true;
  if (!isSecureForCredentials(registry.url)) {
    if (!interactive) return false;
    throw new SignInError(vscode.l10n.t('“{0}” is a plain http:// URL: credentials are sent only over https (or to this computer). Use its https:// URL.', registry.name));
  }
  if (gate.approvals.isApproved(registry.url)) return true;
  if (!interactive) return false;
  await askApproval(gate.approvals, gate.prompts, registryConfigOf(registry), method);
  return true;
}

/** The configured registry behind a token target (where it is defined), or the target itself. */
export function registryConfigOf(registry: { name: string; url: string; auth?: AuthMethod }): RegistryConfig {
  const url = normalizeRegistryUrl(registry.url);
  return readRegistries().find((r) => r.url === url) ?? { name: registry.name, url, auth: registry.auth, source: 'settings' };
}

async function exchangeFor(store: AuthStore, sessions: GithubSessionUse, registry: TokenTarget, method: AuthMethod, interactive: boolean, signal?: AbortSignal): Promise<RegistryToken | undefined> {
  const options = { signal };
  // Nothing to sign in with: before a write that is an error with a way out; in the background, no identity.
  const missing = (error: SignInError) => {
    if (interactive) throw error;
    return undefined;
  };
  try {
    switch (method) {
      case 'github': {
        const token = await githubToken(store, sessions, registry, interactive);
        return token ? await registry.client.exchangeGithubAccessToken(token, options) : undefined;
      }
      case 'dns':
      case 'http': {
        const domain = store.domain(registry.url);
        const key = domain ? await store.domainKey(registry.url, domain) : undefined;
        if (!domain || !key) {
          return missing(new SignInError(vscode.l10n.t('Sign in to “{0}” first: {1} sign-in needs your domain and its private key.', registry.name, method.toUpperCase()), signInActions(registry, true)));
        }
        const signer = createTimestampSigner(key.algorithm, key.privateKeyHex);
        return await (method === 'dns' ? registry.client.exchangeDns(domain, signer, options) : registry.client.exchangeHttp(domain, signer, options));
      }
      case 'bearer': {
        const token = await store.bearerToken(registry.url);
        if (!token) return missing(new SignInError(vscode.l10n.t('Sign in to “{0}” first: it needs a bearer token.', registry.name), signInActions(registry)));
        return { token, expiresAt: bearerExpiry(token) };
      }
      case 'none':
        return await registry.client.exchangeAnonymous(options);
    }
  } catch (error) {
    throw refusedSignIn(error, registry, method);
  }
}

/**
 * A pasted GitHub token when there is one, else VS Code's GitHub session: looked up silently, and only when
 * the user is acting asked for (createIfNone). Which session was used is remembered so that signing it out
 * of VS Code forgets the identity it gave.
 */
async function githubToken(store: AuthStore, sessions: GithubSessionUse, registry: TokenTarget, interactive: boolean): Promise<string | undefined> {
  const pasted = await store.githubToken(registry.url);
  if (pasted) {
    sessions.forget(registry.url);
    return pasted;
  }
  let session: vscode.AuthenticationSession | undefined;
  try {
    session = await vscode.authentication.getSession('github', GITHUB_SCOPES, { silent: true });
    if (!session && interactive) session = await vscode.authentication.getSession('github', GITHUB_SCOPES, { createIfNone: true });
  } catch (error) {
    if (error instanceof vscode.CancellationError) throw error;
    throw new SignInError(
      vscode.l10n.t('VS Code could not provide a GitHub session ({0}). Sign in to “{1}” with a GitHub token instead.', error instanceof Error ? error.message : String(error), registry.name),
      signInActions(registry),
    );
  }
  if (session) sessions.used(registry.url, session.id);
  return session?.accessToken;
}

function refusedSignIn(error: unknown, registry: TokenTarget, method: AuthMethod): unknown {
  if (!(error instanceof RegistryError) || error.kind !== 'http' || (error.status !== 401 && error.status !== 403)) return error;
  const why = method === 'github'
    ? vscode.l10n.t('the registry could not verify your GitHub token (expired, revoked, or lacking read:user).')
    : method === 'dns' || method === 'http'
      ? vscode.l10n.t('the registry could not verify your key proof (is the public key published{0}, and is this computer’s clock right?).', method === 'dns' ? ' as a DNS TXT record' : ' at /.well-known/mcp-registry-auth')
      : vscode.l10n.t('the registry refused the credentials.');
  return new SignInError(vscode.l10n.t('Sign-in to “{0}” failed: {1} {2}', registry.name, why, error.message), signInActions(registry, method === 'dns' || method === 'http'));
}

export function signInActions(registry: { url: string }, keyProof = false): { title: string; run: () => unknown }[] {
  const actions = [{ title: vscode.l10n.t('Sign In…'), run: () => vscode.commands.executeCommand(SIGN_IN_COMMAND, registry.url) }];
  if (keyProof) actions.push({ title: vscode.l10n.t('Generate Key Pair…'), run: () => vscode.commands.executeCommand(GENERATE_KEY_COMMAND, registry.url) });
  return actions;
}

/** A JWT's own expiry when it has one; opaque tokens are assumed good for an hour (a 401 renews nothing, it asks to sign in). */
function bearerExpiry(token: string): Date {
  const exp = decodeJwtPayload(token)?.exp;
  return typeof exp === 'number' ? new Date(exp * 1000) : new Date(Date.now() + 3_600_000);
}

