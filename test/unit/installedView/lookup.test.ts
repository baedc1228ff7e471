import * as assert from 'node:assert/strict';
import { installedServersFrom, matchInstalledEntry, type InstalledEntry } from '../../../src/installed';
import { LOOKUP_CONCURRENCY, RegistryClientsLookup, limiter, searchTerm } from '../../../src/installedView/lookup';
import { RegistryClient, type ServerJSON } from '../../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry';

const ANON = 'io.modelcontextprotocol.anonymous';
const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

function entries(servers: Record<string, unknown>): InstalledEntry[] {
  const { entries: read, problems } = installedServersFrom(JSON.stringify({ mcpServers: servers }), 'cursor');
  assert.deepEqual(problems, []);
  return read;
}

describe('installed view: registry lookup', function () {
  this.timeout(60_000);

  describe('searchTerm', () => {
    it('searches for the last segment of a package name, or the telling label of a remote host', () => {
      const [npm, pypi, oci, remote, generic, ip] = entries({
        npm: { command: 'npx', args: ['-y', '@acme/weather-mcp@1.0.0'] },
        pypi: { command: 'uvx', args: ['mcp-server-git==1.0'] },
        oci: { command: 'docker', args: ['run', '-i', 'ghcr.io/acme/tools:2.0'] },
        remote: { url: 'https://mcp.acme-labs.example.com/mcp' },
        generic: { url: 'https://api.mcp.io/sse' },
        ip: { url: 'http://127.0.0.1:8080/mcp' },
      });
      assert.equal(searchTerm(npm), 'weather-mcp');
      assert.equal(searchTerm(pypi), 'mcp-server-git');
      assert.equal(searchTerm(oci), 'tools');
      assert.equal(searchTerm(remote), 'acme-labs');
      assert.equal(searchTerm(generic), undefined);
      assert.equal(searchTerm(ip), undefined);
    });
  });

  describe('limiter', () => {
    it('never runs more than its bound at once, and runs every task', async () => {
      const limit = limiter(3);
      let running = 0;
      let most = 0;
      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => limit(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return index;
      })));
      assert.equal(most, 3);
      assert.deepEqual(results, Array.from({ length: 20 }, (_, index) => index));
    });
  });

  describe('against the local registry', () => {
    let reg: LocalRegistry;
    let inFlight = 0;
    let mostInFlight = 0;
    const clients = {
      withClient: async <T>(url: string, call: (client: RegistryClient) => Promise<T>): Promise<T> => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        try {
          return await call(new RegistryClient(url, { apiVersion: 'v0.1' }));
        } finally {
          inFlight--;
        }
      },
    };

    before(async () => {
      reg = await startLocalRegistry({ seed: 'none' });
      const client = new RegistryClient(reg.url);
      const token = (await client.exchangeAnonymous()).token;
      for (let index = 0; index < 12; index++) {
        for (const version of ['1.0.0', '1.1.0']) {
          const server: ServerJSON = {
            $schema: SCHEMA, name: `${ANON}/lookup-${index}`, description: 'A lookup test server', version,
            packages: [{ registryType: 'npm', identifier: `@lookup/lookup-${index}`, version, transport: { type: 'stdio' } }],
          };
          await client.publish(server, token);
        }
      }
    });

    after(async () => {
      await reg?.close();
    });

    it('asks once per distinct search and server, at most LOOKUP_CONCURRENCY at a time', async () => {
      const lookup = new RegistryClientsLookup(clients, () => [{ url: reg.url, name: 'Local' }]);
      // 12 servers, each configured twice (two clients), plus one package no registry has.
      const configured: Record<string, unknown> = { unknown: { command: 'npx', args: ['@nobody/nothing-here@1.0.0'] } };
      for (let index = 0; index < 12; index++) {
        configured[`a${index}`] = { command: 'npx', args: ['-y', `@lookup/lookup-${index}@1.0.0`] };
        configured[`b${index}`] = { command: 'npx', args: [`@lookup/lookup-${index}`] };
      }
      const before = reg.requestCount();
      const resolved = await Promise.all(entries(configured).map(async (entry) => {
        const { servers, errors } = await lookup.findServers(entry);
        assert.deepEqual(errors, []);
        const match = matchInstalledEntry(entry, servers);
        return match && (await lookup.versions(match.server.registryUrl, match.server.name)).length;
      }));
      assert.deepEqual(resolved, [undefined, ...Array.from({ length: 24 }, () => 2)]);
      // 13 searches (12 servers, "nothing-here") and 12 version lists.
      assert.equal(lookup.requests, 25);
      assert.equal(reg.requestCount() - before, 25);
      assert.ok(mostInFlight > 1 && mostInFlight <= LOOKUP_CONCURRENCY, `in parallel, at most ${LOOKUP_CONCURRENCY} at once: saw ${mostInFlight}`);
    });

    it('finds a server by its name for a gallery install and reports a registry it cannot reach', async () => {
      const [gallery] = installedServersFrom(JSON.stringify({ servers: { [`${ANON}/lookup-3`]: { command: 'npx', args: ['@lookup/lookup-3@1.0.0'], gallery: reg.url, version: '1.0.0' } } }), 'vscode').entries;
      const lookup = new RegistryClientsLookup(clients, () => [{ url: 'http://127.0.0.1:9/unreachable', name: 'Down' }, { url: reg.url, name: 'Local' }]);
      const { servers, errors } = await lookup.findServers(gallery);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /^Down: /);
      const match = matchInstalledEntry(gallery, servers);
      assert.equal(match?.by, 'gallery');
      assert.equal(match?.server.name, `${ANON}/lookup-3`);
    });
  });
});
