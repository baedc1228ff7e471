// Deprecate / Un-deprecate / Delete / Restore a version or all versions of a server, after a modal
// confirmation that names the server, the version, which version will be latest afterwards and the
// environments that run it. A lost answer is settled by looking the version up: the user is told what is true.
import * as vscode from 'vscode';
import { registerCommand, UserCancelledError, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { withRegistryToken } from '../auth/tokens';
import type { Prompts } from '../commands/prompts';
import { officialMeta, publishableNamespaces, RegistryError, type ServerResponse, type ServerStatus } from '../registry';
import type { RegistryClients } from '../registries/clients';
import { settings } from '../util/settings';
import type { RegistryTreeProvider } from './provider';
import { versionOrAllTarget, type ServerTarget } from './targets';
import { alreadyMessage, offersRetry, recoveredMessage, statusConfirmationDetail, statusFailureMessage, type StatusFailureOutcome } from './model/statusChange';
import { StatusWriteError } from '../store';
import { requireTrust } from '../trust';
import { toVersionRows } from './versionRows';

interface StatusAction {
  readonly command: string;
  readonly verb: string;
  readonly done: string;
  readonly to: ServerStatus;
  readonly from: readonly ServerStatus[];
  readonly asksMessage: boolean;
}

const ACTIONS: readonly StatusAction[] = [
  { command: 'mcpVersions.version.deprecate', verb: 'Deprecate', done: 'Deprecated', to: 'deprecated', from: ['active'], asksMessage: true },
  { command: 'mcpVersions.version.undeprecate', verb: 'Un-deprecate', done: 'Un-deprecated', to: 'active', from: ['deprecated'], asksMessage: false },
  { command: 'mcpVersions.version.delete', verb: 'Delete', done: 'Deleted', to: 'deleted', from: ['active', 'deprecated'], asksMessage: true },
  { command: 'mcpVersions.version.restore', verb: 'Restore', done: 'Restored', to: 'active', from: ['deleted'], asksMessage: false },
];

const MAX_MESSAGE = 500;

/** For callers other than menus (other features, tests): skip the message prompt and/or the confirmation. */
export interface StatusCommandOptions {
  /** The status message; when given, no input box is shown ('' for none). */
  statusMessage?: string;
  /** false skips the modal confirmation. */
  confirm?: boolean;
}

export interface StatusOutcome {
  /** The versions as the registry holds them afterwards. */
  readonly rows: readonly ServerResponse[];
  /** The answer was lost, and the look-up found the change made. */
  readonly recovered: boolean;
}

/** A status change that failed, with what the look-up found (tests and callers read `outcome`). */
export class StatusChangeError extends UserFacingError {
  constructor(
    message: string,
    actions: { title: string; run: () => unknown }[],
    readonly outcome: StatusFailureOutcome,
  ) {
    super(message, actions);
  }
}

export type StatusCommandRunner = (command: string, arg?: unknown, options?: StatusCommandOptions) => Promise<StatusOutcome>;

/** Runs a status command without the command wrapper: resolves with the outcome, rejects with a StatusChangeError. */
export function statusCommandRunner(provider: RegistryTreeProvider, clients: RegistryClients, prompts: Prompts): StatusCommandRunner {
  return (command, arg, options) => {
    const action = ACTIONS.find((a) => a.command === command);
    if (!action) throw new Error(`not a status command: ${command}`);
    return changeStatus(provider, clients, prompts, action, arg, options ?? {});
  };
}

export function registerStatusCommands(ctx: CommandContext, provider: RegistryTreeProvider, clients: RegistryClients): vscode.Disposable[] {
  const run = statusCommandRunner(provider, clients, ctx.ui);
  return ACTIONS.map((action) => registerCommand(ctx, action.command, (arg?: unknown, options?: StatusCommandOptions) => run(action.command, arg, options)));
}

async function changeStatus(
  provider: RegistryTreeProvider,
  clients: RegistryClients,
  prompts: Prompts,
  action: StatusAction,
  arg: unknown,
  options: StatusCommandOptions,
): Promise<StatusOutcome> {
  requireTrust(action.verb);
  const target = await versionOrAllTarget(prompts, provider, arg, {
    title: vscode.l10n.t('{0} Version', action.verb),
    includeDeleted: action.to === 'active' || provider.showDeleted,
    filter: (row) => action.from.includes(row.status),
  });
  const { registry, server, row } = target;
  const subject = row ? `${server.name}@${row.version}` : vscode.l10n.t('all versions of {0}', server.name);
  if (!provider.isMine(registry, server.name)) {
    throw new UserFacingError(vscode.l10n.t('You cannot change the status of {0} on {1}: {2}', server.name, registry.config.name, namespacesText(provider, target)));
  }
  let statusMessage: string | undefined;
  if (action.asksMessage) statusMessage = options.statusMessage !== undefined ? options.statusMessage.trim() || undefined : await askMessage(prompts, action, subject);
  // What the store knows when fresh (the view just showed it), else one read.
  const staleMs = settings.staleMs();
  const rows = toVersionRows([...(await registry.state.fetchVersions(server.name, true, undefined, staleMs))]);
  const affected = row ? rows.filter((r) => r.version === row.version) : rows.filter((r) => action.from.includes(r.status));
  if (affected.length === 0) throw new UserFacingError(vscode.l10n.t('{0}: nothing to {1}.', subject, action.verb.toLowerCase()));
  const detail = statusConfirmationDetail({ rows, affected, to: action.to, runningIn: (version) => provider.environmentsRunning(registry.config.url, server.name, version) });
  if (options.confirm !== false) {
    const confirmed = await prompts.warning(`${action.verb} ${subject}?`, { modal: true, detail }, action.verb);
    if (confirmed !== action.verb) throw new UserCancelledError();
  }
  const change = statusMessage ? { status: action.to, statusMessage } : { status: action.to };
  const tokenTarget = { name: registry.config.name, url: registry.config.url, auth: registry.config.auth, client: clients.get(registry.config.url) };
  // Retry acts on the same version (or all versions) with the same message, without asking again.
  const retryArg = row ? { kind: 'version', id: `retry|${server.id}|${row.version}`, server, row } : server;
  const retry = { title: vscode.l10n.t('Retry'), run: () => vscode.commands.executeCommand(action.command, retryArg, { statusMessage: statusMessage ?? '', confirm: false }) };
  const written = await prompts.progress({ title: `${action.verb} ${subject}…` }, async () => {
    try {
      // Through the store: every view shows the registry's answer at once, and the audit trail records it.
      // A lost answer is settled there by looking the version up, never by sending the change again.
      return await registry.state.store.setStatus(registry.config.url, server.name, row?.version, change, (send) => withRegistryToken(tokenTarget, send));
    } catch (error) {
      if (!(error instanceof StatusWriteError)) throw error;
      const cause = error.error;
      const failure = {
        verb: action.verb,
        subject,
        registry: registry.config.name,
        outcome: error.outcome,
        reason: cause instanceof Error ? cause.message : String(cause),
        hint: cause instanceof RegistryError && error.outcome === 'refused' ? cause.hint : undefined,
        current: error.current ? officialMeta(error.current).status : undefined,
        status: cause instanceof RegistryError ? cause.status : undefined,
      };
      throw new StatusChangeError(statusFailureMessage(failure), offersRetry(failure) ? [retry] : [], error.outcome);
    }
  });
  if (written.recovered) void prompts.info(recoveredMessage(action.done, subject, registry.config.name));
  else if (written.already) void prompts.info(alreadyMessage(subject, registry.config.name, action.to));
  else vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0} {1}', action.done, subject), 4000);
  return { rows: written.rows, recovered: written.recovered };
}

async function askMessage(prompts: Prompts, action: StatusAction, subject: string): Promise<string | undefined> {
  const message = await prompts.input({
    title: `${action.verb} ${subject}`,
    prompt: vscode.l10n.t('Status message shown with the {0} version (optional, up to {1} characters)', action.to, MAX_MESSAGE),
    placeHolder: action.to === 'deprecated' ? vscode.l10n.t('e.g. Use 2.x; 1.x gets no fixes') : vscode.l10n.t('e.g. Published by mistake'),
    validateInput: (value) => (value.length > MAX_MESSAGE ? vscode.l10n.t('{0}/{1} characters', value.length, MAX_MESSAGE) : undefined),
  });
  if (message === undefined) throw new UserCancelledError();
  return message.trim() || undefined;
}

function namespacesText(provider: RegistryTreeProvider, target: ServerTarget): string {
  const known = provider.permissionsFor(target.registry);
  if (!known) return vscode.l10n.t('sign in to this registry first (MCP Versions: Sign In…).');
  const namespaces = publishableNamespaces(known);
  return namespaces.length ? vscode.l10n.t('your identity may act on {0}.', namespaces.join(', ')) : vscode.l10n.t('your identity may not act on any namespace.');
}
