import * as assert from 'node:assert/strict';
import {
  installedServersFrom,
  installedState,
  matchInstalledEntry,
  updateFor,
  versionState,
  type InstalledEntry,
  type InstalledState,
  type RegistryServerRef,
  type RegistryVersionInfo,
} from '../../../src/installed';

interface Row extends RegistryVersionInfo {
  readonly version: string;
}

let clock = Date.parse('2026-01-01T00:00:00Z');
function row(version: string, status: 'active' | 'deprecated' | 'deleted' = 'active', extra: Partial<Row> = {}): Row {
  clock += 3_600_000;
  return { version, status, publishedAt: new Date(clock).toISOString(), packages: [{ registryType: 'npm', identifier: '@acme/files', version }], ...extra };
}

/** Marks the row the registry would flag latest (highest non-deleted by its ordering, supplied explicitly here). */
function flagLatest(rows: Row[], version: string): Row[] {
  return rows.map((r) => ({ ...r, isLatest: r.version === version }));
}

const SERVER: RegistryServerRef = { name: 'io.github.acme/files', registryUrl: 'https://registry.example.com', packages: [{ registryType: 'npm', identifier: '@acme/files', version: '2.0.0' }], remotes: [{ url: 'https://files.acme.com/mcp' }] };

function entry(config: Record<string, unknown>): InstalledEntry {
  const { entries, problems } = installedServersFrom(JSON.stringify({ servers: { 'io.github.acme/files': config } }), 'vscode');
  assert.deepEqual(problems, []);
  return entries[0];
}

function stateOf(config: Record<string, unknown>, rows: Row[], servers: RegistryServerRef[] = [SERVER]): InstalledState<Row> {
  const installed = entry(config);
  return installedState(installed, matchInstalledEntry(installed, servers), rows);
}

/** kind + the versions involved, as a row of the view would show them. */
function summary(state: InstalledState<Row>): string {
  switch (state.kind) {
    case 'up-to-date': return `up-to-date ${state.installed.version}`;
    case 'update-available': return `update ${state.installed.version} → ${state.update.version}${state.channel ? ` (${state.channel})` : ''}`;
    case 'deprecated': case 'deleted': return `${state.kind} ${state.installed.version}${state.message ? ` "${state.message}"` : ''}${state.update ? ` → ${state.update.version}` : ''}`;
    case 'unknown-version': return `unknown ${state.version}${state.latest ? ` (latest ${state.latest.version})` : ''}`;
    case 'unpinned': return `unpinned ${state.reason}${state.versionSpec ? ` ${state.versionSpec}` : ''} → ${state.resolvesTo?.version ?? '?'}`;
    case 'not-in-registry': return 'not-in-registry';
  }
}

const npx = (spec: string) => ({ command: 'npx', args: ['-y', spec] });

describe('installed: state of an installed version against the registry', () => {
  const rows = flagLatest([row('1.0.0'), row('1.1.0'), row('1.2.0', 'deprecated', { statusMessage: 'Leaks tokens in logs; use 1.2.1' }),
    row('1.2.1', 'deleted', { statusMessage: 'Broken build' }), row('1.3.0'), row('2.0.0-beta.1'), row('2.0.0-beta.2')], '2.0.0-beta.2');

  it('is up to date on the newest stable version even when a pre-release is the registry\'s latest', () => {
    assert.equal(summary(stateOf(npx('@acme/files@1.3.0'), rows)), 'up-to-date 1.3.0');
  });

  it('offers the newest stable version to a stable install, never a pre-release', () => {
    assert.equal(summary(stateOf(npx('@acme/files@1.0.0'), rows)), 'update 1.0.0 → 1.3.0');
  });

  it('offers the channel\'s newest to a pre-release install, and a higher stable release over it', () => {
    assert.equal(summary(stateOf(npx('@acme/files@2.0.0-beta.1'), rows)), 'update 2.0.0-beta.1 → 2.0.0-beta.2 (beta)');
    const released = [...rows, row('2.0.0'), row('2.1.0-rc.1')];
    assert.equal(summary(stateOf(npx('@acme/files@2.0.0-beta.2'), released)), 'update 2.0.0-beta.2 → 2.0.0');
  });

  it('says deprecated with the publisher\'s message, and which version to move to', () => {
    assert.equal(summary(stateOf(npx('@acme/files@1.2.0'), rows)), 'deprecated 1.2.0 "Leaks tokens in logs; use 1.2.1" → 1.3.0');
  });

  it('says deleted, never offering a deleted or deprecated version as the update', () => {
    assert.equal(summary(stateOf(npx('@acme/files@1.2.1'), rows)), 'deleted 1.2.1 "Broken build" → 1.3.0');
    const newerAllBad = [row('3.0.0'), row('3.1.0', 'deleted'), row('3.2.0', 'deprecated')];
    assert.equal(summary(stateOf(npx('@acme/files@3.0.0'), newerAllBad)), 'up-to-date 3.0.0');
  });

  it('says so when the pinned version is not among the registry\'s versions', () => {
    assert.equal(summary(stateOf(npx('@acme/files@0.9.0'), rows)), 'unknown 0.9.0 (latest 2.0.0-beta.2)');
  });

  it('is not in any registry when nothing matches', () => {
    assert.equal(summary(stateOf(npx('other-package@1.0.0'), rows)), 'not-in-registry');
    assert.equal(summary(stateOf({ command: 'node', args: ['dist/index.js'] }, rows)), 'not-in-registry');
  });

  it('orders non-semver versions by publish time like the registry does', () => {
    const dated = [row('2025.06.18'), row('2025.11.25')];
    assert.equal(summary(stateOf(npx('@acme/files@2025.6.18'), [row('2025.6.18'), row('2025.11.25')])), 'update 2025.6.18 → 2025.11.25');
    assert.equal(summary(versionState(dated[0], dated, 'package')), 'update 2025.06.18 → 2025.11.25');
    assert.equal(updateFor(dated[1], dated), undefined);
  });
});

