// Whether VS Code's own JSON language service reports a document's problems, so ours need not say the
// same thing on the same line. It validates a `json` document only while an editor tab shows it (its
// diagnostics go when the tab closes), only when its extension is there and `json.validate.enable` is on.
import * as vscode from 'vscode';

const JSON_EXTENSION = 'vscode.json-language-features';

/** The document's JSON syntax errors are VS Code's to report. */
export function jsonServiceReportsSyntax(uri: vscode.Uri): boolean {
  const key = uri.toString();
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key && !candidate.isClosed);
  if (document?.languageId !== 'json') return false;
  if (!vscode.extensions.getExtension(JSON_EXTENSION)) return false;
  if (vscode.workspace.getConfiguration('json', uri).get<boolean>('validate.enable') === false) return false;
  return inTab(key);
}

function inTab(key: string): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

/** The text documents whose tabs opened or closed (VS Code's JSON service starts or stops reporting on them). */
export function onDidChangeShownDocuments(listener: (uris: vscode.Uri[]) => void): vscode.Disposable {
  return vscode.window.tabGroups.onDidChangeTabs((event) => {
    const uris = [...event.opened, ...event.closed].flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri] : []));
    if (uris.length > 0) listener(uris);
  });
}

/** The problems less the JSON syntax errors VS Code's JSON service reports itself (an empty file it does not report). */
export function withoutSyntaxVsCodeReports<P extends { readonly code: string }>(uri: vscode.Uri, text: string, problems: P[]): P[] {
  if (text.trim() === '' || !jsonServiceReportsSyntax(uri)) return problems;
  return problems.filter((problem) => problem.code !== 'json-syntax');
}
