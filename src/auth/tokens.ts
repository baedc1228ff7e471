// Registry JWTs for write calls (status changes, publish). Kept in memory only and renewed before they
// expire. Anonymous (`auth: 'none'`) registries exchange at /auth/none; every other method goes through
// the sign-in feature (src/auth/exchanges.ts), installed with `setCredentialExchange`.
import { RegistryTokenSource, type RegistryClient, type TokenExchange } from '../registry';
import { UserFacingError } from '../commands/registerCommand';
import { normalizeRegistryUrl, type AuthMethod } from '../registries/config';

export interface TokenTarget {
  readonly name: string;
  readonly url: string;
  readonly auth?: AuthMethod;
  readonly client: RegistryClient;
}

const sources = new Map<string, { client: RegistryClient; method: AuthMethod; source: RegistryTokenSource }>();

/** How to obtain a registry JWT for a registry whose method is not `none`. */
export type CredentialExchange = (registry: TokenTarget, method: AuthMethod) => TokenExchange;
let credentialExchange: CredentialExchange | undefined;
const tokenListeners = new Set<(url: string, token: string | undefined) => void>();

/** Installed once by the sign-in feature; forgets every token held so far. */
export function setCredentialExchange(exchange: CredentialExchange | undefined): void {
  credentialExchange = exchange;
  sources.clear();
}

/** Called with each newly obtained registry JWT (to read its permissions), and with undefined when one is forgotten. */
export function onDidChangeRegistryToken(listener: (url: string, token: string | undefined) => void): { dispose(): void } {
  tokenListeners.add(listener);
  return { dispose: () => tokenListeners.delete(listener) };
}

function sourceFor(registry: TokenTarget): RegistryTokenSource {
  const method = registry.auth ?? 'github';
  const key = normalizeRegistryUrl(registry.url);
  const known = sources.get(key);
  if (known && known.client === registry.client && known.method === method) return known.source;
  let exchange: TokenExchange;
  if (method === 'none') exchange = (signal) => registry.client.exchangeAnonymous({ signal });
  else if (credentialExchange) exchange = credentialExchange(registry, method);
  else throw new UserFacingError(`Sign-in is not available: "${registry.name}" uses ${method} sign-in.`);
  const source = new RegistryTokenSource(
    async (signal) => {
      const token = await exchange(signal);
      for (const listener of tokenListeners) listener(key, token.token);
      return token;
    },
    { renewWithinMs: 60_000 },
  );
  sources.set(key, { client: registry.client, method, source });
  return source;
}

/** A registry JWT for this registry, exchanged when none is held or it expires within a minute. */
export async function getRegistryToken(registry: TokenTarget, signal?: AbortSignal): Promise<string> {
  return sourceFor(registry).getToken(signal);
}

/** Runs a write with a token; on a 401 the token is exchanged again and the write retried once. */
export async function withRegistryToken<T>(registry: TokenTarget, write: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
  return sourceFor(registry).withToken(write, signal);
}

/** Forgets the token of a registry (removed registry, sign-out). */
export function forgetRegistryToken(url: string): void {
  const key = normalizeRegistryUrl(url);
  sources.delete(key);
  for (const listener of tokenListeners) listener(key, undefined);
}
