// Drift: how the version an environment really runs differs from what the registry published and from
// the environment before it.
import * as l10n from '@vscode/l10n';
import { isBehind, latestVersion, type RegistryVersionInfo } from './registryVersions';

export type DriftKind = 'not-published' | 'deleted' | 'deprecated' | 'behind-latest' | 'differs-from-previous';

export interface Drift {
  readonly kind: DriftKind;
  readonly severity: 'error' | 'warning' | 'info';
  /** One short sentence for the node's tooltip and description. */
  readonly message: string;
}

export interface DriftInput {
  /** serverInfo.version reported by the running server. */
  readonly liveVersion: string;
  /** The server's versions in the registry (deleted included); undefined when the registry could not be read. */
  readonly registryVersions: readonly RegistryVersionInfo[] | undefined;
  /** The environment before this one and the version it runs (undefined when unknown or unreachable). */
  readonly previous?: { readonly name: string; readonly liveVersion?: string };
}

export function computeDrift(input: DriftInput): Drift[] {
  const drift: Drift[] = [];
  const { liveVersion, registryVersions, previous } = input;
  if (registryVersions) {
    const entry = registryVersions.find((v) => v.version === liveVersion);
    if (!entry) {
      drift.push({ kind: 'not-published', severity: 'error', message: l10n.t('{0} is not published in the registry', liveVersion) });
    } else if (entry.status === 'deleted') {
      drift.push({ kind: 'deleted', severity: 'error', message: entry.statusMessage ? l10n.t('{0} is deleted in the registry ({1})', liveVersion, entry.statusMessage) : l10n.t('{0} is deleted in the registry', liveVersion) });
    } else if (entry.status === 'deprecated') {
      drift.push({ kind: 'deprecated', severity: 'warning', message: entry.statusMessage ? l10n.t('{0} is deprecated ({1})', liveVersion, entry.statusMessage) : l10n.t('{0} is deprecated', liveVersion) });
    }
    const latest = latestVersion(registryVersions);
    if (latest && latest.version !== liveVersion && isBehind(entry ?? { version: liveVersion }, latest)) {
      drift.push({ kind: 'behind-latest', severity: 'info', message: l10n.t('behind the latest version {0}', latest.version) });
    }
  }
  if (previous?.liveVersion !== undefined && previous.liveVersion !== liveVersion) {
    drift.push({
      kind: 'differs-from-previous',
      severity: 'info',
      message: l10n.t('{0} runs {1}', previous.name, previous.liveVersion),
    });
  }
  return drift;
}
