// Versions the diff suites publish to their local registry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, SCHEMA } from './helpers';

export const WEATHER = 'io.github.acme/weather';
export const LABS = 'io.github.acme-labs/weather';
export const XSS_SERVER = 'io.github.acme/xss';
export const SECRET = 'sk-diff-test-never-shown';
export const WORKSPACE_FILE = join(repoRoot, 'test/fixtures/sample-server/server.json');

export function weather(version: string, change: 'base' | 'breaking-patch' | 'minor' = 'base'): Record<string, unknown> {
  const env = [
    { name: 'API_KEY', description: 'Key for the forecast service', isRequired: true, isSecret: true, default: SECRET },
    { name: 'REGION', description: 'Forecast region', default: change === 'base' ? 'eu' : 'us' },
  ];
  const packages: Record<string, unknown>[] = [
    { registryType: 'npm', identifier: '@acme/weather', version, transport: { type: 'stdio' }, environmentVariables: env, packageArguments: [{ type: 'named', name: '--units', default: 'metric' }] },
  ];
  if (change === 'minor') packages.push({ registryType: 'oci', identifier: `ghcr.io/acme/weather:${version}`, transport: { type: 'stdio' } });
  const remotes = change === 'breaking-patch' ? [] : [{ type: 'sse', url: 'https://weather.acme.example/sse', headers: [{ name: 'Authorization', isSecret: true, isRequired: true, value: `Bearer ${SECRET}` }] }];
  return {
    $schema: SCHEMA,
    name: WEATHER,
    description: change === 'base' ? 'Weather forecasts' : 'Weather forecasts and alerts',
    version,
    packages,
    remotes,
    _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: `Release ${version}\n- ${change === 'base' ? 'first release' : 'regional defaults'}` } },
  };
}

/** The workspace's server.json at another version: 1.3.0 lacked the OCI package and the units choices. */
export function labs(version: string): Record<string, unknown> {
  const local = JSON.parse(readFileSync(WORKSPACE_FILE, 'utf8')) as Record<string, unknown>;
  const packages = (local.packages as Record<string, unknown>[]).map((p) => ({ ...p, version: p.version === undefined ? undefined : version }));
  return { ...local, version, packages: version === '1.3.0' ? packages.slice(0, 1) : packages };
}

const XSS_IMG = '<img src=x onerror="window.__mcpvXss=1">';
const XSS_SCRIPT = '</script><script>window.__mcpvXss=2</script>';
export const XSS_TEXT = XSS_IMG;

/** Every string field carries markup or a `javascript:` URL. */
export function xss(version: string): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    name: XSS_SERVER,
    version,
    title: `${XSS_IMG} ${XSS_SCRIPT}`,
    description: `${XSS_IMG} ${XSS_SCRIPT} ${version}`,
    websiteUrl: `javascript:window.__mcpvXss=3//${version}`,
    repository: { url: 'javascript:window.__mcpvXss=4', source: XSS_IMG },
    packages: [
      {
        registryType: 'npm',
        identifier: '@acme/xss',
        version,
        runtimeHint: XSS_IMG,
        transport: { type: 'stdio' },
        environmentVariables: [{ name: `${XSS_IMG}${version}`, description: XSS_SCRIPT, default: `${XSS_IMG}${version}` }],
        packageArguments: [{ type: 'named', name: `--${XSS_IMG}`, default: `javascript:window.__mcpvXss=5//${version}` }],
      },
    ],
    remotes: [{ type: 'streamable-http', url: `https://xss.example/mcp/${version}?q=<script>`, headers: [{ name: `X-${XSS_IMG}`, value: `${XSS_SCRIPT}${version}` }] }],
    _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: `${XSS_IMG}\n${XSS_SCRIPT}\n${version}` } },
  };
}

/** Published through the registry's API. */
export const ALL_DOCUMENTS = [weather('1.0.0'), weather('1.0.1', 'breaking-patch'), weather('1.1.0', 'minor'), labs('1.3.0'), labs('1.4.0')];
/** The registry refuses these (javascript: URLs, markup in names): imported as another registry might serve them. */
export const HOSTILE_DOCUMENTS = [xss('1.0.0'), xss('1.0.1')];
