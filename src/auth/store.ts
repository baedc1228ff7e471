// What sign-in keeps per registry. Secrets (a pasted GitHub token, a bearer token, a domain's private
// key) live in VS Code's SecretStorage only; global state holds the non-secret choices (which domain a
// registry signs in with). Registry JWTs are never stored: they live in memory (src/auth/tokens.ts).
import type * as vscode from 'vscode';
import type { KeyAlgorithm } from '../registry';
import { normalizeRegistryUrl } from '../registries/config';

export interface DomainKey {
  readonly algorithm: KeyAlgorithm;
  readonly privateKeyHex: string;
}

const DOMAINS_KEY = 'mcpVersions.auth.domains';
const SIGNED_OUT_KEY = 'mcpVersions.auth.signedOut';
const SECRET_PREFIX = 'mcpVersions.auth';

export class AuthStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  githubToken(url: string): Thenable<string | undefined> {
    return this.secrets.get(secretKey(url, 'github'));
  }

  async setGithubToken(url: string, token: string | undefined): Promise<void> {
    await this.put(secretKey(url, 'github'), token);
  }

  bearerToken(url: string): Thenable<string | undefined> {
    return this.secrets.get(secretKey(url, 'bearer'));
  }

  async setBearerToken(url: string, token: string | undefined): Promise<void> {
    await this.put(secretKey(url, 'bearer'), token);
  }

  /** The domain a dns/http registry signs in with, if one was chosen. */
  domain(url: string): string | undefined {
    return this.state.get<Record<string, string>>(DOMAINS_KEY, {})[normalizeRegistryUrl(url)];
  }

  async setDomain(url: string, domain: string | undefined): Promise<void> {
    const domains = { ...this.state.get<Record<string, string>>(DOMAINS_KEY, {}) };
    if (domain === undefined) delete domains[normalizeRegistryUrl(url)];
    else domains[normalizeRegistryUrl(url)] = domain;
    await this.state.update(DOMAINS_KEY, domains);
  }

  async domainKey(url: string, domain: string): Promise<DomainKey | undefined> {
    const raw = await this.secrets.get(secretKey(url, `key:${domain.toLowerCase()}`));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<DomainKey>;
      if ((parsed.algorithm === 'ed25519' || parsed.algorithm === 'ecdsap384') && typeof parsed.privateKeyHex === 'string') {
        return { algorithm: parsed.algorithm, privateKeyHex: parsed.privateKeyHex };
      }
    } catch {
      // A damaged entry is treated as no key.
    }
    return undefined;
  }

  async setDomainKey(url: string, domain: string, key: DomainKey | undefined): Promise<void> {
    await this.put(secretKey(url, `key:${domain.toLowerCase()}`), key && JSON.stringify(key));
  }

  /**
   * Sign-out: forgets the pasted GitHub token and the bearer token (domain keys stay: they are not sessions),
   * and remembers that the user signed out, so no background sign-in brings the identity back.
   */
  async signOut(url: string): Promise<void> {
    await Promise.all([this.setGithubToken(url, undefined), this.setBearerToken(url, undefined), this.setSignedOut(url, true)]);
  }

  /** Whether the user signed out of this registry and has not signed in (or written to it) since. */
  signedOut(url: string): boolean {
    return this.state.get<string[]>(SIGNED_OUT_KEY, []).includes(normalizeRegistryUrl(url));
  }

  async setSignedOut(url: string, signedOut: boolean): Promise<void> {
    const key = normalizeRegistryUrl(url);
    const before = this.state.get<string[]>(SIGNED_OUT_KEY, []);
    if (before.includes(key) === signedOut) return;
    await this.state.update(SIGNED_OUT_KEY, signedOut ? [...before, key] : before.filter((u) => u !== key));
  }

  private async put(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.secrets.delete(key);
    else await this.secrets.store(key, value);
  }
}

function secretKey(url: string, what: string): string {
  return `${SECRET_PREFIX}:${normalizeRegistryUrl(url)}:${what}`;
}
