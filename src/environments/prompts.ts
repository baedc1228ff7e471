// The questions a deployment asks. Production uses vscode.window; integration tests substitute answers
// through the API (`api.environments.setPrompts`) because modal dialogs cannot be clicked from a test.
import * as vscode from 'vscode';

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
}

export interface UserPrompts {
  /** A modal confirmation; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Resolves to what the user typed, undefined when dismissed. */
  input(options: { title: string; prompt: string; placeHolder?: string; password?: boolean; validate?: (value: string) => string | undefined }): Promise<string | undefined>;
  pick<T>(items: readonly PickItem<T>[], options: { title: string; placeHolder?: string }): Promise<T | undefined>;
  /** A non-modal notification; resolves to the chosen action. Callers do not wait for it. */
  notify(severity: 'info' | 'error', message: string, actions: readonly string[]): Promise<string | undefined>;
}

export const windowPrompts: UserPrompts = {
  async confirm(message, detail, action) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
  },
  async input(options) {
    return vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      placeHolder: options.placeHolder,
      password: options.password,
      ignoreFocusOut: true,
      validateInput: options.validate,
    });
  },
  async pick(items, options) {
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item })),
      { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true },
    );
    return picked?.item.value;
  },
  async notify(severity, message, actions) {
    return severity === 'error' ? vscode.window.showErrorMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions);
  },
};
