// "Open JSON diff": VS Code's own diff editor on two read-only virtual documents (scheme
// `mcp-versions-diff:`) holding each server.json with keys in canonical order and secret values masked.
import * as vscode from 'vscode';
import { canonicalJson } from '../changes/json';
import { maskSecrets } from './secrets';
import type { DiffSide } from './viewModel';

export const JSON_DIFF_SCHEME = 'mcp-versions-diff';
/** Older documents are dropped (their tabs then say so); a session rarely has more open. */
const KEEP_DOCUMENTS = 40;
export class JsonDiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly documents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private next = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.documents.get(uri.toString()) ?? vscode.l10n.t('// This comparison is no longer available: open the JSON diff again from the diff panel.\n');
  }

  /** A URI whose document is the canonical JSON of one side; the path reads well as a tab title. */
  add(side: DiffSide): vscode.Uri {
    const label = `${side.info.serverName}@${side.info.version}${side.info.origin === 'Workspace' ? ' (workspace)' : ''}`;
    const uri = vscode.Uri.from({ scheme: JSON_DIFF_SCHEME, path: `/${label.replace(/[/\\?#]/g, '_')}.json`, query: String(++this.next) });
    this.documents.set(uri.toString(), `${canonicalJson(maskSecrets(side.server))}\n`);
    for (const key of this.documents.keys()) {
      if (this.documents.size <= KEEP_DOCUMENTS) break;
      this.documents.delete(key);
    }
    return uri;
  }

  async open(left: DiffSide, right: DiffSide, title: string): Promise<void> {
    await vscode.commands.executeCommand('vscode.diff', this.add(left), this.add(right), vscode.l10n.t('{0} (JSON)', title), { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
    this.documents.clear();
  }
}