describe('installed: which registry version an entry runs', () => {
  it('uses VS Code\'s recorded server version for gallery installs, not the package version', () => {
    const rows = [row('1.0.0', 'active', { packages: [{ registryType: 'npm', identifier: '@acme/files', version: '0.9.0' }] }),
      row('1.1.0', 'deprecated', { statusMessage: 'use 1.2.0', packages: [{ registryType: 'npm', identifier: '@acme/files', version: '0.9.1' }] }),
      row('1.2.0', 'active', { packages: [{ registryType: 'npm', identifier: '@acme/files', version: '0.9.2' }] })];
    const config = { command: 'npx', args: ['@acme/files@0.9.1'], gallery: 'https://registry.example.com', version: '1.1.0' };
    assert.equal(summary(stateOf(config, rows)), 'deprecated 1.1.0 "use 1.2.0" → 1.2.0');
    assert.equal((stateOf(config, rows) as { basis: string }).basis, 'gallery');
    assert.equal(summary(stateOf({ ...config, version: '9.9.9' }, rows)), 'unknown 9.9.9 (latest 1.2.0)');
  });

  it('finds the server version by the package version it lists when they differ', () => {
    const rows = [row('1.0.0', 'active', { packages: [{ registryType: 'npm', identifier: '@acme/files', version: '0.9.0' }] }),
      row('1.1.0', 'active', { packages: [{ registryType: 'npm', identifier: '@acme/files', version: '0.9.1' }] })];
    assert.equal(summary(stateOf(npx('@acme/files@0.9.0'), rows)), 'update 1.0.0 → 1.1.0');
  });

  it('prefers the active one of two server versions with the same package (a metadata fix)', () => {
    const pkg = [{ registryType: 'npm', identifier: '@acme/files', version: '1.2.3' }];
    const rows = [row('1.2.3', 'deleted', { packages: pkg }), row('1.2.3-1', 'active', { packages: pkg })];
    assert.equal(summary(stateOf(npx('@acme/files@1.2.3'), rows)), 'up-to-date 1.2.3-1');
  });

  it('matches OCI tags and PyPI versions with their registries\' equality', () => {
    const oci: RegistryServerRef = { name: 'io.github.acme/fetch', packages: [{ registryType: 'oci', identifier: 'docker.io/acme/fetch:1.1.0' }] };
    const ociRows = [row('1.0.0', 'deleted', { packages: [{ registryType: 'oci', identifier: 'docker.io/acme/fetch:1.0.0' }] }),
      row('1.1.0', 'active', { packages: [{ registryType: 'oci', identifier: 'docker.io/acme/fetch:1.1.0' }] })];
    assert.equal(summary(stateOf({ command: 'docker', args: ['run', '-i', '--rm', 'acme/fetch:1.0.0'] }, ociRows, [oci])), 'deleted 1.0.0 → 1.1.0');

    const pypi: RegistryServerRef = { name: 'io.github.acme/git', packages: [{ registryType: 'pypi', identifier: 'acme-git', version: '1.0.0' }] };
    const pypiRows = [row('1.0.0', 'deprecated', { packages: [{ registryType: 'pypi', identifier: 'acme-git', version: '1.0.0' }] })];
    assert.equal(summary(stateOf({ command: 'uvx', args: ['Acme_Git==1.0'] }, pypiRows, [pypi])), 'deprecated 1.0.0');
  });

  it('treats a remote as running the server\'s current latest', () => {
    const rows = flagLatest([row('1.0.0'), row('1.1.0', 'deprecated', { statusMessage: 'moving to v2 endpoint' })], '1.1.0');
    const state = stateOf({ type: 'http', url: 'https://files.acme.com/mcp/' }, rows);
    assert.equal(summary(state), 'deprecated 1.1.0 "moving to v2 endpoint"');
    assert.equal((state as { basis: string }).basis, 'remote-latest');
  });
});

describe('installed: unpinned entries', () => {
  const rows = flagLatest([row('1.0.0'), row('1.4.0'), row('1.5.0', 'deleted'), row('2.0.0')], '2.0.0');

  it('says what no version or "latest" resolves to today: the registry\'s latest', () => {
    assert.equal(summary(stateOf(npx('@acme/files'), rows)), 'unpinned no-version → 2.0.0');
    assert.equal(summary(stateOf(npx('@acme/files@latest'), rows)), 'unpinned tag latest → 2.0.0');
  });

  it('resolves an npm range to the highest live version it allows', () => {
    assert.equal(summary(stateOf(npx('@acme/files@^1.0.0'), rows)), 'unpinned range ^1.0.0 → 1.4.0');
    assert.equal(summary(stateOf(npx('@acme/files@^3'), rows)), 'unpinned range ^3 → ?');
  });

  it('cannot tell what another dist-tag or an OCI digest resolves to', () => {
    assert.equal(summary(stateOf(npx('@acme/files@next'), rows)), 'unpinned tag next → ?');
    const oci: RegistryServerRef = { name: 'x/oci', packages: [{ registryType: 'oci', identifier: 'ghcr.io/acme/srv:2.0.0' }] };
    assert.equal(summary(stateOf({ command: 'docker', args: ['run', '-i', `ghcr.io/acme/srv@sha256:${'c'.repeat(64)}`] }, rows, [oci])), 'unpinned digest → ?');
  });
});
