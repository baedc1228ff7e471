import * as assert from 'node:assert/strict';
import type { ViewGroup, ViewRow, ViewSection } from '../../../src/diff/protocol';
import { buildDiffView, SECRET_TEXT } from '../../../src/diff/viewModel';
import { SECRET, side, weather } from './fixtures';

function section(sections: ViewSection[], id: ViewSection['id']): ViewSection {
  const found = sections.find((s) => s.id === id);
  assert.ok(found, `no section ${id}`);
  return found;
}

function group(s: ViewSection, title: string): ViewGroup {
  const found = s.groups.find((g) => g.title === title);
  assert.ok(found, `no group ${title} in ${s.groups.map((g) => g.title).join(', ')}`);
  return found;
}

function row(g: ViewGroup, path: string): ViewRow {
  const found = g.rows.find((r) => r.path === path);
  assert.ok(found, `no row ${path}`);
  return found;
}

const PKG = 'packages[npm @acme/weather]';

describe('diff view model', () => {
  it('titles the panel "name: A ↔ B" and marks a workspace side', () => {
    const view = buildDiffView(side(weather('1.0.0')), side(weather('1.1.0'), { origin: 'Workspace', location: 'server.json' }));
    assert.equal(view.title, 'io.github.acme/weather: 1.0.0 ↔ 1.1.0 (workspace)');
    assert.equal(view.left.version, '1.0.0');
    assert.equal(view.right.origin, 'Workspace');
  });

  it('always lists the four sections in order, even when one has nothing in either version (provenance only when recorded)', () => {
    const view = buildDiffView(side(weather('1.0.0', { remotes: undefined })), side(weather('1.0.1', { remotes: undefined })));
    assert.deepEqual(view.sections.map((s) => s.id), ['identity', 'packages', 'remotes', 'publisherMeta']);
    assert.deepEqual(section(view.sections, 'remotes').groups, []);
  });

  it('shows our provenance record in its own section, by its own field names, with no impact', () => {
    const meta = (commit: string) => ({ _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { 'dev.mcp-versions/provenance': { tool: 'mcp-versions', commit } } } });
    const view = buildDiffView(side(weather('1.0.0', meta('aaa'))), side(weather('1.0.1', meta('bbb'))));
    const provenance = section(view.sections, 'provenance');
    assert.equal(provenance.title, 'Provenance (recorded by MCP Versions at publish)');
    const commit = provenance.groups[0].rows.find((r) => r.field === 'commit');
    assert.deepEqual([commit?.kind, commit?.before?.text, commit?.after?.text, commit?.impact], ['changed', 'aaa', 'bbb', undefined]);
    assert.equal(section(view.sections, 'publisherMeta').changed, 0);
  });

  it('groups a package’s changes under the package, fields first, then arguments, then environment variables', () => {
    const before = weather('1.0.0');
    const after = weather('1.0.1');
    const pkg = (after.packages as Record<string, unknown>[])[0];
    pkg.environmentVariables = [{ name: 'API_KEY', isRequired: true, isSecret: true, default: SECRET }, { name: 'REGION', default: 'us' }];
    pkg.packageArguments = [{ type: 'named', name: '--port', default: '8080' }];
    const view = buildDiffView(side(before), side(after));
    const packages = section(view.sections, 'packages');
    assert.equal(packages.groups.length, 1);
    const npm = group(packages, 'npm @acme/weather');
    assert.equal(npm.ownerKind, 'package');
    assert.equal(npm.state, 'changed');
    const order = [...new Set(npm.rows.map((r) => r.category))];
    assert.deepEqual(order, ['field', 'transport', 'packageArgument', 'environmentVariable']);
    const region = row(npm, `${PKG}.environmentVariables[REGION].default`);
    assert.equal(region.itemName, 'REGION');
    assert.equal(region.field, 'default');
    assert.equal(region.kind, 'changed');
    assert.deepEqual([region.before?.text, region.after?.text], ['eu', 'us']);
    assert.equal(row(npm, `${PKG}.packageArguments[--port].default`).after?.text, '8080');
    assert.equal(npm.changed, npm.rows.filter((r) => r.kind !== 'unchanged').length);
  });

  it('shows a package that only one side has as one added or removed entry with its impact and reason', () => {
    const after = weather('1.1.0');
    (after.packages as unknown[]).push({ registryType: 'oci', identifier: 'ghcr.io/acme/weather:1.1.0', transport: { type: 'stdio' } });
    const view = buildDiffView(side(weather('1.0.0')), side(after));
    const oci = group(section(view.sections, 'packages'), 'oci ghcr.io/acme/weather');
    assert.equal(oci.state, 'added');
    assert.equal(oci.rows.length, 1);
    assert.equal(oci.rows[0].category, 'entity');
    assert.equal(oci.rows[0].impact, 'additive');
    assert.match(oci.rows[0].reason ?? '', /adds the package oci ghcr\.io\/acme\/weather/);
    assert.match(oci.rows[0].after?.text ?? '', /"identifier": "ghcr\.io\/acme\/weather:1\.1\.0"/);
  });

  it('never carries a secret value, changed or not, and marks the rows as secret', () => {
    const after = weather('1.0.1');
    const pkg = (after.packages as Record<string, unknown>[])[0];
    pkg.environmentVariables = [{ name: 'API_KEY', isRequired: true, isSecret: true, default: `${SECRET}-rotated` }, { name: 'REGION', default: 'eu' }];
    const view = buildDiffView(side(weather('1.0.0')), side(after));
    assert.ok(!JSON.stringify(view).includes(SECRET), 'a secret value reached the view model');
    const apiKey = row(group(section(view.sections, 'packages'), 'npm @acme/weather'), `${PKG}.environmentVariables[API_KEY].default`);
    assert.equal(apiKey.secret, true);
    assert.equal(apiKey.kind, 'changed');
    assert.equal(apiKey.before?.text, SECRET_TEXT);
    assert.equal(apiKey.after?.text, SECRET_TEXT);
    const remote = section(view.sections, 'remotes').groups[0];
    assert.ok(remote.rows.some((r) => r.secret && r.category === 'header'), 'the secret header is not marked');
  });

  it('a removed secret-bearing remote is shown without its secret value', () => {
    const view = buildDiffView(side(weather('1.0.0')), side(weather('2.0.0', { remotes: [] })));
    const removed = group(section(view.sections, 'remotes'), 'sse https://acme.example/sse');
    assert.equal(removed.state, 'removed');
    assert.equal(removed.rows[0].impact, 'breaking');
    assert.equal(removed.rows[0].secret, true);
    assert.ok(!JSON.stringify(removed).includes(SECRET));
  });

  it('shows release notes from _meta as text blocks', () => {
    const after = weather('1.0.1', { _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: 'Fixes the forecast\n- rounding' } } });
    const view = buildDiffView(side(weather('1.0.0')), side(after));
    const notes = section(view.sections, 'publisherMeta').groups[0].rows[0];
    assert.equal(notes.notes, true);
    assert.equal(notes.field, 'releaseNotes');
    assert.deepEqual(notes.after, { text: 'Fixes the forecast\n- rounding', block: true });
    assert.deepEqual(notes.before, { text: 'First release', block: true });
  });

  it('puts identity and metadata fields together and counts unchanged ones apart', () => {
    const view = buildDiffView(side(weather('1.0.0')), side(weather('1.0.1', { description: 'Better forecasts' })));
    const identity = section(view.sections, 'identity');
    const fields = identity.groups[0].rows;
    assert.deepEqual(fields.map((r) => r.field).slice(0, 4), ['name', 'version', '$schema', 'description']);
    assert.equal(row(identity.groups[0], 'description').after?.text, 'Better forecasts');
    assert.equal(identity.changed, 2);
    assert.equal(identity.unchanged, 2);
  });

  it('summarises counts and flags a patch that hides a breaking change', () => {
    const after = weather('1.0.1');
    (after.packages as Record<string, unknown>[])[0].environmentVariables = [{ name: 'REGION', default: 'eu' }, { name: 'TOKEN', isRequired: true }];
    const view = buildDiffView(side(weather('1.0.0')), side(after));
    assert.equal(view.summary.actual, 'patch');
    assert.equal(view.summary.implied, 'major');
    assert.equal(view.summary.understated, true);
    assert.ok(view.summary.counts.breaking >= 1);
    assert.match(view.summary.message, /1\.0\.0 → 1\.0\.1/);
  });

  it('a major bump for a breaking change is not flagged', () => {
    const view = buildDiffView(side(weather('1.0.0')), side(weather('2.0.0', { remotes: [] })));
    assert.equal(view.summary.understated, false);
    assert.equal(view.summary.implied, 'major');
    assert.equal(view.summary.actual, 'major');
  });
});
