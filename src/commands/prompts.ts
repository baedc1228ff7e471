// Every question sign-in and publish ask the user goes through here, so integration tests can answer
// them (the extension API exposes `publish.prompts.use(fake)`); production uses vscode.window.
import * as vscode from 'vscode';

export interface UserPrompts {
  /** A warning message; `modal` ones block until answered. Returns the action picked. */
  warning(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
  /** A non-modal information message. Returns the action picked (or undefined when dismissed). */
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
}

export const windowPrompts: UserPrompts = {
  warning: (message, options, ...actions) => vscode.window.showWarningMessage(message, options, ...actions),
  info: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  input: (options) => vscode.window.showInputBox(options),
  pick: (items, options) => vscode.window.showQuickPick(items, options),
};

/** The prompts in use; tests swap them with `use(...)` and put the real ones back with `reset()`. */
export class Prompts implements UserPrompts {
  private current: UserPrompts = windowPrompts;

  use(prompts: UserPrompts): void {
    this.current = prompts;
  }

  reset(): void {
    this.current = windowPrompts;
  }

  warning(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined> {
    return this.current.warning(message, options, ...actions);
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    return this.current.info(message, ...actions);
  }

  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return this.current.input(options);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    return this.current.pick(items, options);
  }
}
