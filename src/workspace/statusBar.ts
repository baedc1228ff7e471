// The status bar item of the active server.json editor: `$(package) name@version` and its standing.
import * as vscode from 'vscode';
import type { ServerJsonFiles } from './serverJsonFiles';
import type { Standings } from './standings';
import { summarize } from './workspaceTree';

export const REVEAL_COMMAND = 'mcpVersions.workspace.reveal';

export class ServerJsonStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('mcpVersions.serverJson', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly files: ServerJsonFiles, private readonly standings: Standings) {
    this.item.name = vscode.l10n.t('MCP Versions: server.json');
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      files.onDidChange(() => this.update()),
      standings.onDidChange(() => this.update()),
    ];
    this.update();
  }

  /** The item's text while it is shown (for tests), else undefined. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const file = uri && this.files.get(uri);
    if (!file) {
      this.visible = false;
      this.item.hide();
      return;
    }
    const info = this.standings.get(file.uri);
    const summary = summarize(file, info);
    const name = file.local.name ?? 'server.json';
    const head = `$(package) ${name}${summary.version ? `@${summary.version}` : ''}`;
    this.item.text = summary.state === 'problem' ? vscode.l10n.t('{0} $(warning)', head) : `${head} · ${summary.state}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = false;
    tooltip.appendText(summary.state === 'problem' ? summary.description : `${name} ${summary.version ?? ''}: ${summary.state}`);
    tooltip.appendMarkdown(vscode.l10n.t('\n\n$(list-tree) Click to reveal it in This Workspace'));
    this.item.tooltip = tooltip;
    const published = info?.status === 'known' && info.standing.state === 'published';
    this.item.backgroundColor = published ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = { title: vscode.l10n.t('Reveal in This Workspace'), command: REVEAL_COMMAND, arguments: [file.uri] };
    this.item.accessibilityInformation = { label: vscode.l10n.t('MCP server {0} {1}, {2}', name, summary.version ?? '', summary.state) };
    this.visible = true;
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
