// Workspace trust. In Restricted Mode the extension browses registries from the user's settings only,
// read-only: settings a workspace could use against the user (registries, environments, the history file,
// bump.extraFiles, schemaDirectory — package.json's restrictedConfigurations) are read from user settings,
// and nothing that writes to a registry or runs a deploy task starts.
import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';

export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

export function isTrusted(): boolean {
  return vscode.workspace.isTrusted;
}


/** Throws a message with a "Manage Workspace Trust" action when the workspace is not trusted. */
export function requireTrust(action: string): void {
  if (vscode.workspace.isTrusted) return;
  throw new UserFacingError(
    vscode.l10n.t('{0} is not available in Restricted Mode. Trust this workspace to use it; until then MCP Versions only browses the registries in your user settings.', action),
    [{ title: vscode.l10n.t('Manage Workspace Trust'), run: () => vscode.commands.executeCommand(MANAGE_TRUST_COMMAND) }],
  );
}

/** The line the views show at their top in Restricted Mode. */
export function restrictedViewMessage(what: string): string | undefined {
  return vscode.workspace.isTrusted ? undefined : vscode.l10n.t('Restricted Mode: {0}', what);
}

/** Runs `listener` when the user trusts the workspace while the extension runs (settings are read again then). */
export function onDidGrantTrust(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(listener);
}
