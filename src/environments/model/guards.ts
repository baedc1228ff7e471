// What must hold before a version goes to an environment, and the words of the confirmation.
import * as l10n from '@vscode/l10n';
import type { EnvironmentConfig } from './config';
import type { DeploymentKind } from './history';
import type { RegistryVersionInfo } from './registryVersions';

export interface GuardInput {
  readonly target: EnvironmentConfig;
  readonly version: string;
  /** The server's versions on the target's registry; undefined when the registry could not be read. */
  readonly registryVersions: readonly RegistryVersionInfo[] | undefined;
  /** True when the version was verified (or is seen) live on `target.requires`. */
  readonly requiredEnvironmentOk: boolean;
}

export interface GuardVerdict {
  /** Reasons the deployment cannot happen at all. */
  readonly blockers: string[];
  /** Needs a yes from the user (e.g. the version is deprecated). */
  readonly warnings: string[];
  /** Set when `requires` is not met: the user must type this environment name to override. */
  readonly override?: { readonly typeToConfirm: string; readonly reason: string };
}

export function checkDeployment(input: GuardInput): GuardVerdict {
  const { target, version, registryVersions } = input;
  const blockers: string[] = [];
  const warnings: string[] = [];
  if (!target.deploy) blockers.push(l10n.t('Environment "{0}" has no deploy command in mcpVersions.environments.', target.name));
  if (!registryVersions) {
    blockers.push(l10n.t('The registry of "{0}" could not be read, so {1} cannot be checked.', target.name, version));
  } else {
    const entry = registryVersions.find((v) => v.version === version);
    if (!entry) blockers.push(l10n.t('{0} is not published for {1} in the registry.', version, target.server));
    else if (entry.status === 'deleted') blockers.push(l10n.t('{0} is deleted in the registry.', version));
    else if (entry.status === 'deprecated') {
      warnings.push(entry.statusMessage
        ? l10n.t('{0} is deprecated in the registry: {1}.', version, entry.statusMessage)
        : l10n.t('{0} is deprecated in the registry.', version));
    }
  }
  const override =
    target.requires && !input.requiredEnvironmentOk
      ? { typeToConfirm: target.name, reason: l10n.t('{0} has not been verified live on {1}, which {2} requires.', version, target.requires, target.name) }
      : undefined;
  return { blockers, warnings, override };
}

/** "Deploy 1.4.0 to production, replacing 1.3.2" (and the promote / roll back forms). */
export function confirmationMessage(kind: DeploymentKind, version: string, target: string, current: string | undefined, source?: string): string {
  switch (kind) {
    case 'promote': {
      const from = source ?? l10n.t('the previous environment');
      if (current === undefined) return l10n.t('Promote {0} from {1} to {2} (its live version is unknown)', version, from, target);
      return current === version
        ? l10n.t('Promote {0} from {1} to {2}, which already runs {3}', version, from, target, current)
        : l10n.t('Promote {0} from {1} to {2}, replacing {3}', version, from, target, current);
    }
    case 'rollback':
      if (current === version) return l10n.t('Roll back {0} to {1}, which its endpoint already reports', target, version);
      return current === undefined ? l10n.t('Roll back {0} to {1}', target, version) : l10n.t('Roll back {0} from {1} to {2}', target, current, version);
    default:
      if (current === undefined) return l10n.t('Deploy {0} to {1} (its live version is unknown)', version, target);
      return current === version ? l10n.t('Deploy {0} to {1}, which already runs {2}', version, target, current) : l10n.t('Deploy {0} to {1}, replacing {2}', version, target, current);
  }
}
