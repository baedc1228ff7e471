// Registry JWTs: kept in memory only, obtained right before a write, renewed before they expire
// (the official registry issues them for 5 minutes), and what their permissions allow.

import { RegistryError } from './errors';
import type { Permission, RegistryToken } from './types';

export type TokenExchange = (signal?: AbortSignal) => Promise<RegistryToken>;

export interface TokenSourceOptions {
  /** Renew when the token expires within this many ms. Default 30 000. */
  renewWithinMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export class RegistryTokenSource {
  private current?: RegistryToken;
  private pending?: Promise<RegistryToken>;
  private readonly renewWithinMs: number;
  private readonly now: () => number;

  constructor(
    private readonly exchange: TokenExchange,
    options: TokenSourceOptions = {},
  ) {
    this.renewWithinMs = options.renewWithinMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** A token valid for at least `renewWithinMs`, exchanging a new one when needed (one exchange at a time). */
  async getToken(signal?: AbortSignal): Promise<string> {
    if (this.current && this.current.expiresAt.getTime() - this.now() > this.renewWithinMs) return this.current.token;
    this.pending ??= this.exchange(signal).then(
      (token) => {
        this.pending = undefined;
        this.current = token;
        return token;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return (await this.pending).token;
  }

  /** Forgets the token (sign-out, or after the registry refused it). */
  invalidate(): void {
    this.current = undefined;
  }

  /** Permissions of the token currently held (empty when none). */
  get permissions(): Permission[] {
    return this.current ? jwtPermissions(this.current.token) : [];
  }

  get expiresAt(): Date | undefined {
    return this.current?.expiresAt;
  }

  /**
   * Runs a write with a fresh token. On a 401 the token is dropped, exchanged again and the write
   * retried once; any other failure (and a second 401) is thrown as is.
   */
  async withToken<T>(fn: (token: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const token = await this.getToken(signal);
    try {
      return await fn(token);
    } catch (error) {
      if (!(error instanceof RegistryError && error.kind === 'http' && error.status === 401)) throw error;
      if (this.current?.token === token) this.invalidate();
      return fn(await this.getToken(signal));
    }
  }
}

/** The JWT payload, decoded but not verified (only the registry can verify it). */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `permissions` claim of a registry JWT: `[{action, resource}]`. */
export function jwtPermissions(token: string): Permission[] {
  const claims = decodeJwtPayload(token)?.permissions;
  if (!Array.isArray(claims)) return [];
  const permissions: Permission[] = [];
  for (const claim of claims) {
    if (typeof claim !== 'object' || claim === null) continue;
    const { action, resource } = claim as Record<string, unknown>;
    if (typeof action === 'string' && typeof resource === 'string') permissions.push({ action, resource });
  }
  return permissions;
}

/** The registry's pattern rule: `*` matches all, `prefix*` is a case-sensitive prefix, otherwise exact. */
export function matchesResource(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return resource.startsWith(pattern.slice(0, -1));
  return pattern === resource;
}

export function hasPermission(permissions: readonly Permission[], action: string, resource: string): boolean {
  return permissions.some((p) => p.action === action && matchesResource(p.resource, resource));
}

export function mayPublish(permissions: readonly Permission[], serverName: string): boolean {
  return hasPermission(permissions, 'publish', serverName);
}

/** Status changes need `publish` or `edit`. */
export function mayChangeStatus(permissions: readonly Permission[], serverName: string): boolean {
  return mayPublish(permissions, serverName) || hasPermission(permissions, 'edit', serverName);
}

/** The namespace patterns this identity may publish to, e.g. `io.github.alice/*`. */
export function publishableNamespaces(permissions: readonly Permission[]): string[] {
  return [...new Set(permissions.filter((p) => p.action === 'publish').map((p) => p.resource))];
}
