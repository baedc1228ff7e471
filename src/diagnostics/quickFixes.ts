// Quick fixes: each problem's `fix` from src/serverJson as a WorkspaceEdit (possibly in package.json).
import * as vscode from 'vscode';
import type { TextEdit } from '../serverJson';
import { DIAGNOSTIC_SOURCE, type ServerJsonDiagnostics } from './serverJsonDiagnostics';

export class ServerJsonQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: ServerJsonDiagnostics) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const fixSet = this.diagnostics.fixSet(document.uri);
    if (!fixSet || fixSet.version !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const stored = fixSet.fixes.find((candidate) =>
        candidate.range.isEqual(diagnostic.range) && candidate.code === codeOf(diagnostic) && candidate.message === diagnostic.message);
      if (!stored) continue;
      const edit = await workspaceEdit(document, stored.fix.file, stored.fix.edits, fixSet.otherFiles);
      if (!edit) continue;
      const action = new vscode.CodeAction(stored.fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = edit;
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The edits as a WorkspaceEdit, or undefined when the other file changed since the fix was computed. */
async function workspaceEdit(document: vscode.TextDocument, file: string | undefined, edits: TextEdit[], otherFiles: Map<string, string>): Promise<vscode.WorkspaceEdit | undefined> {
  let target: vscode.TextDocument = document;
  if (file !== undefined) {
    const expected = otherFiles.get(file);
    target = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
    if (expected === undefined || target.getText() !== expected) return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) {
    const range = new vscode.Range(target.positionAt(change.offset), target.positionAt(change.offset + change.length));
    edit.replace(target.uri, range, change.content);
  }
  return edit;
}
