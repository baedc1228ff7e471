// Registry JWTs for write calls (status changes, publish). Kept in memory only and renewed before they
// expire. Anonymous (`auth: 'none'`) registries exchange at /auth/none; every other method goes through
// the sign-in feature (src/auth/exchanges.ts), installed with `setCredentialExchange`. A token found
// quietly in the background (`probeRegistryToken`) is kept like one obtained before a write.
import { RegistryTokenSource, type RegistryClient, type RegistryToken, type TokenExchange } from '../registry';
import { UserFacingError } from '../commands/registerCommand';
import { normalizeRegistryUrl, type AuthMethod } from '../registries/config';

export interface TokenTarget {
  readonly name: string;
  readonly url: string;
  readonly auth?: AuthMethod;
  readonly client: RegistryClient;
}

interface SourceEntry {
  readonly client: RegistryClient;
  readonly method: AuthMethod;
  readonly source: RegistryTokenSource;
  /** A token found by a probe, handed to the source instead of its next exchange. */
  probed?: RegistryToken;
}

const sources = new Map<string, SourceEntry>();
/** Counts forgets per registry, so a probe that started before a sign-out does not bring the identity back. */
const forgets = new Map<string, number>();

/** How to obtain a registry JWT for a registry whose method is not `none`. */
export type CredentialExchange = (registry: TokenTarget, method: AuthMethod) => TokenExchange;
/** The same without asking anything: undefined when nothing to sign in with is at hand. */
export type QuietExchange = (registry: TokenTarget, method: AuthMethod, signal?: AbortSignal) => Promise<RegistryToken | undefined>;
let credentialExchange: CredentialExchange | undefined;
let quietExchange: QuietExchange | undefined;
const tokenListeners = new Set<(url: string, token: string | undefined) => void>();

/** Installed once by the sign-in feature; forgets every token held so far. */
export function setCredentialExchange(exchange: CredentialExchange | undefined, quiet?: QuietExchange): void {
  credentialExchange = exchange;
  quietExchange = quiet;
  sources.clear();
}

/** Called with each newly obtained registry JWT (to read its permissions), and with undefined when one is forgotten. */
export function onDidChangeRegistryToken(listener: (url: string, token: string | undefined) => void): { dispose(): void } {
  tokenListeners.add(listener);
  return { dispose: () => tokenListeners.delete(listener) };
}

function sourceFor(registry: TokenTarget): RegistryTokenSource {
  return entryFor(registry).source;
}

function entryFor(registry: TokenTarget): SourceEntry {
  const method = registry.auth ?? 'github';
  const key = normalizeRegistryUrl(registry.url);
  const known = sources.get(key);
  if (known && known.client === registry.client && known.method === method) return known;
  let exchange: TokenExchange;
  if (method === 'none') exchange = (signal) => registry.client.exchangeAnonymous({ signal });
  else if (credentialExchange) exchange = credentialExchange(registry, method);
  else throw new UserFacingError(`Sign-in is not available: "${registry.name}" uses ${method} sign-in.`);
  const entry: SourceEntry = {
    client: registry.client,
    method,
    source: new RegistryTokenSource(
      async (signal) => {
        const probed = entry.probed;
        entry.probed = undefined;
        const token = probed ?? (await exchange(signal));
        for (const listener of tokenListeners) listener(key, token.token);
        return token;
      },
      { renewWithinMs: 60_000 },
    ),
  };
  sources.set(key, entry);
  return entry;
}

/** A registry JWT for this registry, exchanged when none is held or it expires within a minute. */
export async function getRegistryToken(registry: TokenTarget, signal?: AbortSignal): Promise<string> {
  return sourceFor(registry).getToken(signal);
}

/** Runs a write with a token; on a 401 the token is exchanged again and the write retried once. */
export async function withRegistryToken<T>(registry: TokenTarget, write: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
  return sourceFor(registry).withToken(write, signal);
}

/**
 * Looks for this registry's identity without asking the user anything: exchanges stored credentials or an
 * existing GitHub session, and keeps the token (listeners learn its permissions). False when there was
 * nothing to sign in with, or the registry was signed out of meanwhile. Refusals are thrown.
 */
export async function probeRegistryToken(registry: TokenTarget, signal?: AbortSignal): Promise<boolean> {
  const method = registry.auth ?? 'github';
  if (method === 'none' || !quietExchange) return false;
  const key = normalizeRegistryUrl(registry.url);
  const forgetsBefore = forgets.get(key) ?? 0;
  const token = await quietExchange(registry, method, signal);
  if (!token || (forgets.get(key) ?? 0) !== forgetsBefore) return false;
  const entry = entryFor(registry);
  entry.probed = token;
  try {
    await entry.source.getToken(signal);
  } finally {
    entry.probed = undefined;
  }
  return true;
}

/** Forgets the token of a registry (removed registry, sign-out). */
export function forgetRegistryToken(url: string): void {
  const key = normalizeRegistryUrl(url);
  forgets.set(key, (forgets.get(key) ?? 0) + 1);
  sources.delete(key);
  for (const listener of tokenListeners) listener(key, undefined);
}
