import * as vscode from 'vscode';
import { createLog } from './util/log';
import { registerCoreCommands } from './commands/core';
import { registerPlaceholderViews } from './views/placeholders';

export interface McpVersionsApi {
  readonly extensionVersion: string;
}

export function activate(context: vscode.ExtensionContext): McpVersionsApi {
  const log = createLog();
  context.subscriptions.push(log);
  registerCoreCommands(context, { log });
  registerPlaceholderViews(context);
  log.info(`MCP Versions ${context.extension.packageJSON.version} activated in ${vscode.env.appName}`);
  return { extensionVersion: context.extension.packageJSON.version as string };
}

export function deactivate(): void {}
