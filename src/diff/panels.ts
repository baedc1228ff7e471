// The open diff panels: one per pair (reopening a pair reveals its panel), plus the serializer that
// brings them back after a window reload from the two saved references.
import * as vscode from 'vscode';
import { DIFF_VIEW_TYPE, DiffPanel, type PanelDeps } from './panel';
import { isPanelState, isWorkspaceRef, type PanelState, type VersionRef } from './protocol';

function refKey(ref: VersionRef): string {
  return isWorkspaceRef(ref) ? `file\n${ref.workspaceFile}` : `reg\n${ref.registryUrl}\n${ref.serverName}\n${ref.version}`;
}

function pairKey(state: PanelState): string {
  return `${refKey(state.left)}\n\n${refKey(state.right)}`;
}

function placeholderTitle(state: PanelState): string {
  const name = (ref: VersionRef) => (isWorkspaceRef(ref) ? 'workspace' : ref.version);
  return vscode.l10n.t('Comparing {0} ↔ {1}', name(state.left), name(state.right));
}

export class DiffPanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly open = new Set<DiffPanel>();
  private readonly rendered = new vscode.EventEmitter<{ panel: DiffPanel; rows: number }>();
  /** A panel's webview painted a view (for benchmarks and tests). */
  readonly onDidRender = this.rendered.event;
  private readonly deps: PanelDeps;

  constructor(deps: PanelDeps) {
    this.deps = { ...deps, onRendered: (panel, rows) => this.rendered.fire({ panel, rows }) };
  }

  all(): DiffPanel[] {
    return [...this.open];
  }

  async show(left: VersionRef, right: VersionRef): Promise<DiffPanel> {
    const state: PanelState = { left, right };
    const existing = this.all().find((panel) => pairKey(panel.refs) === pairKey(state));
    if (existing) {
      existing.panel.reveal();
      await existing.show(state);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DIFF_VIEW_TYPE, placeholderTitle(state), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [],
    });
    return this.adopt(panel, state);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPanelState(state)) {
      panel.dispose();
      return;
    }
    this.adopt(panel, { left: state.left, right: state.right });
  }

  /** For the API: the same path the serializer takes, returning the panel. */
  restore(panel: vscode.WebviewPanel, state: unknown): DiffPanel | undefined {
    if (!isPanelState(state)) return undefined;
    return this.adopt(panel, { left: state.left, right: state.right });
  }

  private adopt(webviewPanel: vscode.WebviewPanel, state: PanelState): DiffPanel {
    const panel = new DiffPanel(webviewPanel, state, this.deps);
    this.open.add(panel);
    panel.onDidDispose(() => this.open.delete(panel));
    return panel;
  }

  dispose(): void {
    for (const panel of this.open) panel.dispose();
    this.open.clear();
    this.rendered.dispose();
  }
}
