// The read-only preview documents Start New Version and Set Up CI open before anything is written.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'mcpv-new-version';

/** Shows the proposed server.json beside an existing one (read-only virtual documents). */
export class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  add(text: string, name: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${++this.count}/${name}` });
    this.texts.set(uri.toString(), text);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}
