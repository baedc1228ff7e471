// Registry JWTs: EdDSA (Ed25519) signed with the registry's key, 5-minute lifetime, official claim names.
import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

export type Action = 'publish' | 'edit';
export interface Permission {
  action: Action;
  resource: string;
}
export interface RegistryClaims {
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  auth_method: string;
  auth_method_sub: string;
  permissions: Permission[];
}

export const TOKEN_LIFETIME_SECONDS = 5 * 60;
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export class JwtIssuer {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(seedHex?: string) {
    const seed = seedHex ? Buffer.from(seedHex, 'hex') : randomBytes(32);
    if (seed.length !== 32 || (seedHex !== undefined && !/^[0-9a-fA-F]{64}$/.test(seedHex))) {
      throw new Error('jwtSeedHex must be 64 hex characters (a 32-byte Ed25519 seed)');
    }
    this.privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    this.publicKey = createPublicKey(this.privateKey);
  }

  mint(permissions: Permission[], authMethod: string, subject: string, expiresInSeconds = TOKEN_LIFETIME_SECONDS): { token: string; expiresAt: number } {
    const now = Math.floor(Date.now() / 1000);
    const claims: RegistryClaims = {
      iss: 'mcp-registry',
      iat: now,
      nbf: now,
      exp: now + expiresInSeconds,
      auth_method: authMethod,
      auth_method_sub: subject,
      permissions,
    };
    const signingInput = `${base64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
    const signature = sign(null, Buffer.from(signingInput), this.privateKey);
    return { token: `${signingInput}.${base64url(signature)}`, expiresAt: claims.exp };
  }

  /** Claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string): RegistryClaims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as { alg?: string };
      if (header.alg !== 'EdDSA') return undefined;
      const ok = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, Buffer.from(parts[2], 'base64url'));
      if (!ok) return undefined;
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as RegistryClaims;
      const now = Math.floor(Date.now() / 1000);
      if (typeof claims.exp !== 'number' || claims.exp <= now) return undefined;
      if (typeof claims.nbf === 'number' && claims.nbf > now + 5) return undefined;
      if (!Array.isArray(claims.permissions)) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }
}

/** Official HasPermission: `*`, `prefix*`, or exact; case-sensitive. */
export function patternMatches(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return resource.startsWith(pattern.slice(0, -1));
  return pattern === resource;
}

export function hasPermission(claims: RegistryClaims, action: Action, resource: string): boolean {
  return claims.permissions.some((p) => p.action === action && patternMatches(p.resource, resource));
}
