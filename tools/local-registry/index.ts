// The embedded local MCP registry: behaves like the official registry (modelcontextprotocol/registry)
// for the extension's tests, the demo, the benchmarks and publish rehearsals.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultDnsTxt, type AuthConfig } from './auth';
import { FaultSet, type FaultRule } from './faults';
import { JwtIssuer, type Permission } from './jwt';
import { SchemaStore } from './schemas';
import { applySeed, type SeedOption } from './seed';
import { createRegistryServer } from './server';
import { RegistryStore } from './store';

export type { FaultRule } from './faults';
export type { Permission } from './jwt';
export { CONTROL_SECRET_HEADER } from './server';

export interface LocalRegistryOptions {
  port?: number;
  dataDir?: string;
  seed?: SeedOption;
  seedFrom?: string;
  sharedDir?: string;
  jwtSeedHex?: string;
  anonymousAuth?: boolean;
  /**
   * Namespaces (patterns such as `io.github.acme/*`) that anonymous `none` tokens may also publish to, so a
   * team can rehearse publishing its real server name locally. The official registry has no such option.
   */
  sandboxNamespaces?: string[];
  wellKnownUrl?: (domain: string) => string;
  githubApiUrl?: string;
  /** TXT records for /auth/dns (tests); defaults to node:dns with a 5 s timeout. */
  dnsTxt?: (domain: string) => Promise<string[]>;
  maxBodyBytes?: number;
  /** The secret `/_local/*` requests must carry (header `x-local-registry-secret`); random per run by default. */
  controlSecret?: string;
  log?: (line: string) => void;
}

export interface LocalRegistry {
  readonly url: string;
  /** This run's secret for the `/_local/*` control routes. */
  readonly controlSecret: string;
  readonly faults: { add(rule: FaultRule): string; remove(id: string): void; clear(): void; list(): FaultRule[] };
  mintToken(permissions: Permission[], opts?: { expiresInSeconds?: number; authMethod?: string }): string;
  requestCount(): number;
  /** The requests seen so far (the last 10,000), method and path, oldest first. */
  requests(): readonly { method: string; path: string }[];
  close(): Promise<void>;
}

/** The repository root, whether this runs from `tools/` (TypeScript) or its transpiled copy in `out/tools/`. */
export const REPO_ROOT = findRepoRoot(__dirname);
export const DEFAULT_SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function findRepoRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'mcp-versions') return dir;
    } catch {
      // no package.json here
    }
  }
  return path.resolve(start, '..', '..');
}

export async function startLocalRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  const log = options.log ?? (() => undefined);
  const sharedDir = options.sharedDir ?? DEFAULT_SHARED_DIR;
  const store = await RegistryStore.open(options.dataDir);
  try {
    const started = Date.now();
    const seeded = await applySeed(store, options.seed ?? 'none', options.seedFrom, sharedDir);
    if (seeded > 0) log(`seeded ${seeded} server versions in ${Date.now() - started} ms`);
  } catch (err) {
    await store.close();
    throw err;
  }
  const issuer = new JwtIssuer(options.jwtSeedHex);
  const auth: AuthConfig = {
    issuer,
    anonymousAuth: options.anonymousAuth ?? true,
    sandboxNamespaces: options.sandboxNamespaces ?? [],
    wellKnownUrl: options.wellKnownUrl ?? ((domain) => `https://${domain}/.well-known/mcp-registry-auth`),
    githubApiUrl: options.githubApiUrl ?? 'https://api.github.com',
    dnsTxt: options.dnsTxt ?? defaultDnsTxt,
  };
  const schemas = new SchemaStore(sharedDir);
  const faults = new FaultSet();
  const controlSecret = options.controlSecret ?? randomBytes(24).toString('hex');
  if (controlSecret.length < 16) throw new Error('the control secret must be at least 16 characters');
  let requests = 0;
  const recent: { method: string; path: string }[] = [];
  const { server, closeHanging } = createRegistryServer({
    ctx: { store, schemas, auth, version: 'local' },
    faults,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    controlSecret,
    log,
    onRequest: (method, path) => {
      requests++;
      recent.push({ method, path });
      if (recent.length > 10_000) recent.shift();
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log(`MCP registry listening at ${url}`);
  let closing: Promise<void> | undefined;
  return {
    url,
    controlSecret,
    faults,
    mintToken: (permissions, opts = {}) => issuer.mint(permissions, opts.authMethod ?? 'test', 'test', opts.expiresInSeconds).token,
    requestCount: () => requests,
    requests: () => [...recent],
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        closeHanging();
        await closed;
        await store.close();
      })();
      return closing;
    },
  };
}
