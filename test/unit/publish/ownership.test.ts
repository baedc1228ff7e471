// npm and PyPI are simulated by a loopback server given as the check's npm / PyPI address (this machine has
// no internet); the URL shapes are the public registries' own.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPackageOwnership, ownershipVerdict, verifiesOwnership, type OwnershipCheck } from '../../../src/publish/ownership';

const NAME = 'io.github.acme/weather';

describe('package ownership pre-flight', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      switch (req.url) {
        case '/@acme%2Fweather/1.2.0':
          return reply(200, { name: '@acme/weather', version: '1.2.0', mcpName: NAME });
        case '/@acme%2Fweather/1.1.0':
          return reply(200, { name: '@acme/weather', version: '1.1.0', mcpName: 'io.github.Acme/weather' });
        case '/plain/2.0.0':
          return reply(200, { name: 'plain', version: '2.0.0' });
        case '/pypi/acme-weather/1.2.0/json':
          return reply(200, { info: { description: `# Weather\n<!-- mcp-name: ${NAME} -->\n` } });
        case '/pypi/acme-weather/1.1.0/json':
          return reply(200, { info: { description: '# Weather' } });
        case '/broken/1.0.0':
          return reply(503, { error: 'down' });
        default:
          return reply(404, { error: 'Not found' });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('accepts npm versions whose mcpName is the server name and PyPI READMEs with mcp-name', async () => {
    const checks = await checkPackageOwnership(NAME, [
      { registryType: 'npm', identifier: '@acme/weather', version: '1.2.0' },
      { registryType: 'pypi', identifier: 'acme-weather', version: '1.2.0' },
      { registryType: 'oci', identifier: 'ghcr.io/acme/weather:1.2.0' },
    ], { bases: { npm: base, pypi: base } });
    assert.deepEqual(checks.map((c) => [c.registryType, c.status]), [['npm', 'ok'], ['pypi', 'ok']]);
    assert.ok(seen.includes('/@acme%2Fweather/1.2.0'), 'scoped npm names are requested with an encoded slash');
  });

  it('explains a missing or differently cased marker and an unpublished version', async () => {
    const checks = await checkPackageOwnership(NAME, [
      { registryType: 'npm', identifier: '@acme/weather', version: '1.1.0' },
      { registryType: 'npm', identifier: 'plain', version: '2.0.0' },
      { registryType: 'npm', identifier: '@acme/weather', version: '9.9.9' },
      { registryType: 'pypi', identifier: 'acme-weather', version: '1.1.0' },
    ], { bases: { npm: base, pypi: base } });
    assert.deepEqual(checks.map((c) => c.status), ['missing-marker', 'missing-marker', 'not-found', 'missing-marker']);
    assert.match(checks[0].message, /mcpName is "io\.github\.Acme\/weather".*exact case/);
    assert.match(checks[1].message, /no mcpName/);
    assert.match(checks[2].message, /not on npm \(yet\)/);
    assert.match(checks[3].message, /mcp-name: io\.github\.acme\/weather/);
  });

  it('asks the official npm and PyPI, whatever registryBaseUrl the document names', async () => {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return new Response('{}', { status: 404 });
    };
    await checkPackageOwnership(NAME, [
      { registryType: 'npm', registryBaseUrl: base, identifier: 'plain', version: '2.0.0' },
      { registryType: 'pypi', registryBaseUrl: base, identifier: 'acme-weather', version: '1.2.0' },
    ], { fetch });
    assert.deepEqual(asked.map((url) => new URL(url).origin), ['https://registry.npmjs.org', 'https://pypi.org']);
  });

  it('reports an unreachable or failing package registry as skipped, not as a failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadBase = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await checkPackageOwnership(NAME, [{ registryType: 'npm', identifier: '@acme/weather', version: '1.2.0' }], { timeoutMs: 2000, bases: { npm: deadBase } });
    const failing = await checkPackageOwnership(NAME, [{ registryType: 'npm', identifier: 'broken', version: '1.0.0' }], { timeoutMs: 2000, bases: { npm: base } });
    assert.deepEqual([...unreachable, ...failing].map((c) => c.status), ['skipped', 'skipped']);
    assert.match(unreachable[0].message, /could not be reached/);
  });
});

describe('what the ownership pre-flight may say about the target registry', () => {
  const check = (status: OwnershipCheck['status'], message: string): OwnershipCheck => ({ registryType: 'npm', identifier: '@acme/weather', version: '1.2.0', status, message });
  const checks = [check('ok', 'A is fine.'), check('missing-marker', 'B cannot be verified.'), check('skipped', 'C was not checked.')];

  it('the official registry checks ownership: a failed check is a rejection', () => {
    const verdict = ownershipVerdict('Official', 'https://registry.modelcontextprotocol.io', checks);
    assert.deepEqual(verdict.rejects.map((c) => c.message), ['B cannot be verified.']);
    assert.deepEqual(verdict.lines, ['✓ A is fine.', '✗ B cannot be verified.', 'Skipped: C was not checked.']);
  });

  it('another registry may not: a failed check is a warning that names the check, and never blocks', () => {
    const verdict = ownershipVerdict('Local', 'http://127.0.0.1:8787', checks);
    assert.deepEqual(verdict.rejects, []);
    assert.equal(verdict.lines[1], '⚠ B cannot be verified. The official registry checks this at publish; Local may not.');
    assert.equal(verifiesOwnership('https://registry.example.com'), false);
    assert.equal(verifiesOwnership('not a url'), false);
  });
});
