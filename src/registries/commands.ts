// "Add Registry…" (probe the URL, name it, append it to the user setting) and "Remove Registry".
import * as vscode from 'vscode';
import { registerCommand, UserCancelledError, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { RegistryError } from '../registry';
import { abortSignalFor } from '../util/cancellation';
import type { RegistryClients } from './clients';
import { addRegistryToSettings, GALLERY_SETTING, normalizeRegistryUrl, readRegistries, removeRegistryFromSettings, type AuthMethod, type RegistryConfig } from './config';

export interface RegistryCommandTarget {
  readonly config: RegistryConfig;
}

const AUTH_PICKS: { label: string; description: string; auth: AuthMethod }[] = [
  { label: 'GitHub', description: vscode.l10n.t('io.github.<you>/… namespaces (the official registry)'), auth: 'github' },
  { label: vscode.l10n.t('Anonymous'), description: vscode.l10n.t('local and test registries (/auth/none)'), auth: 'none' },
  { label: vscode.l10n.t('DNS key proof'), description: vscode.l10n.t('your domain’s namespace, via a TXT record'), auth: 'dns' },
  { label: vscode.l10n.t('HTTP key proof'), description: vscode.l10n.t('your domain’s namespace, via /.well-known/mcp-registry-auth'), auth: 'http' },
  { label: vscode.l10n.t('Bearer token'), description: vscode.l10n.t('a token issued by a private registry'), auth: 'bearer' },
];

export function registerRegistryCommands(ctx: CommandContext, clients: RegistryClients, forgetRegistry?: (url: string) => Promise<void>): vscode.Disposable[] {
  return [
    registerCommand(ctx, 'mcpVersions.registry.add', async () => {
      const input = await ctx.ui.input({
        title: vscode.l10n.t('Add MCP Registry (1/3)'),
        prompt: vscode.l10n.t('Base URL of a registry that serves the MCP Registry API (/v0.1 or /v0 is found automatically)'),
        placeHolder: vscode.l10n.t('https://registry.example.com'),
        ignoreFocusOut: true,
        validateInput: (value) => (/^https?:\/\/[^\s/]+/i.test(value.trim()) ? undefined : vscode.l10n.t('Enter an http:// or https:// URL')),
      });
      if (input === undefined) throw new UserCancelledError();
      const url = normalizeRegistryUrl(input);
      const existing = readRegistries().find((r) => r.url === url);
      if (existing) throw new UserFacingError(vscode.l10n.t('{0} is already configured as “{1}”.', url, existing.name));
      const client = clients.probing(url);
      const apiVersion = await ctx.ui.progress({ title: vscode.l10n.t('Checking {0}…', url), cancellable: true }, async (_progress, token) => {
        try {
          return await client.apiVersion({ signal: abortSignalFor(token) });
        } catch (error) {
          if (token.isCancellationRequested) throw new UserCancelledError();
          const detail = error instanceof RegistryError ? `${error.message}${error.hint ? ` ${error.hint}` : ''}` : String(error);
          throw new UserFacingError(vscode.l10n.t('{0} does not answer like an MCP registry: {1}', url, detail));
        }
      });
      const host = new URL(url).host;
      const name = await ctx.ui.input({
        title: vscode.l10n.t('Add MCP Registry (2/3)'),
        prompt: vscode.l10n.t('Display name (the registry answers on /{0})', apiVersion),
        value: host,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter a name')),
      });
      if (name === undefined) throw new UserCancelledError();
      const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
      const picks = local ? [AUTH_PICKS[1], ...AUTH_PICKS.filter((p) => p.auth !== 'none')] : AUTH_PICKS;
      const auth = await ctx.ui.pick(picks, { title: vscode.l10n.t('Add MCP Registry (3/3)'), placeHolder: vscode.l10n.t('How do you sign in to publish here?'), ignoreFocusOut: true });
      if (!auth) throw new UserCancelledError();
      await clients.remember(url, apiVersion);
      await addRegistryToSettings({ name: name.trim(), url, auth: auth.auth });
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Added {0}', name.trim()), 3000);
    }),
    registerCommand(ctx, 'mcpVersions.registry.remove', async (arg?: RegistryCommandTarget) => {
      let config = arg?.config;
      if (!config) {
        const configured = readRegistries();
        if (configured.length === 0) throw new UserFacingError(vscode.l10n.t('No registry is configured.'));
        const picked = await ctx.ui.pick(
          configured.map((c) => ({ label: c.name, description: c.url, detail: c.source === 'gallery' ? vscode.l10n.t('from {0}', GALLERY_SETTING) : undefined, config: c })),
          { title: vscode.l10n.t('Remove Registry') },
        );
        if (!picked) throw new UserCancelledError();
        config = picked.config;
      }
      if (config.source === 'gallery') throw galleryNotRemovable(config.url);
      const confirmed = await ctx.ui.warning(
        vscode.l10n.t('Remove the registry “{0}”?', config.name),
        { modal: true, detail: vscode.l10n.t('{0} is removed from the setting mcpVersions.registries, and the tokens and the permission to send credentials kept for it are forgotten. Nothing changes on the registry.', config.url) },
        'Remove',
      );
      if (confirmed !== 'Remove') throw new UserCancelledError();
      if (!(await removeRegistryFromSettings(config.url))) throw new UserFacingError(vscode.l10n.t('{0} is not in the setting mcpVersions.registries.', config.url));
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
  if (!inUserSettings) return new UserFacingError(vscode.l10n.t('{0} is set by your organization’s policy for VS Code’s MCP gallery ({1}); it cannot be removed here.', url, GALLERY_SETTING));
  return new UserFacingError(vscode.l10n.t('{0} comes from {1} in your user settings.json (VS Code’s MCP gallery); remove it there.', url, GALLERY_SETTING), [
    { title: vscode.l10n.t('Open User Settings (JSON)'), run: () => vscode.commands.executeCommand('workbench.action.openSettingsJson', { revealSetting: { key: GALLERY_SETTING } }) },
  ]);
}
