// The questions Create server.json, Start New Version and Set Up Publishing in CI ask, behind one small
// interface so integration tests can answer them (api.start.setPrompts); production uses vscode.window.
import * as vscode from 'vscode';

export interface StartPrompts {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** A message with actions; `modal` ones block until answered. Resolves to the action picked. */
  message(severity: 'information' | 'warning', text: string, options: { modal?: boolean; detail?: string }, ...actions: string[]): Thenable<string | undefined>;
  /** A folder chosen in the OS dialog (Start New Version outside the workspace folders). */
  pickFolder(title: string): Thenable<vscode.Uri | undefined>;
}

export const windowStartPrompts: StartPrompts = {
  input: (options) => vscode.window.showInputBox(options),
  pick: (items, options) => vscode.window.showQuickPick(items, options),
  pickMany: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  message: (severity, text, options, ...actions) =>
    severity === 'warning' ? vscode.window.showWarningMessage(text, options, ...actions) : vscode.window.showInformationMessage(text, options, ...actions),
  pickFolder: async (title) => (await vscode.window.showOpenDialog({ title, canSelectFiles: false, canSelectFolders: true, canSelectMany: false }))?.[0],
};
