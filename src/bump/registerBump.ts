// Wires "MCP Versions: Bump Version" and exposes a small API for tests and the benchmark.
import * as vscode from 'vscode';
import { registerCommand, type CommandContext } from '../commands/registerCommand';
import type { AppliedBump, PreparedBump } from './applyBump';
import type { BumpOutcome, BumpSuccessAction } from './bumpCommand';
import { bumpPromptsOn, type BumpPrompts } from './prompts';
import type { RegistryClient } from '../registry';
import type { TargetRegistry } from './registryKnowledge';

export const BUMP_COMMAND = 'mcpVersions.bumpVersion';

export interface BumpApi {
  /** Replaces the quick picks and input boxes (integration tests script them); undefined restores vscode.window. */
  setPrompts(prompts: BumpPrompts | undefined): void;
  /** Adds an action the success notification may offer (features above bump use it). */
  addSuccessAction(action: BumpSuccessAction): void;
  /** Non-interactive: computes every edit of bumping `serverJson` to `version` (throws when a file cannot be parsed). */
  prepare(serverJson: vscode.Uri, version: string): Promise<PreparedBump>;
  /** Applies prepared bumps as one workspace edit (no preview when `preview` is false). */
  apply(bumps: readonly PreparedBump[], options: { preview: boolean }): Promise<AppliedBump[] | undefined>;
  undo(applied: AppliedBump): Promise<boolean>;
}

export type { BumpOutcome, BumpPrompts };

/** The part of the workspace feature the bump uses: its target registry ("Select Target Registry"). */
export interface BumpWorkspaceServices {
  readonly registry: { target(): (TargetRegistry & { client: RegistryClient }) | undefined };
}

export function registerBump(context: vscode.ExtensionContext, ctx: CommandContext, workspace: BumpWorkspaceServices): BumpApi {
  let prompts: BumpPrompts | undefined;
  const asked = bumpPromptsOn(ctx.ui);
  const successActions: BumpSuccessAction[] = [];
  const deps = {
    successActions: () => successActions,
    log: ctx.log,
    target: () => workspace.registry.target(),
    ui: ctx.ui,
    prompts: () => prompts ?? asked,
  };
  context.subscriptions.push(registerCommand(ctx, BUMP_COMMAND, async (arg?: unknown) => (await import('./bumpCommand')).runBumpVersion(deps, arg)));
  return {
    addSuccessAction: (action) => {
      successActions.push(action);
    },
    setPrompts: (next) => {
      prompts = next;
    },
    // The bump's code is loaded on first use.
    prepare: async (serverJson, version) => (await import('./applyBump')).prepareBump(serverJson, version),
    apply: async (bumps, options) => (await import('./applyBump')).applyBumps(bumps, options),
    undo: async (applied) => (await import('./applyBump')).undoBump(applied),
  };
}
