// Shared helpers for the registry client tests.
import * as assert from 'node:assert/strict';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry';
import { reply, startLoopback } from './loopback';
import { CURRENT_SCHEMA_URL, RegistryError, type FetchLike, type ServerJSON } from '../../../src/registry';

export const ANON = 'io.modelcontextprotocol.anonymous';

export function serverJson(name: string, version: string, extra: Partial<ServerJSON> = {}): ServerJSON {
  return { $schema: CURRENT_SCHEMA_URL, name: name.includes('/') ? name : `${ANON}/${name}`, description: 'A test server', version, ...extra };
}

export async function rejection(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

/** A fetch that records the method and path of every request it sends. */
export function countingFetch(): { fetch: FetchLike; calls: { method: string; path: string }[] } {
  const calls: { method: string; path: string }[] = [];
  return {
    calls,
    fetch: (input, init) => {
      const url = new URL(input);
      calls.push({ method: init.method ?? 'GET', path: url.pathname + url.search });
      return globalThis.fetch(input, init);
    },
  };
}

/** What the registry's outbound lookups see: key-proof records per domain, GitHub logins per token, DNS TXT. */
export const outbound = {
  wellKnown: new Map<string, string>(),
  githubLogins: new Map<string, string>(),
  dnsTxt: new Map<string, string[]>(),
};

let shared: Promise<LocalRegistry> | undefined;

/** One local registry for all registry client tests (starting one takes seconds); closed after the run. */
export function sharedRegistry(): Promise<LocalRegistry> {
  shared ??= (async () => {
    const lookups = await startLoopback((req, res) => {
      const url = req.url ?? '';
      const domain = /^\/well-known\/([^/]+)$/.exec(url)?.[1];
      const record = domain === undefined ? undefined : outbound.wellKnown.get(domain);
      if (record !== undefined) return reply(res, 200, 'text/plain', record);
      const login = outbound.githubLogins.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (url === '/github/user') {
        return login ? reply(res, 200, 'application/json', JSON.stringify({ login })) : reply(res, 401, 'application/json', '{"message":"Bad credentials"}');
      }
      if (url.startsWith('/github/user/memberships/orgs')) return reply(res, 200, 'application/json', '[]');
      reply(res, 404, 'text/plain', 'not found');
    });
    const registry = await startLocalRegistry({
      seed: 'none',
      wellKnownUrl: (domain) => `${lookups.url}/well-known/${domain}`,
      githubApiUrl: `${lookups.url}/github`,
      dnsTxt: async (domain) => outbound.dnsTxt.get(domain) ?? [],
    });
    return {
      ...registry,
      close: async () => {
        await registry.close();
        await lookups.close();
      },
    };
  })();
  return shared;
}

after(async () => {
  if (shared) await (await shared).close();
});
