import * as vscode from 'vscode';
import { CommandContext, registerCommand } from './registerCommand';

export function registerCoreCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  context.subscriptions.push(
    registerCommand(ctx, 'mcpVersions.showLog', () => ctx.log.show()),
    registerCommand(ctx, 'mcpVersions.openSettings', () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:mcp-versions.mcp-versions'),
    ),
  );
}
