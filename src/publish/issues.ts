// The registry's validation issues for a publish, as diagnostics on the lines they are about
// (source "MCP Registry", like "Validate on Registry"); dropped once the file changes.
import * as vscode from 'vscode';
import { parseIssuePath, rangeForPath } from '../diagnostics/jsonPaths';
import { LineIndex } from '../diagnostics/lineIndex';
import type { ValidationIssue } from '../registry';

export const REGISTRY_SOURCE = 'MCP Registry';

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class PublishIssues implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mcp-versions-publish');
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length > 0) this.collection.delete(event.document.uri);
  });

  /** Replaces the file's registry issues; returns how many are errors. */
  show(uri: vscode.Uri, text: string, issues: readonly ValidationIssue[]): number {
    const lines = new LineIndex(text);
    const diagnostics = issues.map((issue) => {
      const { start, end } = rangeForPath(text, parseIssuePath(issue.path));
      const from = lines.positionAt(start);
      const to = lines.positionAt(end);
      const message = issue.path ? `${issue.message} (${issue.path})` : issue.message;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(from.line, from.character, to.line, to.character), message, SEVERITIES[issue.severity] ?? vscode.DiagnosticSeverity.Error);
      diagnostic.source = REGISTRY_SOURCE;
      diagnostic.code = issue.reference && /^https:\/\//.test(issue.reference) ? { value: issue.type, target: vscode.Uri.parse(issue.reference) } : issue.type;
      return diagnostic;
    });
    this.collection.set(uri, diagnostics);
    return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
