// What must hold before a version goes to an environment, and the words of the confirmation.
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
  if (!target.deploy) blockers.push(`Environment "${target.name}" has no deploy command in mcpVersions.environments.`);
  if (!registryVersions) {
    blockers.push(`The registry of "${target.name}" could not be read, so ${version} cannot be checked.`);
  } else {
    const entry = registryVersions.find((v) => v.version === version);
    if (!entry) blockers.push(`${version} is not published for ${target.server} in the registry.`);
    else if (entry.status === 'deleted') blockers.push(`${version} is deleted in the registry.`);
    else if (entry.status === 'deprecated') {
      warnings.push(`${version} is deprecated in the registry${entry.statusMessage ? `: ${entry.statusMessage}` : ''}.`);
    }
  }
  const override =
    target.requires && !input.requiredEnvironmentOk
      ? { typeToConfirm: target.name, reason: `${version} has not been verified live on ${target.requires}, which ${target.name} requires.` }
      : undefined;
  return { blockers, warnings, override };
}

/** "Deploy 1.4.0 to production, replacing 1.3.2" (and the promote / roll back forms). */
export function confirmationMessage(kind: DeploymentKind, version: string, target: string, current: string | undefined, source?: string): string {
  const replacing = current === undefined ? ' (its live version is unknown)' : current === version ? `, which already runs ${current}` : `, replacing ${current}`;
  switch (kind) {
    case 'promote':
      return `Promote ${version} from ${source ?? 'the previous environment'} to ${target}${replacing}`;
    case 'rollback':
      if (current === version) return `Roll back ${target} to ${version}, which its endpoint already reports`;
      return current === undefined ? `Roll back ${target} to ${version}` : `Roll back ${target} from ${current} to ${version}`;
    default:
      return `Deploy ${version} to ${target}${replacing}`;
  }
}
