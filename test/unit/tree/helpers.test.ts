import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeRegistryUrl } from '../../../src/registries/url';
import { composeContextValue, parseContextValue } from '../../../src/tree/contextValue';
import { decodeStatusQuery, encodeStatusQuery, statusLook } from '../../../src/tree/statusBadge';
import { canonicalJson } from '../../../src/util/canonicalJson';
import { exactUtc, relativeTime } from '../../../src/util/relativeTime';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('relative publish times', () => {
  it('says how long ago a version was published', () => {
    assert.equal(relativeTime('2026-03-10T11:59:50Z', NOW), 'just now');
    assert.equal(relativeTime('2026-03-10T11:55:00Z', NOW), '5 minutes ago');
    assert.equal(relativeTime('2026-03-10T09:00:00Z', NOW), '3 hours ago');
    assert.equal(relativeTime('2026-03-09T12:00:00Z', NOW), 'yesterday');
    assert.equal(relativeTime('2026-03-07T12:00:00Z', NOW), '3 days ago');
    assert.equal(relativeTime('2026-02-10T12:00:00Z', NOW), '4 weeks ago');
    assert.equal(relativeTime('2026-01-05T12:00:00Z', NOW), '2 months ago');
    assert.equal(relativeTime('2024-03-01T12:00:00Z', NOW), '2 years ago');
    assert.equal(relativeTime('2026-03-10T14:00:00Z', NOW), 'in 2 hours');
  });

  it('is empty for a missing or unreadable time and gives the exact UTC time for tooltips', () => {
    assert.equal(relativeTime(undefined, NOW), '');
    assert.equal(relativeTime('not a date', NOW), '');
    assert.equal(exactUtc('2025-09-20T14:03:07.123456Z'), '2025-09-20 14:03:07 UTC');
    assert.equal(exactUtc('2025-09-20T16:03:07+02:00'), '2025-09-20 14:03:07 UTC');
  });
});

describe('contextValue composition', () => {
  it('puts the kind first and the flags in a fixed order whatever order they come in', () => {
    assert.equal(composeContextValue('version', ['mine', 'deprecated', false, 'latest', undefined]), 'mcpv:version:latest:deprecated:mine');
    assert.equal(composeContextValue('server'), 'mcpv:server');
  });

  it('matches the menu regular expressions of package.json', () => {
    const deprecateMenu = /^mcpv:(version\b.*:active|server)\b.*:mine\b/;
    assert.ok(deprecateMenu.test(composeContextValue('version', ['active', 'mine'])));
    assert.ok(deprecateMenu.test(composeContextValue('version', ['latest', 'active', 'mine', 'hasPrevious'])));
    assert.ok(!deprecateMenu.test(composeContextValue('version', ['deprecated', 'mine'])));
    assert.ok(!deprecateMenu.test(composeContextValue('version', ['active'])));
    assert.ok(deprecateMenu.test(composeContextValue('server', ['mine'])));
  });

  it('round-trips through parseContextValue', () => {
    fc.assert(
      fc.property(fc.subarray(['latest', 'prerelease', 'active', 'deprecated', 'deleted', 'mine', 'hasPrevious'] as const), (flags) => {
        const parsed = parseContextValue(composeContextValue('version', flags));
        assert.equal(parsed?.kind, 'version');
        assert.deepEqual([...(parsed?.flags ?? [])].sort(), [...flags].sort());
      }),
    );
  });
});

describe('status decorations', () => {
  it('marks latest green with L, deleted with ✕ in the error colour, deprecated dimmed, channels by name', () => {
    assert.deepEqual(statusLook({ status: 'active', latest: true }), { badge: 'L', color: 'charts.green', tooltip: 'latest' });
    assert.deepEqual(statusLook({ status: 'deleted' }), { badge: '✕', color: 'list.errorForeground', tooltip: 'deleted' });
    assert.deepEqual(statusLook({ status: 'deprecated' }), { badge: 'D', color: 'list.deemphasizedForeground', tooltip: 'deprecated' });
    assert.equal(statusLook({ status: 'active', channel: 'beta' })?.badge, 'β');
    assert.equal(statusLook({ status: 'active', channel: 'rc' })?.badge, 'RC');
    assert.equal(statusLook({ status: 'active' }), undefined);
  });

  it('keeps a deprecated latest visibly deprecated', () => {
    assert.deepEqual(statusLook({ status: 'deprecated', latest: true }), { badge: 'L', color: 'list.deemphasizedForeground', tooltip: 'latest, deprecated' });
  });

  it('round-trips the state through the decoration URI query', () => {
    for (const state of [{ status: 'deleted', latest: false }, { status: 'active', latest: true, channel: 'rc' }]) {
      assert.deepEqual(statusLook(decodeStatusQuery(encodeStatusQuery(state))), statusLook(state));
    }
  });
});

describe('canonical JSON', () => {
  it('orders keys at every depth and keeps array order', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, 0), '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}\n');
  });

  it('gives equal text for documents that differ only in key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        assert.equal(canonicalJson(reversed), canonicalJson(object));
        assert.deepEqual(JSON.parse(canonicalJson(object)), JSON.parse(JSON.stringify(object)));
      }),
    );
  });
});

describe('registry URL de-duplication', () => {
  it('ignores trailing slashes, the API version segment and host case', () => {
    const forms = ['https://Registry.Example.com', 'https://registry.example.com/', 'https://registry.example.com/v0.1', 'https://registry.example.com/v0/'];
    assert.deepEqual(new Set(forms.map(normalizeRegistryUrl)), new Set(['https://registry.example.com']));
    assert.equal(normalizeRegistryUrl('http://127.0.0.1:8080/sub/'), 'http://127.0.0.1:8080/sub');
  });
});
