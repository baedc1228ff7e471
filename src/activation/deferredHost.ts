// What activation registers so that VS Code finds everything package.json promises, while the features that
// implement it load later (on first use): a stand-in for every contributed command, view, webview panel type
// and scheme. Each stand-in loads the features and hands on to what they registered.
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import type { Contributions } from './model/contributions';

export interface DeferredHost extends ActivationHost, vscode.Disposable {
  /** The command stand-ins step aside (just before the features register the real commands). */
  releaseCommands(): void;
}

/**
 * Registers the stand-ins. `load` starts the features (once; they then take their parts through the host) and
 * resolves when they have.
 */
export function registerDeferredHost(contributions: Contributions, load: () => Promise<unknown>): DeferredHost {
  const disposables: vscode.Disposable[] = [];
  let commandStubs: vscode.Disposable[] = contributions.commands.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await load();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  const providers = new Map<string, DeferredTreeDataProvider<unknown>>();
  const views = new Map<string, vscode.TreeView<unknown>>();
  for (const id of contributions.views) {
    const provider = new DeferredTreeDataProvider<unknown>(load);
    const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
    providers.set(id, provider);
    views.set(id, view);
    disposables.push(view, provider);
  }
  /** One stand-in per id, registered with `register`; each hands on to what the features supply later. */
  const standIns = <T>(ids: readonly string[], register: (id: string, deferred: Deferred<T>) => vscode.Disposable) =>
    new Map(ids.map((id) => {
      const deferred = new Deferred<T>(load);
      disposables.push(register(id, deferred));
      return [id, deferred] as const;
    }));
  const serializers = standIns<vscode.WebviewPanelSerializer>(contributions.webviewPanels, (viewType, serializer) =>
    vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: async (panel, state) => (await serializer.get(viewType)).deserializeWebviewPanel(panel, state),
    }));
  const contents = standIns<vscode.TextDocumentContentProvider>(contributions.schemes, (scheme, content) =>
    vscode.workspace.registerTextDocumentContentProvider(scheme, {
      provideTextDocumentContent: async (uri, token) => (await content.get(scheme)).provideTextDocumentContent(uri, token),
    }));
  const part = <T>(parts: Map<string, T>, kind: string, id: string): T => {
    const found = parts.get(id);
    if (!found) throw new Error(`${kind} ${id} is not in package.json, so activation did not register it`);
    return found;
  };
  return {
    treeView<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.TreeView<T> {
      part(providers, 'view', id).attach(provider as vscode.TreeDataProvider<unknown>);
      return part(views, 'view', id) as vscode.TreeView<T>;
    },
    webviewSerializer(viewType, serializer) {
      return part(serializers, 'webview panel type', viewType).set(serializer);
    },
    contentProvider(scheme, provider) {
      return part(contents, 'scheme', scheme).set(provider);
    },
    releaseCommands() {
      for (const stub of commandStubs) stub.dispose();
      commandStubs = [];
    },
    dispose() {
      for (const d of [...commandStubs, ...disposables]) d.dispose();
    },
  };
}

/** A part the features supply once loaded; asking for it before loads them. */
class Deferred<T> {
  private value: T | undefined;
  constructor(private readonly load: () => Promise<unknown>) {}
  set(value: T): vscode.Disposable {
    this.value = value;
    return new vscode.Disposable(() => {
      if (this.value === value) this.value = undefined;
    });
  }
  async get(name: string): Promise<T> {
    if (this.value === undefined) await this.load();
    if (this.value === undefined) throw new Error(`nothing provides ${name}`);
    return this.value;
  }
}

/** The data of a view whose feature is not loaded yet: the first question loads it, then its provider answers. */
export class DeferredTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private provider: vscode.TreeDataProvider<T> | undefined;
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  private following: vscode.Disposable | undefined;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly load: () => Promise<unknown>) {}

  attach(provider: vscode.TreeDataProvider<T>): void {
    this.following?.dispose();
    this.provider = provider;
    this.following = provider.onDidChangeTreeData?.((change) => this.changed.fire(change));
  }

  async getChildren(element?: T): Promise<T[]> {
    if (!this.provider) await this.load();
    return (await this.provider?.getChildren(element)) ?? [];
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    if (!this.provider) throw new Error('a tree item was asked for before its view had data');
    return this.provider.getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.provider?.getParent?.(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.provider?.resolveTreeItem ? this.provider.resolveTreeItem(item, element, token) : item;
  }

  dispose(): void {
    this.following?.dispose();
    this.changed.dispose();
  }
}
