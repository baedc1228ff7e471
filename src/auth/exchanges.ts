// How each sign-in method turns what the user gave us into a registry JWT, right before a write.
import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';
import { createTimestampSigner, decodeJwtPayload, RegistryError, type RegistryToken } from '../registry';
import type { AuthMethod } from '../registries/config';
import type { CredentialExchange, TokenTarget } from './tokens';
import type { AuthStore } from './store';

export const SIGN_IN_COMMAND = 'mcpVersions.signIn';
export const GENERATE_KEY_COMMAND = 'mcpVersions.generateKeyPair';
/** read:org lets the registry see organisations you own (io.github.<org>/* namespaces). */
export const GITHUB_SCOPES = ['read:org', 'read:user'];

/** A sign-in that cannot produce a token; the actions lead to a working sign-in. */
export class SignInError extends UserFacingError {}

export function createCredentialExchange(store: AuthStore): CredentialExchange {
  return (registry, method) => (signal) => exchangeFor(store, registry, method, signal);
}

async function exchangeFor(store: AuthStore, registry: TokenTarget, method: AuthMethod, signal?: AbortSignal): Promise<RegistryToken> {
  const options = { signal };
  try {
    switch (method) {
      case 'github': {
        const token = await githubToken(store, registry);
        return await registry.client.exchangeGithubAccessToken(token, options);
      }
      case 'dns':
      case 'http': {
        const domain = store.domain(registry.url);
        const key = domain ? await store.domainKey(registry.url, domain) : undefined;
        if (!domain || !key) {
          throw new SignInError(`Sign in to “${registry.name}” first: ${method.toUpperCase()} sign-in needs your domain and its private key.`, signInActions(registry, true));
        }
        const signer = createTimestampSigner(key.algorithm, key.privateKeyHex);
        return await (method === 'dns' ? registry.client.exchangeDns(domain, signer, options) : registry.client.exchangeHttp(domain, signer, options));
      }
      case 'bearer': {
        const token = await store.bearerToken(registry.url);
        if (!token) throw new SignInError(`Sign in to “${registry.name}” first: it needs a bearer token.`, signInActions(registry));
        return { token, expiresAt: bearerExpiry(token) };
      }
      case 'none':
        return await registry.client.exchangeAnonymous(options);
    }
  } catch (error) {
    throw refusedSignIn(error, registry, method);
  }
}

/** A pasted GitHub token when there is one, else VS Code's GitHub session (asked for: the user is acting). */
async function githubToken(store: AuthStore, registry: TokenTarget): Promise<string> {
  const pasted = await store.githubToken(registry.url);
  if (pasted) return pasted;
  let session: vscode.AuthenticationSession | undefined;
  try {
    session = await vscode.authentication.getSession('github', GITHUB_SCOPES, { silent: true });
    session ??= await vscode.authentication.getSession('github', GITHUB_SCOPES, { createIfNone: true });
  } catch (error) {
    if (error instanceof vscode.CancellationError) throw error;
    throw new SignInError(
      `VS Code could not provide a GitHub session (${error instanceof Error ? error.message : String(error)}). Sign in to “${registry.name}” with a GitHub token instead.`,
      signInActions(registry),
    );
  }
  return session.accessToken;
}

function refusedSignIn(error: unknown, registry: TokenTarget, method: AuthMethod): unknown {
  if (!(error instanceof RegistryError) || error.kind !== 'http' || (error.status !== 401 && error.status !== 403)) return error;
  const why = method === 'github'
    ? 'the registry could not verify your GitHub token (expired, revoked, or lacking read:user).'
    : method === 'dns' || method === 'http'
      ? `the registry could not verify your key proof (is the public key published${method === 'dns' ? ' as a DNS TXT record' : ' at /.well-known/mcp-registry-auth'}, and is this computer’s clock right?).`
      : 'the registry refused the credentials.';
  return new SignInError(`Sign-in to “${registry.name}” failed: ${why} ${error.message}`, signInActions(registry, method === 'dns' || method === 'http'));
}

export function signInActions(registry: { url: string }, keyProof = false): { title: string; run: () => unknown }[] {
  const actions = [{ title: 'Sign In…', run: () => vscode.commands.executeCommand(SIGN_IN_COMMAND, registry.url) }];
  if (keyProof) actions.push({ title: 'Generate Key Pair…', run: () => vscode.commands.executeCommand(GENERATE_KEY_COMMAND, registry.url) });
  return actions;
}

/** A JWT's own expiry when it has one; opaque tokens are assumed good for an hour (a 401 renews nothing, it asks to sign in). */
function bearerExpiry(token: string): Date {
  const exp = decodeJwtPayload(token)?.exp;
  return typeof exp === 'number' ? new Date(exp * 1000) : new Date(Date.now() + 3_600_000);
}

