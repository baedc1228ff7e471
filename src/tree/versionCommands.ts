// Commands on a version (from its node, or the palette with pickers): copy, install config, raw JSON, compare.
import * as vscode from 'vscode';
import { registerCommand, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { buildInstallConfig, NotInstallableError } from './installConfig';
import type { RegistryTreeProvider } from './provider';
import { rawJsonUri } from './rawJson';
import { versionTarget, type VersionTarget } from './targets';
import { openVersionDiff, type DiffFeature, type VersionRef } from '../diff';

export const COMPARE_SELECTED_KEY = 'mcpVersions.registry.hasCompareSelection';

export function registerVersionCommands(ctx: CommandContext & { diff?: DiffFeature }, provider: RegistryTreeProvider): vscode.Disposable[] {
  let selected: VersionTarget | undefined;
  const target = (arg: unknown, title: string) => versionTarget(ctx.ui, provider, arg, { title });
  return [
    registerCommand(ctx, 'mcpVersions.version.copyNameVersion', async (arg?: unknown) => {
      const { server, row } = await target(arg, vscode.l10n.t('Copy name@version'));
      const text = `${server.name}@${row.version}`;
      await vscode.env.clipboard.writeText(text);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied {0}', text), 3000);
    }),
    registerCommand(ctx, 'mcpVersions.version.copyInstallConfig', async (arg?: unknown) => {
      const { registry, row } = await target(arg, vscode.l10n.t('Copy Install Config (mcp.json)'));
      let snippet;
      try {
        snippet = buildInstallConfig(row.response.server, registry.config.url);
      } catch (error) {
        if (error instanceof NotInstallableError) throw new UserFacingError(error.message);
        throw error;
      }
      await vscode.env.clipboard.writeText(`${JSON.stringify(snippet, null, 2)}\n`);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied the mcp.json entry for {0}@{1}', row.response.server.name, row.version), 3000);
    }),
    registerCommand(ctx, 'mcpVersions.version.openRawJson', async (arg?: unknown) => {
      const { registry, server, row } = await target(arg, vscode.l10n.t('Open Raw JSON'));
      await openJson(rawJsonUri(registry.config.url, server.name, row.version));
    }),
    registerCommand(ctx, 'mcpVersions.version.compareWithPrevious', async (arg?: unknown) => {
      const picked = await versionTarget(ctx.ui, provider, arg, { title: vscode.l10n.t('Compare with Previous'), filter: (row) => row.previous !== undefined });
      if (picked.row.previous === undefined) throw new UserFacingError(vscode.l10n.t('{0}@{1} is its oldest version.', picked.server.name, picked.row.version));
      await compare(ctx, refOf(picked, picked.row.previous), refOf(picked, picked.row.version));
    }),
    registerCommand(ctx, 'mcpVersions.version.selectForCompare', async (arg?: unknown) => {
      selected = await target(arg, vscode.l10n.t('Select for Compare'));
      await vscode.commands.executeCommand('setContext', COMPARE_SELECTED_KEY, true);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Selected {0}@{1} for compare', selected.server.name, selected.row.version), 3000);
    }),
    registerCommand(ctx, 'mcpVersions.version.compareWithSelected', async (arg?: unknown) => {
      if (!selected) throw new UserFacingError(vscode.l10n.t('Select a version for compare first ("Select for Compare").'));
      const other = await target(arg, vscode.l10n.t('Compare with {0}@{1}', selected.server.name, selected.row.version));
      await compare(ctx, refOf(selected, selected.row.version), refOf(other, other.row.version));
    }),
  ];
}

function refOf(target: VersionTarget, version: string): VersionRef {
  return { registryUrl: target.registry.config.url, registryName: target.registry.config.name, serverName: target.server.name, version };
}

/** The semantic diff panel (src/diff). */
async function compare(ctx: { diff?: DiffFeature }, left: VersionRef, right: VersionRef): Promise<void> {
  if (!ctx.diff) throw new Error(vscode.l10n.t('The version diff is not available.'));
  await openVersionDiff({ diff: ctx.diff }, left, right);
}

async function openJson(uri: vscode.Uri): Promise<void> {
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'json') document = await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: true });
}
