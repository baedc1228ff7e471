import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { OFFICIAL_META_KEY, RegistryClient, matchesResource, normalizeServerJson, parseErrorBody, type FetchLike } from '../../../src/registry';

const okVersion = (name: string, version: string) =>
  JSON.stringify({
    server: { name, description: 'd', version },
    _meta: { [OFFICIAL_META_KEY]: { status: 'active', statusChangedAt: 't', publishedAt: 't', updatedAt: 't', isLatest: true } },
  });

describe('registry client properties', () => {
  it('any name and version reach the registry as exactly one path segment each, decoding back to themselves (dot segments refused)', async () => {
    let lastUrl = '';
    const fakeFetch: FetchLike = async (input) => {
      lastUrl = input;
      const [, name, version] = /\/servers\/([^/]+)\/versions\/([^/?]+)$/.exec(new URL(input).pathname) ?? [];
      return new Response(okVersion(decodeURIComponent(name ?? ''), decodeURIComponent(version ?? '')), { status: 200 });
    };
    const client = new RegistryClient('http://127.0.0.1:9', { apiVersion: 'v0.1', fetch: fakeFetch });
    const segment = fc.oneof(fc.string({ minLength: 1, unit: 'grapheme' }), fc.constantFrom('.', '..', '1.0.0+b', '%2F', '?x#y', 'a/b', ' '));
    await fc.assert(
      fc.asyncProperty(segment, segment, async (name, version) => {
        if ([name, version].some((v) => v === '.' || v === '..')) {
          await assert.rejects(client.getServerVersion(name, version), RangeError);
          return;
        }
        const response = await client.getServerVersion(name, version);
        assert.equal(response.server.name, name);
        assert.equal(response.server.version, version, lastUrl);
      }),
      { numRuns: 200 },
    );
  });

  it('error bodies of any kind never throw and stay short', () => {
    fc.assert(
      fc.property(fc.constantFrom('application/problem+json', 'application/json', 'text/html', 'text/plain', '', null), fc.string({ maxLength: 2000 }), (type, body) => {
        const parsed = parseErrorBody(type, body);
        assert.ok((parsed.detail ?? '').length <= 200);
        assert.ok(!(parsed.detail ?? '').includes('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('normalising a server.json twice changes nothing more than once', () => {
    const inputShape = fc.record({ is_required: fc.boolean(), value_hint: fc.string(), format: fc.constantFrom('file_path', 'string') }, { requiredKeys: [] });
    const doc = fc.record({
      name: fc.string(),
      version: fc.string(),
      website_url: fc.option(fc.webUrl(), { nil: undefined }),
      packages: fc.array(
        fc.record({
          registry_type: fc.constantFrom('npm', 'pypi', 'oci'),
          identifier: fc.string(),
          runtime_arguments: fc.array(inputShape, { maxLength: 3 }),
          environment_variables: fc.array(fc.record({ name: fc.string(), is_secret: fc.boolean() }), { maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(doc, (raw) => {
        const once = normalizeServerJson(JSON.parse(JSON.stringify(raw)));
        const twice = normalizeServerJson(JSON.parse(JSON.stringify(once)));
        assert.deepEqual(twice, once);
        assert.ok(!JSON.stringify(once).includes('"registry_type"'));
      }),
    );
  });

  it('a "prefix*" pattern allows exactly the names that start with the prefix', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (prefix, name) => {
        assert.equal(matchesResource(`${prefix}*`, name), name.startsWith(prefix));
        assert.equal(matchesResource(`${prefix}*`, prefix + name), true);
      }),
    );
  });
});
