// "Add Registry…" (probe the URL, name it, append it to the user setting) and "Remove Registry".
import * as vscode from 'vscode';
import { registerCommand, UserCancelledError, UserFacingError, withProgress, type CommandContext } from '../commands/registerCommand';
import { RegistryError } from '../registry';
import { abortSignalFor } from '../util/cancellation';
import type { RegistryClients } from './clients';
import { addRegistryToSettings, GALLERY_SETTING, normalizeRegistryUrl, readRegistries, removeRegistryFromSettings, type AuthMethod, type RegistryConfig } from './config';

export interface RegistryCommandTarget {
  readonly config: RegistryConfig;
}

const AUTH_PICKS: { label: string; description: string; auth: AuthMethod }[] = [
  { label: 'GitHub', description: 'io.github.<you>/… namespaces (the official registry)', auth: 'github' },
  { label: 'Anonymous', description: 'local and test registries (/auth/none)', auth: 'none' },
  { label: 'DNS key proof', description: 'your domain’s namespace, via a TXT record', auth: 'dns' },
  { label: 'HTTP key proof', description: 'your domain’s namespace, via /.well-known/mcp-registry-auth', auth: 'http' },
  { label: 'Bearer token', description: 'a token issued by a private registry', auth: 'bearer' },
];

export function registerRegistryCommands(ctx: CommandContext, clients: RegistryClients, forgetRegistry?: (url: string) => Promise<void>): vscode.Disposable[] {
  return [
    registerCommand(ctx, 'mcpVersions.registry.add', async () => {
      const input = await vscode.window.showInputBox({
        title: 'Add MCP Registry (1/3)',
        prompt: 'Base URL of a registry that serves the MCP Registry API (/v0.1 or /v0 is found automatically)',
        placeHolder: 'https://registry.example.com',
        ignoreFocusOut: true,
        validateInput: (value) => (/^https?:\/\/[^\s/]+/i.test(value.trim()) ? undefined : 'Enter an http:// or https:// URL'),
      });
      if (input === undefined) throw new UserCancelledError();
      const url = normalizeRegistryUrl(input);
      const existing = readRegistries().find((r) => r.url === url);
      if (existing) throw new UserFacingError(`${url} is already configured as “${existing.name}”.`);
      const client = clients.probing(url);
      const apiVersion = await withProgress({ title: `Checking ${url}…`, cancellable: true }, async (_progress, token) => {
        try {
          return await client.apiVersion({ signal: abortSignalFor(token) });
        } catch (error) {
          if (token.isCancellationRequested) throw new UserCancelledError();
          const detail = error instanceof RegistryError ? `${error.message}${error.hint ? ` ${error.hint}` : ''}` : String(error);
          throw new UserFacingError(`${url} does not answer like an MCP registry: ${detail}`);
        }
      });
      const host = new URL(url).host;
      const name = await vscode.window.showInputBox({
        title: 'Add MCP Registry (2/3)',
        prompt: `Display name (the registry answers on /${apiVersion})`,
        value: host,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : 'Enter a name'),
      });
      if (name === undefined) throw new UserCancelledError();
      const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
      const picks = local ? [AUTH_PICKS[1], ...AUTH_PICKS.filter((p) => p.auth !== 'none')] : AUTH_PICKS;
      const auth = await vscode.window.showQuickPick(picks, { title: 'Add MCP Registry (3/3)', placeHolder: 'How do you sign in to publish here?', ignoreFocusOut: true });
      if (!auth) throw new UserCancelledError();
      await clients.remember(url, apiVersion);
      await addRegistryToSettings({ name: name.trim(), url, auth: auth.auth });
      vscode.window.setStatusBarMessage(`$(check) Added ${name.trim()}`, 3000);
    }),
    registerCommand(ctx, 'mcpVersions.registry.remove', async (arg?: RegistryCommandTarget) => {
      let config = arg?.config;
      if (!config) {
        const configured = readRegistries();
        if (configured.length === 0) throw new UserFacingError('No registry is configured.');
        const picked = await vscode.window.showQuickPick(
          configured.map((c) => ({ label: c.name, description: c.url, detail: c.source === 'gallery' ? `from ${GALLERY_SETTING}` : undefined, config: c })),
          { title: 'Remove Registry' },
        );
        if (!picked) throw new UserCancelledError();
        config = picked.config;
      }
      if (config.source === 'gallery') throw galleryNotRemovable(config.url);
      const confirmed = await vscode.window.showWarningMessage(
        `Remove the registry “${config.name}”?`,
        { modal: true, detail: `${config.url} is removed from the setting mcpVersions.registries, and the tokens and the permission to send credentials kept for it are forgotten. Nothing changes on the registry.` },
        'Remove',
      );
      if (confirmed !== 'Remove') throw new UserCancelledError();
      if (!(await removeRegistryFromSettings(config.url))) throw new UserFacingError(`${config.url} is not in the setting mcpVersions.registries.`);
      clients.forget(config.url);
      await forgetRegistry?.(config.url);
    }),
  ];
}

/**
 * VS Code registers chat.mcp.gallery.serviceUrl for policies only: the Settings editor does not list it, so
 * the way to change it is the user's settings.json, unless the organization's policy sets it.
 */
function galleryNotRemovable(url: string): UserFacingError {
  const inUserSettings = vscode.workspace.getConfiguration().inspect(GALLERY_SETTING)?.globalValue !== undefined;
  if (!inUserSettings) return new UserFacingError(`${url} is set by your organization’s policy for VS Code’s MCP gallery (${GALLERY_SETTING}); it cannot be removed here.`);
  return new UserFacingError(`${url} comes from ${GALLERY_SETTING} in your user settings.json (VS Code’s MCP gallery); remove it there.`, [
    { title: 'Open User Settings (JSON)', run: () => vscode.commands.executeCommand('workbench.action.openSettingsJson', { revealSetting: { key: GALLERY_SETTING } }) },
  ]);
}
