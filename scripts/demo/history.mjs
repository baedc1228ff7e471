// The sample server's published history in the demo registry: three earlier releases of the workspace's
// server.json (so the tree, Bump and Compare have something real to work with), published once.
import { readFileSync } from 'node:fs';

/** Earlier versions of the sample server: 1.2.0 had no OCI image, 1.3.x no WEATHER_UNITS. */
function earlier(current, version) {
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
