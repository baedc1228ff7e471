// Activation registers only what VS Code needs to find (package.json's commands, views, webview panel types,
// schemes) as stand-ins, and the log. The features (src/app.ts, a separate file) load on first use: a view
// asking for its data, a command, a server.json opened, a panel or schema to restore.
import * as vscode from 'vscode';
import { createLog } from './util/log';
import { phases } from './util/phases';
import { registerDeferredHost } from './activation/deferredHost';
import { contributionsOf } from './activation/model/contributions';
import { isServerJson } from './util/serverJsonPath';
import type { McpVersionsApi } from './app';

export type { McpVersionsApi } from './app';

/** What another extension gets from `activate()` in production: the version, nothing else. */
export interface McpVersionsPublicApi {
  readonly extensionVersion: string;
}

/**
 * What the tests get (`ExtensionMode.Test`): the features' internals once started, and what activation spent
 * (the activation benchmark's `activation_breakdown`).
 */
export interface McpVersionsTestApi extends McpVersionsPublicApi {
  readonly activation: Readonly<Record<string, number>>;
  /** Starts the features if they have not started yet; resolves with their internals. */
  features(): Promise<McpVersionsApi>;
}

export function activate(context: vscode.ExtensionContext): McpVersionsPublicApi | McpVersionsTestApi {
  const phase = phases();
  const log = createLog();
  context.subscriptions.push(log);
  phase('log');
  let started: Promise<McpVersionsApi> | undefined;
  const features = () =>
    (started ??= import('./app').then(({ startFeatures }) => {
      host.releaseCommands();
      return { ...startFeatures(context, log, host), activation: phase.ms };
    }).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`MCP Versions could not start: ${message}`);
      // The window's own message: the interaction layer (ctx.ui) is part of what did not start.
      void vscode.window.showErrorMessage(vscode.l10n.t('MCP Versions could not start: {0}', message));
      throw error;
    }));
  const host = registerDeferredHost(contributionsOf(context.extension.packageJSON), features);
  context.subscriptions.push(host);
  phase('stand_ins');
  // Problems in server.json are the features' work from the moment one is open.
  const startFor = (document: vscode.TextDocument) => {
    if (isServerJson(document.uri)) void features().catch(() => undefined);
  };
  vscode.workspace.textDocuments.forEach(startFor);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startFor));
  phase('documents');
  const extensionVersion = context.extension.packageJSON.version as string;
  if (context.extensionMode !== vscode.ExtensionMode.Test) return { extensionVersion };
  return { extensionVersion, activation: phase.ms, features };
}

export function deactivate(): void {}
