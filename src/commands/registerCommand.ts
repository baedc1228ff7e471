import * as vscode from 'vscode';
import { showProgress, type Prompts } from './prompts';

export type { ProgressOptions } from './prompts';

export interface CommandContext {
  log: vscode.LogOutputChannel;
  /** Where commands ask the user (quick picks, input boxes, confirmations) and show progress; tests script it. */
  ui: Prompts;
}

export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'UserCancelledError';
  }
}

/** An error whose message is written for the user, with optional follow-up actions. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly actions: { title: string; run: () => unknown }[] = [],
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/**
 * The one wrapper every command goes through: it logs, turns errors into a message the user can act
 * on (with "Show Log"), and treats cancellation as silent.
 */
export function registerCommand<Args extends unknown[]>(
  ctx: CommandContext,
  id: string,
  handler: (...args: Args) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...(args as Args));
    } catch (error) {
      await reportCommandError(ctx, id, error);
      return undefined;
    }
  });
}

export async function reportCommandError(ctx: CommandContext, id: string, error: unknown): Promise<void> {
  if (error instanceof UserCancelledError || error instanceof vscode.CancellationError) {
    ctx.log.info(`${id}: cancelled`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.log.error(`${id}: ${message}`);
  if (error instanceof Error && error.stack && !(error instanceof UserFacingError)) ctx.log.debug(error.stack);
  const actions = error instanceof UserFacingError ? error.actions : [];
  const picked = await ctx.ui.error(message, ...actions.map((a) => a.title), vscode.l10n.t('Show Log'));
  if (picked === vscode.l10n.t('Show Log')) ctx.log.show(true);
  else await actions.find((a) => a.title === picked)?.run();
}

/** Runs `task` with a progress indicator; a cancellable progress maps to a CancellationToken. */
export const withProgress = showProgress;
