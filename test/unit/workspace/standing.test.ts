import * as assert from 'node:assert/strict';
import { describeStanding, standingOf, type RegistryVersionRow } from '../../../src/workspace/standing';

const row = (version: string, publishedAt: string, extra: Partial<RegistryVersionRow> = {}): RegistryVersionRow => ({ version, status: 'active', publishedAt, isLatest: false, ...extra });

const history: RegistryVersionRow[] = [
  row('1.5.0', '2026-03-01T00:00:00Z', { isLatest: true }),
  row('1.4.0', '2026-02-01T00:00:00Z'),
  row('1.3.0', '2026-01-01T00:00:00Z', { status: 'deleted' }),
];

describe('workspace standing of a local version against the registry', () => {
  it('is unpublished when the registry has no version of the server', () => {
    assert.equal(standingOf('1.0.0', []).state, 'unpublished');
  });

  it('is equal when the local version is the latest row', () => {
    const standing = standingOf('1.5.0', history);
    assert.equal(standing.state, 'equal');
    assert.equal(describeStanding(standing), 'published');
  });

  it('says when the latest version the workspace holds is deprecated', () => {
    const deprecated = history.map((row) => (row.version === '1.5.0' ? { ...row, status: 'deprecated' } : row));
    assert.equal(describeStanding(standingOf('1.5.0', deprecated)), 'deprecated');
  });

  it('is already published when the local version exists but is not latest', () => {
    const standing = standingOf('1.4.0', history);
    assert.equal(standing.state, 'published');
    assert.equal(describeStanding(standing), 'bump due');
  });

  it('counts a deleted version as published: the registry never takes it again', () => {
    const standing = standingOf('1.3.0', history);
    assert.equal(standing.state, 'published');
    assert.equal(standing.existing?.status, 'deleted');
    assert.equal(describeStanding(standing), 'bump due');
  });

  it('is ahead (ready to publish) when the version is new and would become latest', () => {
    const standing = standingOf('1.6.0', history);
    assert.equal(standing.state, 'ahead');
    assert.equal(standing.latest, '1.5.0');
    assert.equal(describeStanding(standing), 'ready');
  });

  it('is behind when the version is new but ranks below latest', () => {
    const standing = standingOf('1.4.5', history);
    assert.equal(standing.state, 'behind');
    assert.equal(describeStanding(standing), 'behind');
  });

  it('ranks a pre-release of the latest below it', () => {
    assert.equal(standingOf('1.5.0-rc.1', history).state, 'behind');
    assert.equal(standingOf('1.6.0-rc.1', history).state, 'ahead');
  });

  it('uses the flagged latest even when a deleted row ranks higher', () => {
    const rows = [row('2.0.0', '2026-04-01T00:00:00Z', { status: 'deleted' }), row('1.0.0', '2026-01-01T00:00:00Z', { isLatest: true })];
    assert.equal(standingOf('1.0.0', rows).state, 'equal');
    assert.equal(standingOf('2.0.0', rows).state, 'published');
    assert.equal(standingOf('1.5.0', rows).state, 'ahead');
  });

  it('reports a version string the registry refuses', () => {
    const standing = standingOf('^1.2.0', history);
    assert.equal(standing.state, 'invalid');
    assert.ok(standing.reason && standing.reason.length > 0);
  });
});
