import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classifyChangeImpact, diffServerJson } from '../../../src/changes';
import { changed, clone, snakeCase, type Doc } from './fixtures';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const seedFile = path.resolve(repoRoot, '..', 'shared', 'mcp-registry', 'seed-2025-09-21.json');
const servers = JSON.parse(readFileSync(seedFile, 'utf8')) as Doc[];

function packagesOf(doc: Doc): Doc[] {
  return (doc.packages as Doc[] | undefined) ?? [];
}


describe('changes: the 358 real servers of the registry seed', () => {
  it('has the seed data to work on', () => {
    assert.equal(servers.length, 358);
  });

  it('each server diffed with itself, its snake_case twin and its arrays reversed: no change', () => {
    for (const server of servers) {
      assert.deepEqual(changed(diffServerJson(server, clone(server))), [], server.name as string);
      assert.deepEqual(changed(diffServerJson(server, snakeCase(server))), [], `${server.name} (snake_case)`);
      const reversed = clone(server);
      packagesOf(reversed).reverse();
      for (const pkg of packagesOf(reversed)) (pkg.environmentVariables as Doc[] | undefined)?.reverse();
      assert.deepEqual(changed(diffServerJson(server, reversed)), [], `${server.name} (reversed)`);
    }
  });

  it('removing the first environment variable is breaking and names it', () => {
    let tried = 0;
    for (const server of servers) {
      const owner = packagesOf(server).findIndex((pkg) => Array.isArray(pkg.environmentVariables) && pkg.environmentVariables.length > 0);
      if (owner < 0) continue;
      tried += 1;
      const after = clone(server);
      const [removed] = (packagesOf(after)[owner].environmentVariables as Doc[]).splice(0, 1);
      const { bump, reasons } = classifyChangeImpact(server, after);
      assert.equal(bump, 'major', server.name as string);
      assert.ok(reasons[0].includes(`environment variable ${removed.name as string}`), `${server.name}: ${reasons[0]}`);
    }
    assert.ok(tried > 100, `only ${tried} servers with env vars`);
  });

  it('adding an optional environment variable is additive', () => {
    for (const server of servers.filter((entry) => packagesOf(entry).length > 0)) {
      const after = clone(server);
      const pkg = packagesOf(after)[0];
      pkg.environmentVariables = [...((pkg.environmentVariables as Doc[] | undefined) ?? []), { name: 'MCP_VERSIONS_TEST_OPTION', isRequired: false }];
      const diff = diffServerJson(server, after);
      assert.equal(diff.impliedBump, 'minor', server.name as string);
      assert.deepEqual(diff.counts, { breaking: 0, additive: 1, metadata: 0 });
    }
  });

  it('changing the description is metadata only', () => {
    for (const server of servers) {
      const after = { ...clone(server), description: `${String(server.description)} (updated)` };
      const diff = diffServerJson(server, after);
      assert.equal(diff.impliedBump, 'patch', server.name as string);
      assert.deepEqual(diff.counts, { breaking: 0, additive: 0, metadata: 1 });
    }
  });

  it('bumping every package version is a patch', () => {
    for (const server of servers.filter((entry) => packagesOf(entry).length > 0)) {
      const after = clone(server);
      for (const pkg of packagesOf(after)) pkg.version = `${String(pkg.version)}-next`;
      assert.equal(diffServerJson(server, after).impliedBump, 'patch', server.name as string);
    }
  });
});
