// Token exchange endpoints (/auth/*) and bearer-token checks for write routes.
import { resolveTxt } from 'node:dns/promises';
import { JwtIssuer, type Permission, type RegistryClaims } from './jwt';
import { checkSignedTimestamp, fetchWellKnownRecord, isValidDomain, parseKeyRecord, reverseDomain, type KeyRecord } from './keyproof';
import { jsonReply, ProblemError, validationFailed, type Reply } from './problem';

export interface AuthConfig {
  issuer: JwtIssuer;
  anonymousAuth: boolean;
  /** Extra namespaces anonymous tokens may publish to: a sandbox-only convenience (see README). */
  sandboxNamespaces: string[];
  wellKnownUrl: (domain: string) => string;
  githubApiUrl: string;
  dnsTxt: (domain: string) => Promise<string[]>;
}

export const ANONYMOUS_NAMESPACE = 'io.modelcontextprotocol.anonymous/*';

export async function defaultDnsTxt(domain: string): Promise<string[]> {
  const lookup = resolveTxt(domain).then((records) => records.map((chunks) => chunks.join('')));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('DNS lookup timed out')), 5000).unref());
  return Promise.race([lookup, timeout]);
}

function tokenReply(config: AuthConfig, permissions: Permission[], method: string, subject: string): Reply {
  const { token, expiresAt } = config.issuer.mint(permissions, method, subject);
  return jsonReply({ registry_token: token, expires_at: expiresAt });
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw validationFailed([{ message: 'expected required property ' + field + ' to be present', location: `body.${field}`, value: body[field] }]);
  }
  return value;
}

async function keyProof(config: AuthConfig, body: Record<string, unknown>, kind: 'dns' | 'http'): Promise<Reply> {
  const domain = requireString(body, 'domain');
  const timestamp = requireString(body, 'timestamp');
  const signed = requireString(body, 'signed_timestamp');
  const failure = kind === 'dns' ? 'DNS authentication failed' : 'HTTP authentication failed';
  try {
    if (!isValidDomain(domain)) throw new Error(`invalid domain: ${domain}`);
    const texts = kind === 'dns' ? await config.dnsTxt(domain) : [await fetchWellKnownRecord(config.wellKnownUrl(domain))];
    const records = texts
      .flatMap((t) => (kind === 'http' ? t.split(/\r?\n/) : [t]))
      .map((t) => parseKeyRecord(t.trim()))
      .filter((r): r is KeyRecord => r !== undefined);
    checkSignedTimestamp(records, timestamp, signed);
  } catch (err) {
    throw new ProblemError(401, failure, [{ message: (err as Error).message }]);
  }
  const rev = reverseDomain(domain);
  const permissions: Permission[] = [{ action: 'publish', resource: `${rev}/*` }];
  if (kind === 'dns') permissions.push({ action: 'publish', resource: `${rev}.*` });
  return tokenReply(config, permissions, kind, domain);
}

async function githubGet(config: AuthConfig, path: string, token: string): Promise<Response> {
  return fetch(`${config.githubApiUrl.replace(/\/$/, '')}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json', 'User-Agent': 'mcp-registry/1.0' },
    signal: AbortSignal.timeout(10_000),
  });
}

async function githubAccessToken(config: AuthConfig, body: Record<string, unknown>): Promise<Reply> {
  const githubToken = requireString(body, 'github_token');
  let login: string;
  const permissions: Permission[] = [];
  try {
    const userRes = await githubGet(config, '/user', githubToken);
    if (userRes.status !== 200) throw new Error(`GitHub API error (status ${userRes.status}): ${(await userRes.text()).slice(0, 300)}`);
    const user = (await userRes.json()) as { login?: unknown };
    if (typeof user.login !== 'string' || user.login === '') throw new Error('GitHub API returned no login');
    login = user.login;
    permissions.push({ action: 'publish', resource: `io.github.${login}/*` });
    const orgRes = await githubGet(config, '/user/memberships/orgs?state=active', githubToken);
    // A 403 (token lacks read:org) silently yields the personal namespace only, as upstream does.
    if (orgRes.status === 200) {
      const memberships = (await orgRes.json()) as { role?: string; state?: string; organization?: { login?: string } }[];
      for (const m of Array.isArray(memberships) ? memberships : []) {
        if (m.role === 'admin' && typeof m.organization?.login === 'string') {
          permissions.push({ action: 'publish', resource: `io.github.${m.organization.login}/*` });
        }
      }
    } else if (orgRes.status !== 403) {
      throw new Error(`GitHub API error (status ${orgRes.status}) listing organization memberships`);
    }
  } catch (err) {
    throw new ProblemError(401, 'Token exchange failed', [{ message: (err as Error).message }]);
  }
  return tokenReply(config, permissions, 'github-at', login);
}

export async function handleAuth(config: AuthConfig, method: string, body: unknown): Promise<Reply> {
  const fields = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  switch (method) {
    case 'none':
      if (!config.anonymousAuth) throw new ProblemError(404, 'Anonymous authentication is disabled on this registry');
      return tokenReply(config, [ANONYMOUS_NAMESPACE, ...config.sandboxNamespaces].flatMap((resource) => [
        { action: 'publish' as const, resource },
        { action: 'edit' as const, resource },
      ]), 'none', 'anonymous');
    case 'http':
    case 'dns':
      return keyProof(config, fields, method);
    case 'github-at':
      return githubAccessToken(config, fields);
    case 'github-oidc':
      requireString(fields, 'oidc_token');
      throw new ProblemError(401, 'Token exchange failed', [
        { message: 'GitHub OIDC is not available on the local registry; use /auth/none, /auth/http, /auth/dns or /auth/github-at' },
      ]);
    default:
      throw new ProblemError(404, 'Endpoint not found');
  }
}

/** Bearer check for write routes: 422 when the header is missing, 401 when malformed/invalid/expired. */
export function authenticate(config: AuthConfig, authorization: string | undefined): RegistryClaims {
  if (authorization === undefined || authorization === '') {
    throw validationFailed([{ message: 'required header parameter is missing', location: 'header.Authorization' }]);
  }
  const match = /^Bearer\s+(.+)$/i.exec(authorization);
  if (!match) throw new ProblemError(401, "Invalid Authorization header format. Expected 'Bearer <token>'");
  const claims = config.issuer.verify(match[1].trim());
  if (!claims) throw new ProblemError(401, 'Invalid or expired Registry JWT token');
  return claims;
}
