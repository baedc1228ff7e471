// How a local server.json version stands against the versions on the target registry. No `vscode` import.
import { checkVersionString, currentLatest, predictIsLatest, type PublishedVersion } from '../versioning';

export interface RegistryVersionRow extends PublishedVersion {
  readonly version: string;
  readonly status: string;
  readonly publishedAt?: string;
  readonly isLatest?: boolean;
}

export type StandingState =
  /** The registry has no server of that name. */
  | 'unpublished'
  /** The local version is the registry's latest. */
  | 'equal'
  /** Not in the registry and ranks below its latest: publishable, but it would not become latest. */
  | 'behind'
  /** Not in the registry and would become latest: ready to publish. */
  | 'ahead'
  /** The local version exists in the registry (possibly deprecated or deleted) and is not the latest: bump. */
  | 'published'
  /** The registry would refuse the local version string. */
  | 'invalid';

export interface Standing {
  state: StandingState;
  /** The registry's latest version, when it has one. */
  latest?: string;
  /** The registry row with the local version, when there is one. */
  existing?: RegistryVersionRow;
  /** Why the version is refused, for `invalid`. */
  reason?: string;
}

export function standingOf(localVersion: string, rows: readonly RegistryVersionRow[]): Standing {
  const check = checkVersionString(localVersion);
  if (!check.ok) return { state: 'invalid', reason: check.problems[0]?.message ?? 'the registry refuses this version' };
  if (rows.length === 0) return { state: 'unpublished' };
  const latest = currentLatest(rows);
  const latestVersion = latest?.version;
  const existing = rows.find((row) => row.version === localVersion);
  if (existing) {
    return existing === latest ? { state: 'equal', latest: latestVersion, existing } : { state: 'published', latest: latestVersion, existing };
  }
  if (predictIsLatest(rows, { version: localVersion })) return { state: 'ahead', latest: latestVersion };
  return { state: 'behind', latest: latestVersion };
}

/** The state in one or two words for the view's description and the status bar ("ready", "bump due"); details go in explainStanding. */
export function describeStanding(standing: Standing): string {
  switch (standing.state) {
    case 'unpublished':
      return 'unpublished';
    case 'equal':
      return standing.existing?.status === 'deprecated' ? 'deprecated' : 'published';
    case 'behind':
      return 'behind';
    case 'ahead':
      return 'ready';
    case 'published':
      return 'bump due';
    case 'invalid':
      return 'refused';
  }
}

/** A sentence for tooltips: what the state means and what to do next. */
export function explainStanding(standing: Standing, localVersion: string, registryName: string): string {
  switch (standing.state) {
    case 'unpublished':
      return `${registryName} has no server of this name yet: publishing ${localVersion} creates it.`;
    case 'equal':
      return `${localVersion} is the latest version on ${registryName}. Bump the version before publishing again.`;
    case 'behind':
      return `${localVersion} is not on ${registryName} and ranks below its latest ${standing.latest ?? ''}: publishing it would not make it latest.`;
    case 'ahead':
      return `${localVersion} is not on ${registryName} yet and would become latest: ready to publish.`;
    case 'published': {
      const status = standing.existing?.status;
      const how = status === 'deleted' ? 'was published and then deleted' : status === 'deprecated' ? 'is already published (deprecated)' : 'is already published';
      return `${localVersion} ${how} on ${registryName}; a registry never takes the same version twice, so bump the version.`;
    }
    case 'invalid':
      return `${registryName} would refuse the version "${localVersion}": ${standing.reason ?? ''}`;
  }
}

