// Pre-flight for package ownership, as the official registry checks it at publish: the npm version must
// be public with `mcpName` = server name; the PyPI release's description must contain
// `mcp-name: <server name>`. An unreachable package registry makes the check "skipped", never a failure.
// Pure: no `vscode` import; `fetch` is injectable.

export type OwnershipStatus = 'ok' | 'not-found' | 'missing-marker' | 'skipped';

export interface OwnershipCheck {
  readonly registryType: 'npm' | 'pypi';
  readonly identifier: string;
  readonly version: string;
  readonly status: OwnershipStatus;
  /** One sentence for the user. */
  readonly message: string;
}

export interface PackageRef {
  registryType?: unknown;
  registryBaseUrl?: unknown;
  identifier?: unknown;
  version?: unknown;
}

export type FetchLike = (url: string, init: { signal?: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

const DEFAULT_BASES = { npm: 'https://registry.npmjs.org', pypi: 'https://pypi.org' } as const;

export type PackageRegistryBases = Partial<Record<keyof typeof DEFAULT_BASES, string>>;

export interface OwnershipOptions {
  fetch?: FetchLike;
  /** Replaces the official npm / PyPI addresses. */
  bases?: PackageRegistryBases;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Checks every npm and PyPI package (others are not checked here). */
export async function checkPackageOwnership(serverName: string, packages: readonly PackageRef[], options: OwnershipOptions = {}): Promise<OwnershipCheck[]> {
  const checks = packages
    .filter((p): p is PackageRef & { identifier: string; version: string } => typeof p.identifier === 'string' && typeof p.version === 'string')
    .map((p) => {
      const type = String(p.registryType).toLowerCase();
      if (type !== 'npm' && type !== 'pypi') return undefined;
      const base = options.bases?.[type] ?? DEFAULT_BASES[type];
      return checkOne(type, base.replace(/\/+$/, ''), p.identifier, p.version, serverName, options);
    })
    .filter((check): check is Promise<OwnershipCheck> => check !== undefined);
  return Promise.all(checks);
}

async function checkOne(type: 'npm' | 'pypi', base: string, identifier: string, version: string, serverName: string, options: OwnershipOptions): Promise<OwnershipCheck> {
  const url = type === 'npm'
    ? `${base}/${identifier.startsWith('@') ? `@${encodeURIComponent(identifier.slice(1))}` : encodeURIComponent(identifier)}/${encodeURIComponent(version)}`
    : `${base}/pypi/${encodeURIComponent(identifier)}/${encodeURIComponent(version)}/json`;
  const result = (status: OwnershipStatus, message: string): OwnershipCheck => ({ registryType: type, identifier, version, status, message });
  const where = type === 'npm' ? 'npm' : 'PyPI';
  let response: Response;
  let body: unknown;
  try {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 8000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    response = await (options.fetch ?? globalThis.fetch)(url, { signal, headers: { accept: 'application/json' } });
    if (response.status === 404) return result('not-found', `${identifier}@${version} is not on ${where} (yet): publish the package first — a new release can take a moment to appear.`);
    if (!response.ok) return result('skipped', `${where} answered ${response.status}; ${identifier}@${version} was not checked.`);
    body = await response.json();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return result('skipped', `${where} could not be reached; ${identifier}@${version} was not checked.`);
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (type === 'npm') {
    const mcpName = record.mcpName;
    if (mcpName === serverName) return result('ok', `${identifier}@${version} on npm declares mcpName ${serverName}.`);
    const found = typeof mcpName === 'string' ? `mcpName is "${mcpName}"` : 'its package.json has no mcpName';
    return result('missing-marker', `${identifier}@${version} on npm cannot be verified: ${found}; the registry needs "mcpName": "${serverName}" (exact case).`);
  }
  const info = typeof record.info === 'object' && record.info !== null ? (record.info as Record<string, unknown>) : {};
  const description = typeof info.description === 'string' ? info.description : '';
  if (description.includes(`mcp-name: ${serverName}`)) return result('ok', `${identifier} ${version} on PyPI carries mcp-name: ${serverName}.`);
  return result('missing-marker', `${identifier} ${version} on PyPI cannot be verified: its README needs the line "mcp-name: ${serverName}" (an HTML comment is fine).`);
}

/** Registries known to verify package ownership at publish (the official one and its staging; ENABLE_REGISTRY_VALIDATION defaults on). */
const VERIFYING_HOSTS = new Set(['registry.modelcontextprotocol.io', 'staging.registry.modelcontextprotocol.io']);

export function verifiesOwnership(registryUrl: string): boolean {
  try {
    return VERIFYING_HOSTS.has(new URL(registryUrl).hostname.toLowerCase());
  } catch {
    return false;
  }
}

export interface OwnershipVerdict {
  /** Failed checks the target registry is known to enforce: it would reject the publish. */
  readonly rejects: readonly OwnershipCheck[];
  /** One line per check for the confirmation: what passed, what was skipped, and failures the target may not enforce as warnings. */
  readonly lines: readonly string[];
}

/**
 * What the ownership pre-flight may say about the target registry: a failure is a rejection only where
 * the registry is known to check; elsewhere it is a warning that names the check, and never blocks.
 */
export function ownershipVerdict(registryName: string, registryUrl: string, checks: readonly OwnershipCheck[]): OwnershipVerdict {
  const enforced = verifiesOwnership(registryUrl);
  const failed = checks.filter((c) => c.status === 'not-found' || c.status === 'missing-marker');
  const lines = checks.map((c) => {
    if (c.status === 'ok') return `✓ ${c.message}`;
    if (c.status === 'skipped') return `Skipped: ${c.message}`;
    return enforced ? `✗ ${c.message}` : `⚠ ${c.message} The official registry checks this at publish; ${registryName} may not.`;
  });
  return { rejects: enforced ? failed : [], lines };
}
