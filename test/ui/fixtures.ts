// What the UI tests set up outside VS Code: a local registry with a small published history, a temporary
// workspace holding the sample server's server.json, and plain HTTP reads of what the registry holds.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'jsonc-parser';
import { RegistryClient } from '../../src/registry';
import { startLocalRegistry, type LocalRegistry, type LocalRegistryOptions } from '../../tools/local-registry';
import { repoRoot } from './workbench';

export type ServerDocument = Record<string, unknown> & { name: string; version: string; packages?: Record<string, unknown>[] };

export function startRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  return startLocalRegistry({ sharedDir: resolve(repoRoot, '..', 'shared'), seed: 'none', ...options });
}

/** The sample server's server.json renamed and versioned; only its OCI image, so no npm lookup leaves the machine. */
export function sampleServer(name: string, version: string): ServerDocument {
  const doc = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sample-server/server.json'), 'utf8')) as ServerDocument;
  doc.name = name;
  doc.version = version;
  doc.packages = (doc.packages ?? []).filter((p) => p.registryType === 'oci').map((p) => ({ ...p, identifier: String(p.identifier).replace(/:[^:/]+$/, `:${version}`) }));
  return doc;
}

/** Publishes these versions of the sample server under `name`, as earlier releases would have. */
export async function publishHistory(registry: LocalRegistry, name: string, versions: string[]): Promise<void> {
  const token = registry.mintToken([{ action: 'publish', resource: `${name.split('/')[0]}/*` }]);
  const client = new RegistryClient(registry.url);
  for (const version of versions) await client.publish(sampleServer(name, version), token);
}

export interface Workspace {
  readonly dir: string;
  readonly settingsFile: string;
  registriesSetting(): { name: string; url: string }[];
  remove(): void;
}

/**
 * A git repository in the temp folder with the sample server's files, `server` as its server.json, and
 * `.vscode/settings.json` naming the registries (outside this repository, so provenance is its own commit).
 */
export function createWorkspace(
  server: ServerDocument,
  registries: { name: string; url: string; auth: string }[],
  options: { changelog?: string; settings?: Record<string, unknown> } = {},
): Workspace {
  const parent = mkdtempSync(join(tmpdir(), 'mcpv-ui-'));
  const dir = join(parent, 'acme-weather'); // the window title shows the folder's name
  mkdirSync(dir);
  // Named files only: other test runs leave scratch folders in the fixture.
  for (const file of ['package.json', 'CHANGELOG.md']) copyFileSync(join(repoRoot, 'test/fixtures/sample-server', file), join(dir, file));
  writeFileSync(join(dir, 'server.json'), `${JSON.stringify(server, null, 2)}\n`);
  if (options.changelog) writeFileSync(join(dir, 'CHANGELOG.md'), options.changelog + readFileSync(join(dir, 'CHANGELOG.md'), 'utf8').replace(/^# Changelog\n\n/, ''));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=UI Test', '-c', 'user.email=ui@example.com', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', `Release ${server.version}`);
  const settingsFile = join(dir, '.vscode/settings.json');
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(settingsFile, JSON.stringify({ ...options.settings, 'mcpVersions.registries': registries }, null, 2));
  return {
    dir,
    settingsFile,
    registriesSetting: () => (parse(readFileSync(settingsFile, 'utf8')) as Record<string, { name: string; url: string }[]>)['mcpVersions.registries'],
    remove: () => rmSync(parent, { recursive: true, force: true }),
  };
}

export interface RegistryVersion {
  status: number;
  version?: string;
  official?: { status: string; isLatest: boolean; statusMessage?: string };
}

/** One version as the registry serves it (deleted ones included), read over HTTP like any client. */
export async function registryVersion(registryUrl: string, name: string, version: string): Promise<RegistryVersion> {
  const response = await fetch(`${registryUrl}/v0.1/servers/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}?include_deleted=true`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) return { status: response.status };
  const body = (await response.json()) as { server: { version: string }; _meta: Record<string, RegistryVersion['official']> };
  return { status: response.status, version: body.server.version, official: body._meta['io.modelcontextprotocol.registry/official'] };
}
