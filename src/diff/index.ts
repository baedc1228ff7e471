// The version diff feature: a webview panel comparing two versions by meaning (issue 7).
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import type { WorkspaceServices } from '../workspace';
import type { CommandContext } from '../commands/registerCommand';
import type { RegistryClient } from '../registry';
import type { RegistryStore } from '../store';
import { CompareCommands } from './commands';
import { JSON_DIFF_SCHEME, JsonDiffDocuments } from './jsonDocuments';
import { DIFF_VIEW_TYPE, type DiffPanel } from './panel';
import { DiffPanels } from './panels';
import type { VersionRef } from './protocol';
import { DiffSources } from './sources';

export type { VersionRef, PanelState, DiffView } from './protocol';
export type { DiffPanel } from './panel';
export { DIFF_VIEW_TYPE } from './panel';
export { COMPARE_COMMANDS, refFromNode } from './commands';

export interface DiffServices extends CommandContext {
  /** The extension's one client per registry URL. */
  clients: { get(url: string): RegistryClient };
  /** The registry data store: published sides come from it, and open panels follow its writes. */
  store: RegistryStore;
  /** The workspace feature: target registry and server.json resolution for "Compare with Published". */
  workspace: Pick<WorkspaceServices, 'registry' | 'resolveServerJson'>;
  /** Where the panel serializer registered at activation is. */
  host: ActivationHost;
}

export interface DiffFeature {
  /** Opens (or reveals and refreshes) the panel comparing `left` (before) with `right` (after). */
  open(left: VersionRef, right: VersionRef): Promise<DiffPanel>;
  /** The open diff panels. */
  panels(): DiffPanel[];
  /** Fires when a panel's webview has painted (the first paint after opening, swapping, reloading). */
  readonly onDidRender: vscode.Event<{ panel: DiffPanel; rows: number }>;
  /** What the serializer does after a reload, on a fresh panel: for tests. */
  restore(state: unknown): DiffPanel | undefined;
}

export function registerDiff(context: vscode.ExtensionContext, services: DiffServices): DiffFeature {
  const clients = services.clients;
  const clientFor = (url: string) => clients.get(url);
  const sources = new DiffSources(services.store);
  const documents = new JsonDiffDocuments();
  const panels = new DiffPanels({ extensionUri: context.extensionUri, sources, documents, log: services.log, ui: services.ui });
  const open = (left: VersionRef, right: VersionRef) => panels.show(left, right);
  const commands = new CompareCommands({ ctx: services, sources, clientFor, workspace: services.workspace, open });
  context.subscriptions.push(
    documents,
    panels,
    vscode.workspace.registerTextDocumentContentProvider(JSON_DIFF_SCHEME, documents),
    services.host.webviewSerializer(DIFF_VIEW_TYPE, panels),
    ...commands.register(),
  );
  return {
    open,
    panels: () => panels.all(),
    onDidRender: panels.onDidRender,
    restore: (state: unknown) => {
      const panel = vscode.window.createWebviewPanel(DIFF_VIEW_TYPE, vscode.l10n.t('MCP Versions: restoring comparison'), vscode.ViewColumn.Active, { enableScripts: true });
      const restored = panels.restore(panel, state);
      if (!restored) panel.dispose();
      return restored;
    },
  };
}

/** Opens the semantic diff of two versions (a published version or a local server.json on each side). */
export function openVersionDiff(services: { readonly diff: DiffFeature }, left: VersionRef, right: VersionRef): Promise<DiffPanel> {
  return services.diff.open(left, right);
}
