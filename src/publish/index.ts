// "Publish Version" (issue 6): the command, its diagnostics, and what tests reach through the API.
import * as vscode from 'vscode';
import { registerCommand, type CommandContext } from '../commands/registerCommand';
import type { RegistryClient } from '../registry';
import type { IdentityProvider } from '../registries/identity';
import type { RegistryStore } from '../store';
import type { WorkspaceServices } from '../workspace';
import { PUBLISH_COMMAND } from './errors';
import type { PublishOptions, PublishOutcome } from './flow';
import type { RegistryIssues } from '../diagnostics/validateOnRegistry';
import type { Prompts } from '../commands/prompts';
import { settings } from '../util/settings';

export { PublishError, PUBLISH_COMMAND, type PublishFailure } from './errors';
export type { PublishOptions, PublishOutcome } from './flow';
export { Prompts, windowPrompts, type UserPrompts } from '../commands/prompts';

const TARGET_STATE_KEY = 'mcpVersions.targetRegistryUrl';

export interface PublishDeps extends CommandContext {
  readonly prompts: Prompts;
  readonly identity: IdentityProvider;
  readonly store: RegistryStore;
  readonly revealVersion: (registryUrl: string, name: string, version: string) => Promise<{ row: { previous?: string } } | undefined>;
  readonly workspace: WorkspaceServices;
  readonly clientFor: (url: string) => RegistryClient;
  /** Where the registry's validation issues go (shared with Validate on Registry). */
  readonly issues: RegistryIssues;
}

/** What integration tests and benchmarks use (the prompts are answered by the test, see UserPrompts). */
export interface PublishApi {
  readonly prompts: Prompts;
  /** The publish flow without the command wrapper: resolves with the outcome, rejects with a PublishError. */
  run(uri: vscode.Uri, options?: PublishOptions): Promise<PublishOutcome>;
  /** The registry issues the last publish attempts left on files. */
  issues(uri: vscode.Uri): readonly vscode.Diagnostic[];
  /** Folder of this extension's log files (the "MCP Versions" channel writes there). */
  readonly logUri: vscode.Uri;
  /** Every global and workspace state entry of the extension (tests check that no token is kept there). */
  storedState(): Record<string, unknown>;
}

export function registerPublish(context: vscode.ExtensionContext, deps: PublishDeps): PublishApi {
  const issues = deps.issues;
  const services = {
    ...deps,
    gitTagEnabled: settings.publishGitTag,
    hasRememberedTarget: () => typeof context.workspaceState.get(TARGET_STATE_KEY) === 'string',
    tool: `mcp-versions ${String(context.extension.packageJSON.version)}`,
  };
  // The publish flow is loaded on first use.
  const publishVersion = async (arg: unknown, options: PublishOptions) => (await import('./flow')).publishVersion(services, arg, options);
  context.subscriptions.push(
    registerCommand(deps, PUBLISH_COMMAND, (arg?: unknown, options?: PublishOptions) => publishVersion(arg, options ?? {})),
  );
  return {
    prompts: deps.prompts,
    run: (uri, options) => publishVersion(uri, options ?? {}),
    issues: (uri) => issues.get(uri),
    logUri: context.logUri,
    storedState: () => {
      const entries: [string, unknown][] = [];
      for (const key of context.globalState.keys()) entries.push([`global:${key}`, context.globalState.get(key)]);
      for (const key of context.workspaceState.keys()) entries.push([`workspace:${key}`, context.workspaceState.get(key)]);
      return Object.fromEntries(entries);
    },
  };
}
