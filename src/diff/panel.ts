// One diff panel: fetches both sides in the extension host (tokens and HTTP never reach the webview),
// builds the view model, and answers the webview's buttons.
import * as vscode from 'vscode';
import type { Prompts } from '../commands/prompts';
import { normalizeRegistryUrl } from '../registries/url';
import { diffHtml, webviewOptions } from './html';
import type { JsonDiffDocuments } from './jsonDocuments';
import { summaryMarkdown } from './markdown';
import { isWebviewMessage, isWorkspaceRef, type DiffView, type HostMessage, type PanelState, type WebviewMessage } from './protocol';
import type { DiffSources } from './sources';
import type { DiffSide } from './viewModel';

export const DIFF_VIEW_TYPE = 'mcpVersions.diff';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  sources: DiffSources;
  documents: JsonDiffDocuments;
  log: vscode.LogOutputChannel;
  /** Where the panel tells the user what went wrong. */
  ui: Pick<Prompts, 'error'>;
  /** Told each time the webview has painted a view (or an error). */
  onRendered?: (panel: DiffPanel, rows: number) => void;
}

export class DiffPanel implements vscode.Disposable {
  private sides?: { left: DiffSide; right: DiffSide };
  private current?: DiffView;
  private loading?: Promise<void>;
  private readyForMessages = false;
  /** The last state message, sent again whenever the webview (re)loads: hidden webviews are torn down. */
  private last?: HostMessage;
  private renderWaiters: ((rows: number) => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private state: PanelState,
    private readonly deps: PanelDeps,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'activity-bar.svg');
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      deps.sources.onDidWrite((registryUrl, serverName) => {
        if (this.shows(registryUrl, serverName)) void this.load();
      }),
    );
    panel.webview.html = diffHtml(panel.webview, deps.extensionUri, panel.title);
    void this.load();
  }

  get refs(): PanelState {
    return this.state;
  }

  get view(): DiffView | undefined {
    return this.current;
  }

  /** Whether a side is a published version of this server on this registry. */
  private shows(registryUrl: string, serverName: string): boolean {
    return [this.state.left, this.state.right].some((ref) => !isWorkspaceRef(ref) && normalizeRegistryUrl(ref.registryUrl) === registryUrl && ref.serverName === serverName);
  }

  /** Resolves with the number of rows painted, the next time the webview finishes rendering. */
  whenRendered(): Promise<number> {
    return new Promise((resolve) => this.renderWaiters.push(resolve));
  }

  /** Shows another pair in this panel (or the same pair, fetched again). */
  show(state: PanelState): Promise<void> {
    this.state = state;
    this.sides = undefined;
    return this.load();
  }

  private load(): Promise<void> {
    const run = async () => {
      this.post({ type: 'loading', title: this.panel.title, state: this.state });
      try {
        const [left, right] = await Promise.all([this.deps.sources.load(this.state.left), this.deps.sources.load(this.state.right), loadViewModel()]);
        this.sides = { left, right };
        this.present();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Show Log from the panel's error must find the reason, whether or not it was written for the user.
        this.deps.log.error(`diff: ${this.panel.title}: ${message}`);
        this.panel.title = vscode.l10n.t('MCP Versions: comparison failed');
        this.post({ type: 'error', message, state: this.state });
      }
    };
    this.loading = run();
    return this.loading;
  }

  private present(): void {
    if (!this.sides) return;
    this.current = viewModel!.buildDiffView(this.sides.left, this.sides.right);
    this.panel.title = this.current.title;
    this.post({ type: 'view', view: this.current, state: this.state });
  }

  private post(message: HostMessage): void {
    if (message.type !== 'copied') this.last = message;
    if (this.readyForMessages) void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) return;
    try {
      await this.handle(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`diff: ${message.type}: ${text}`);
      void this.deps.ui.error(text);
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.readyForMessages = true;
        if (this.last) void this.panel.webview.postMessage(this.last);
        return;
      case 'rendered': {
        const waiters = this.renderWaiters;
        this.renderWaiters = [];
        for (const resolve of waiters) resolve(message.rows);
        this.deps.onRendered?.(this, message.rows);
        return;
      }
      case 'swap':
        this.state = { left: this.state.right, right: this.state.left };
        if (this.sides) {
          this.sides = { left: this.sides.right, right: this.sides.left };
          this.present();
        } else await this.load();
        return;
      case 'retry':
        this.deps.sources.clear([this.state.left, this.state.right]);
        await this.load();
        return;
      case 'openJsonDiff':
        await this.loading;
        if (this.sides && this.current) await this.deps.documents.open(this.sides.left, this.sides.right, this.current.title);
        return;
      case 'copyMarkdown':
        await this.loading;
        if (!this.current) return;
        await vscode.env.clipboard.writeText(summaryMarkdown(this.current));
        this.post({ type: 'copied' });
        vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Comparison summary copied as Markdown'), 3000);
        return;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.closed.fire();
    this.closed.dispose();
    this.panel.dispose();
  }
}

/** The diff model (and src/changes behind it), loaded with the first comparison: sides are never present before. */
let viewModel: typeof import('./viewModel') | undefined;
async function loadViewModel(): Promise<void> {
  viewModel ??= await import('./viewModel');
}
