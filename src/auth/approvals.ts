// Which registry origins the user chose to send credentials to: by running Sign In on a registry, or by
// answering the one-time question that names the host and what would be sent. Kept in the extension's
// global state (never in settings, which a workspace could write); Sign Out and Remove Registry forget them.
import * as vscode from 'vscode';
import { UserCancelledError } from '../commands/registerCommand';
import { isLoopbackHost } from '../registry';
import type { AuthMethod, RegistryConfig } from '../registries/config';
import type { UserPrompts } from '../commands/prompts';

const APPROVED_KEY = 'mcpVersions.auth.approvedOrigins';
export const ALLOW_ACTION = 'Allow';

/** `https://host:port` of a URL (the unit of approval), or undefined for something that is not a URL. */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export class OriginApprovals {
  private readonly emitter = new vscode.EventEmitter<string>();
  /** Fires with the origin whose approval changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {}

  isApproved(url: string): boolean {
    const origin = originOf(url);
    return origin !== undefined && this.origins().includes(origin);
  }

  origins(): string[] {
    return this.state.get<string[]>(APPROVED_KEY, []);
  }

  async approve(url: string): Promise<void> {
    const origin = originOf(url);
    if (!origin || this.isApproved(origin)) return;
    await this.state.update(APPROVED_KEY, [...this.origins(), origin]);
    this.emitter.fire(origin);
  }

  async forget(url: string): Promise<void> {
    const origin = originOf(url);
    if (!origin || !this.isApproved(origin)) return;
    await this.state.update(APPROVED_KEY, this.origins().filter((o) => o !== origin));
    this.emitter.fire(origin);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Whether credentials may travel to this URL at all: https, or http to this computer. */
export function isSecureForCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  } catch {
    return false;
  }
}

export function credentialDescription(method: AuthMethod): string {
  switch (method) {
    case 'github':
      return vscode.l10n.t('your GitHub token (scopes read:org, read:user), which the registry exchanges for a registry token');
    case 'dns':
    case 'http':
      return vscode.l10n.t('a proof signed with your domain’s private key (the key itself stays here)');
    case 'bearer':
      return vscode.l10n.t('your bearer token');
    case 'none':
      return vscode.l10n.t('nothing secret');
  }
}

function whereDefined(registry: RegistryConfig): string {
  switch (registry.definedIn) {
    case 'workspace':
      return vscode.l10n.t('It is defined in this workspace’s settings, not by you.');
    case 'gallery':
      return vscode.l10n.t('It comes from chat.mcp.gallery.serviceUrl.');
    default:
      return vscode.l10n.t('It is defined in your settings.');
  }
}

/**
 * Asks once, naming the host and what will be sent, and remembers the answer for the origin. Throws
 * UserCancelledError when the user does not allow it.
 */
export async function askApproval(approvals: OriginApprovals, prompts: UserPrompts, registry: RegistryConfig, method: AuthMethod): Promise<void> {
  if (approvals.isApproved(registry.url)) return;
  const host = new URL(registry.url).host;
  const answer = await prompts.warning(
    vscode.l10n.t('Send your credentials to {0}?', host),
    {
      modal: true,
      detail: vscode.l10n.t(
        '“{0}” ({1}) will receive {2}. {3} Nothing secret goes to {4} until you allow it; Sign Out or Remove Registry revokes this.',
        registry.name,
        registry.url,
        credentialDescription(method),
        whereDefined(registry),
        originOf(registry.url) ?? host,
      ),
    },
    ALLOW_ACTION,
  );
  if (answer !== ALLOW_ACTION) throw new UserCancelledError();
  await approvals.approve(registry.url);
}
