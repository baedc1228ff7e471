// Wires the first-publish commands: Create server.json, Start New Version from This, Set Up Publishing in CI.
import * as vscode from 'vscode';
import { registerCommand, type CommandContext } from '../commands/registerCommand';
import type { RegistryTreeProvider } from '../tree/provider';
import type { CiOutcome } from './ciSetup';
import type { CreateOutcome, StartDeps } from './createServerJson';
import type { NewVersionOutcome } from './newVersion';
import { PREVIEW_SCHEME, PreviewDocuments } from './previews';
import { startPromptsOn, type StartPrompts } from './prompts';

export const CREATE_SERVER_JSON_COMMAND = 'mcpVersions.createServerJson';
export const START_NEW_VERSION_COMMAND = 'mcpVersions.startNewVersion';
export const SET_UP_CI_COMMAND = 'mcpVersions.setUpCiPublishing';
/** The walkthrough's "Read more" links: the README's section, in the Markdown preview. */
export const OPEN_README_COMMAND = 'mcpVersions.openReadme';

export type { CiOutcome, CreateOutcome, NewVersionOutcome, StartPrompts };

/** After a bump: offers to push the tag when a CI workflow publishes on tags (loaded on first use). */
export async function ciTagAction(serverJson: vscode.Uri, version: string, ctx: CommandContext): ReturnType<typeof import('./ciSetup').ciTagAction> {
  return (await import('./ciSetup')).ciTagAction(serverJson, version, ctx);
}

export interface StartApi {
  /** Replaces the questions these commands ask (integration tests script them); undefined restores vscode.window. */
  setPrompts(prompts: StartPrompts | undefined): void;
  createServerJson(folder?: vscode.Uri): Promise<CreateOutcome>;
  startNewVersion(versionNode?: unknown): Promise<NewVersionOutcome>;
  setUpCiPublishing(serverJson?: vscode.Uri): Promise<CiOutcome>;
}

export function registerStart(context: vscode.ExtensionContext, ctx: CommandContext & { tree: { provider: RegistryTreeProvider } }): StartApi {
  let prompts: StartPrompts | undefined;
  const asked = startPromptsOn(ctx.ui);
  const deps: StartDeps = { log: ctx.log, ui: ctx.ui, prompts: () => prompts ?? asked };
  const previews = new PreviewDocuments();
  const api: StartApi = {
    setPrompts: (next) => {
      prompts = next;
    },
    // Each command's code (and the project detection behind Create server.json) is loaded on first use.
    createServerJson: async (folder) => (await import('./createServerJson')).runCreateServerJson(deps, folder),
    startNewVersion: async (node) => (await import('./newVersion')).runStartNewVersion(deps, ctx.tree.provider, previews, node),
    setUpCiPublishing: async (serverJson) => (await import('./ciSetup')).runSetUpCiPublishing(deps, previews, serverJson),
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    registerCommand(ctx, CREATE_SERVER_JSON_COMMAND, (arg?: unknown) => api.createServerJson(arg instanceof vscode.Uri ? arg : undefined)),
    registerCommand(ctx, START_NEW_VERSION_COMMAND, (arg?: unknown) => api.startNewVersion(arg)),
    registerCommand(ctx, OPEN_README_COMMAND, (section?: unknown) => {
      const readme = vscode.Uri.joinPath(context.extensionUri, 'README.md');
      const fragment = typeof section === 'string' && /^[a-z0-9-]{1,80}$/.test(section) ? section : '';
      return vscode.commands.executeCommand('markdown.showPreview', readme.with({ fragment }));
    }),
    registerCommand(ctx, SET_UP_CI_COMMAND, (arg?: unknown) => api.setUpCiPublishing(arg instanceof vscode.Uri ? arg : undefined)),
  );
  return api;
}
