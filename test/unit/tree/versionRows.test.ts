import * as assert from 'node:assert/strict';
import { OFFICIAL_META_KEY, type ServerJSON, type ServerResponse, type ServerStatus } from '../../../src/registry';
import { versionDetails } from '../../../src/tree/details';
import { latestSentence } from '../../../src/tree/latestSentence';
import { toVersionRows } from '../../../src/tree/versionRows';

function response(version: string, publishedAt: string, status: ServerStatus = 'active', isLatest = false, statusMessage?: string): ServerResponse {
  return {
    server: { name: 'io.github.alice/weather', description: 'Weather', version },
    _meta: { [OFFICIAL_META_KEY]: { status, statusMessage, statusChangedAt: publishedAt, publishedAt, updatedAt: publishedAt, isLatest } },
  };
}

// As the registry returns them: newest publication first (a backport published last).
const history = [
  response('1.4.1', '2026-03-05T00:00:00Z'),
  response('2.1.0-rc.1', '2026-03-04T00:00:00Z', 'active', true),
  response('2.1.0-beta.2', '2026-03-03T00:00:00Z'),
  response('2.0.0', '2026-03-02T00:00:00Z'),
  response('2.0.0-beta.1', '2026-03-01T00:00:00Z', 'deleted', false, 'Broken'),
  response('1.4.0', '2026-02-01T00:00:00Z', 'deprecated', false, 'Use 2.x'),
];

describe('version rows of a server', () => {
  it('orders versions the way the registry ranks them, not by publish time', () => {
    assert.deepEqual(
      toVersionRows(history).map((r) => r.version),
      ['2.1.0-rc.1', '2.1.0-beta.2', '2.0.0', '2.0.0-beta.1', '1.4.1', '1.4.0'],
    );
  });

  it('keeps the registry’s latest flag and marks the newest live version of each pre-release channel', () => {
    const rows = toVersionRows(history);
    assert.deepEqual(rows.filter((r) => r.isLatest).map((r) => r.version), ['2.1.0-rc.1']);
    assert.deepEqual(
      rows.filter((r) => r.channelHead).map((r) => [r.version, r.channelHead]),
      [['2.1.0-rc.1', 'rc'], ['2.1.0-beta.2', 'beta']],
      'the deleted 2.0.0-beta.1 heads nothing',
    );
    const deprecated = rows.find((r) => r.version === '1.4.0')!;
    assert.equal(deprecated.status, 'deprecated');
    assert.equal(deprecated.statusMessage, 'Use 2.x');
  });

  it('links each version to the one below it for "Compare with Previous"', () => {
    const rows = toVersionRows(history);
    assert.equal(rows.find((r) => r.version === '2.0.0')?.previous, '2.0.0-beta.1');
    assert.equal(rows.at(-1)?.previous, undefined);
  });
});

describe('the latest sentence of a status-change confirmation', () => {
  const rows = toVersionRows(history);
  const pick = (...versions: string[]) => rows.filter((r) => versions.includes(r.version));

  it('names the version that becomes latest when the latest one is deleted', () => {
    assert.equal(latestSentence(rows, pick('2.1.0-rc.1'), 'deleted'), '2.1.0-beta.2 becomes latest (instead of 2.1.0-rc.1).');
  });

  it('says latest stays when deprecating (deprecated versions still count)', () => {
    assert.equal(latestSentence(rows, pick('2.1.0-rc.1'), 'deprecated'), 'Latest stays 2.1.0-rc.1.');
  });

  it('names the restored version when it outranks the current latest', () => {
    const restored = toVersionRows([response('3.0.0', '2026-03-06T00:00:00Z', 'deleted'), ...history]);
    assert.equal(latestSentence(restored, restored.filter((r) => r.version === '3.0.0'), 'active'), '3.0.0 becomes latest (instead of 2.1.0-rc.1).');
  });

  it('warns when every version ends up deleted', () => {
    const text = latestSentence(rows, rows.filter((r) => r.status !== 'deleted'), 'deleted');
    assert.match(text, /^5 versions change\./);
    assert.match(text, /disappears from listings/);
  });
});

describe('what a version is made of', () => {
  it('lists packages and remotes with transport, secret env vars locked, and headers', () => {
    const server: ServerJSON = {
      name: 'io.github.alice/weather',
      description: 'Weather',
      version: '1.0.0',
      packages: [
        {
          registryType: 'npm',
          identifier: '@alice/weather',
          version: '1.0.0',
          transport: { type: 'stdio' },
          environmentVariables: [{ name: 'API_KEY', isSecret: true, isRequired: true }, { name: 'REGION', value: 'eu' }],
        },
      ],
      remotes: [{ type: 'sse', url: 'https://mcp.example.com/sse', headers: [{ name: 'X-Key', isSecret: true }] }],
    };
    const [pkg, remote] = versionDetails(server, 'v');
    assert.equal(pkg.label, '@alice/weather');
    assert.equal(pkg.description, 'npm · 1.0.0 · stdio');
    const env = pkg.children!.find((c) => c.label === 'Environment variables')!;
    assert.deepEqual(env.children!.map((c) => [c.label, c.icon, c.description]), [['API_KEY', 'lock', 'secret · required'], ['REGION', 'symbol-variable', 'eu']]);
    assert.equal(remote.label, 'https://mcp.example.com/sse');
    assert.equal(remote.description, 'remote · sse');
    assert.deepEqual(remote.children!.find((c) => c.label === 'Headers')!.children!.map((c) => c.icon), ['lock']);
    assert.equal(new Set(versionDetails(server, 'v').flatMap(function ids(n): string[] { return [n.id, ...(n.children ?? []).flatMap(ids)]; })).size > 5, true);
  });

  it('says so when a version has neither packages nor remotes', () => {
    assert.deepEqual(versionDetails({ name: 'a/b', description: 'd', version: '1' }, 'v').map((n) => n.label), ['No packages or remotes']);
  });
});
