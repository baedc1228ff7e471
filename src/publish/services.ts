// What the publish feature needs from the rest of the extension.
import type { CommandContext } from '../commands/registerCommand';
import type { RegistryClient } from '../registry';
import type { IdentityProvider } from '../registries/identity';
import type { RegistryTreeHandle } from '../tree';
import type { WorkspaceServices } from '../workspace';
import type { RegistryIssues } from '../diagnostics/validateOnRegistry';
import type { UserPrompts } from './prompts';

export interface PublishServices extends CommandContext {
  readonly prompts: UserPrompts;
  readonly identity: IdentityProvider;
  readonly tree: RegistryTreeHandle;
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
