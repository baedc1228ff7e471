// The sample server's published history in the demo registry: three earlier releases of the workspace's
// server.json (so the tree, Bump and Compare have something real to work with), published once.
import { readFileSync, writeFileSync } from 'node:fs';

/** Earlier versions of the sample server: 1.2.0 had no OCI image, 1.3.x no WEATHER_UNITS. */
export function earlier(current, version) {
  const doc = structuredClone(current);
  doc.version = version;
  for (const pkg of doc.packages ?? []) {
    if (pkg.registryType === 'oci') pkg.identifier = pkg.identifier.replace(/:[^:/]+$/, `:${version}`);
    else pkg.version = version;
    if (pkg.environmentVariables) pkg.environmentVariables = pkg.environmentVariables.filter((v) => v.name !== 'WEATHER_UNITS');
  }
  if (version === '1.2.0') doc.packages = doc.packages.filter((p) => p.registryType !== 'oci');
  doc.description = 'Weather forecasts and historical data for any location.';
  return doc;
}

export async function publishSampleHistory({ registry, RegistryClient, serverJsonPath, log }) {
  const current = JSON.parse(readFileSync(serverJsonPath, 'utf8'));
  const client = new RegistryClient(registry.url);
  const existing = await client.getServerVersions(current.name, { includeDeleted: true }).catch(() => []);
  if (existing.length > 0) return;
  const token = registry.mintToken([{ action: 'publish', resource: `${current.name.split('/')[0]}/*` }]);
  for (const version of ['1.2.0', '1.3.0', '1.3.2']) {
    await client.publish(earlier(current, version), token);
    log(`published ${current.name}@${version}`);
  }
}

const DEMO_AUTHOR = ['-c', 'user.name=Dana Developer', '-c', 'user.email=dana@acme-labs.example'];

/**
 * Makes the demo workspace a git repository of its own (not a folder of this project's checkout), so that
 * provenance and history name the sample server's commits, tags and author: a commit and an annotated tag
 * per published release, then the unpublished 1.4.0 on top.
 */
export function initSampleRepository({ workspace, git, releases = ['1.2.0', '1.3.0', '1.3.2'] }) {
  const run = (...args) => git([...DEMO_AUTHOR, ...args], { cwd: workspace });
  const files = {
    server: readFileSync(`${workspace}/server.json`, 'utf8'),
    packageJson: readFileSync(`${workspace}/package.json`, 'utf8'),
    changelog: readFileSync(`${workspace}/CHANGELOG.md`, 'utf8'),
  };
  const current = JSON.parse(files.server);
  git(['init', '-q', '-b', 'main'], { cwd: workspace });
  run('config', 'user.name', 'Dana Developer');
  run('config', 'user.email', 'dana@acme-labs.example');
  writeFileSync(`${workspace}/.gitignore`, '.vscode/\n');
  for (const version of releases) {
    writeFileSync(`${workspace}/server.json`, `${JSON.stringify(earlier(current, version), null, 2)}\n`);
    writeFileSync(`${workspace}/package.json`, files.packageJson.replace(/"version": "[^"]+"/, `"version": "${version}"`));
    writeFileSync(`${workspace}/CHANGELOG.md`, changelogUpTo(files.changelog, version));
    run('add', '-A');
    run('commit', '-q', '-m', `Release ${version}`);
    run('tag', '-a', `v${version}`, '-m', `Weather MCP server ${version}`);
  }
  writeFileSync(`${workspace}/server.json`, files.server);
  writeFileSync(`${workspace}/package.json`, files.packageJson);
  writeFileSync(`${workspace}/CHANGELOG.md`, files.changelog);
  run('add', '-A');
  run('commit', '-q', '-m', 'Severe-weather alerts and imperial units');
}

/** The changelog as it stood at `version`: its entry and the older ones. */
function changelogUpTo(text, version) {
  const [head, ...entries] = text.split(/^(?=## )/m);
  const at = entries.findIndex((entry) => entry.startsWith(`## ${version}`));
  return head + (at < 0 ? [] : entries.slice(at)).join('');
}
