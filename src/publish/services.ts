// What the publish feature needs from the rest of the extension.
import type { CommandContext } from '../commands/registerCommand';
import type { RegistryClient } from '../registry';
import type { IdentityProvider } from '../registries/identity';
import type { RegistryStore } from '../store';
import type { WorkspaceServices } from '../workspace';
import type { RegistryIssues } from '../diagnostics/validateOnRegistry';
import type { UserPrompts } from '../commands/prompts';

export interface PublishServices extends CommandContext {
  readonly prompts: UserPrompts;
  readonly identity: IdentityProvider;
  /** Every registry write goes through it (and reaches every view from there). */
  readonly store: RegistryStore;
  /** Selects the published version in the Registry view; `row.previous` says whether it has a previous version. */
  readonly revealVersion: (registryUrl: string, name: string, version: string) => Promise<{ row: { previous?: string } } | undefined>;
  readonly workspace: WorkspaceServices;
  readonly issues: RegistryIssues;
  readonly clientFor: (url: string) => RegistryClient;
  /** `mcpVersions.publish.gitTag`. */
  readonly gitTagEnabled: () => boolean;
  /** Whether this workspace remembers a target registry ("Select Target Registry"). */
  readonly hasRememberedTarget: () => boolean;
  /** "mcp-versions <version>", recorded in the provenance. */
  readonly tool: string;
}
