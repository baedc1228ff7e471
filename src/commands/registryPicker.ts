// The one registry → server → version picker of every palette flow (Registry view commands, Compare),
// asked through the interaction layer so tests can answer it. Cancelling any step throws UserCancelledError.
import * as vscode from 'vscode';
import type { ServerJSON } from '../registry';
import { relativeTime } from '../util/relativeTime';
import type { UserPrompts } from './prompts';
import { UserCancelledError, UserFacingError } from './registerCommand';

/** What a command says when no registry is configured, with the setting one click away. */
export function noRegistryError(): UserFacingError {
  return new UserFacingError(vscode.l10n.t('No MCP registry is configured (setting mcpVersions.registries).'), [
    { title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'mcpVersions.registries') },
  ]);
}

/** One of `registries` (the only one without asking). */
export async function pickRegistry<R>(ui: UserPrompts, registries: readonly R[], describe: (registry: R) => { name: string; url: string }, title: string): Promise<R> {
  if (registries.length === 0) throw noRegistryError();
  if (registries.length === 1) return registries[0];
  const picked = await ui.pick(
    registries.map((registry) => ({ label: describe(registry).name, description: describe(registry).url, iconPath: new vscode.ThemeIcon('server-environment'), registry })),
    { title, placeHolder: vscode.l10n.t('Registry') },
  );
  if (!picked) throw new UserCancelledError();
  return picked.registry;
}

/** What the picker shows of a server (its latest version). */
export type ServerChoice = Pick<ServerJSON, 'name' | 'version' | 'description'>;

export interface ServerSource {
  readonly registryName: string;
  /** The servers already known (shown before the user types); when empty, the registry is searched at once. */
  readonly loaded: readonly ServerChoice[];
  /** The registry's search for the typed text. */
  search(text: string, signal: AbortSignal): Promise<readonly ServerChoice[]>;
}

/** The name of a server of the registry: the loaded ones first, then whatever the registry finds for the typed text. */
export async function pickServer(ui: UserPrompts & Required<Pick<UserPrompts, 'search'>>, source: ServerSource, title: string): Promise<string> {
  const item = (server: ServerChoice) => ({ label: server.name, description: server.version, detail: server.description, value: server.name });
  const name = await ui.search({
    title,
    placeholder: vscode.l10n.t('Server name in {0} (searched as you type)', source.registryName),
    initial: source.loaded.slice(0, 200).map(item),
    search: async (text, signal) => (await source.search(text, signal)).map(item),
    failed: (error) => ({ label: vscode.l10n.t('$(error) Search failed'), detail: error instanceof Error ? error.message : String(error) }),
  });
  if (!name) throw new UserCancelledError();
  return name;
}

export interface VersionChoice<T> {
  readonly version: string;
  readonly isLatest: boolean;
  readonly status: string;
  readonly statusMessage?: string;
  /** The channel this version heads ("beta"), when the caller knows it. */
  readonly channelHead?: string;
  readonly publishedAt?: string;
  readonly value: T;
}

export interface VersionPickOptions<T> {
  readonly title: string;
  /** Whose versions (for the placeholder). */
  readonly serverName: string;
  readonly placeHolder?: string;
  /** A first row above the versions (e.g. "all versions", "the workspace's server.json"). */
  readonly first?: { readonly label: string; readonly value: T; readonly icon?: string; readonly separated?: boolean };
  /** What to say when there is nothing to pick. */
  readonly emptyMessage?: string;
}

/** A version among `choices` (in the order given: the registry's). */
export async function pickVersion<T>(ui: UserPrompts, choices: readonly VersionChoice<T>[], options: VersionPickOptions<T>): Promise<T> {
  type Item = vscode.QuickPickItem & { value?: T; chosen?: true };
  const items: Item[] = choices.map((choice) => ({
    label: choice.version,
    description: [choice.isLatest ? 'latest' : undefined, choice.channelHead, choice.status !== 'active' ? choice.status : undefined, relativeTime(choice.publishedAt)]
      .filter(Boolean)
      .join(' · '),
    detail: choice.statusMessage,
    value: choice.value,
    chosen: true,
  }));
  if (options.first) {
    const { label, value, icon, separated } = options.first;
    items.unshift({ label, value, chosen: true, ...(icon ? { iconPath: new vscode.ThemeIcon(icon) } : {}) }, ...(separated ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }] : []));
  }
  if (items.length === 0) throw new UserFacingError(options.emptyMessage ?? vscode.l10n.t('{0} has no version this command applies to.', options.serverName));
  const picked = await ui.pick(items, { title: options.title, placeHolder: options.placeHolder ?? vscode.l10n.t('Version of {0}', options.serverName), matchOnDescription: true });
  if (!picked?.chosen) throw new UserCancelledError();
  return picked.value as T;
}
