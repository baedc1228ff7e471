// The one interaction layer: every question a command asks the user (quick picks, input boxes,
// confirmations, messages) and its progress go through a `UserPrompts`, carried in the command context
// (`ctx.ui`). Production uses vscode.window; integration tests answer instead of a person through the
// extension API (`api.ui.use(fake)`; `publish.prompts` is the same object).
import * as vscode from 'vscode';

export interface ProgressOptions {
  title?: string;
  location?: vscode.ProgressLocation | { viewId: string };
  cancellable?: boolean;
}

/** An item of a searched pick; `value` undefined marks a row that cannot be accepted (e.g. "Search failed"). */
export interface SearchItem<T> extends vscode.QuickPickItem {
  readonly value?: T;
}

/** A quick pick whose items come from a search as the user types (a registry's `?search=`). */
export interface SearchPickOptions<T> {
  readonly title: string;
  readonly placeholder: string;
  /** Shown before the user types; when empty, `search('')` fills the list instead. */
  readonly initial: readonly SearchItem<T>[];
  readonly search: (text: string, signal: AbortSignal) => Promise<readonly SearchItem<T>[]>;
  /** The row shown when a search fails. */
  readonly failed: (error: unknown) => SearchItem<T>;
}

export interface UserPrompts {
  /** A warning message; `modal` ones block until answered. Returns the action picked. */
  warning(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined>;
  /** A non-modal information message. Returns the action picked (or undefined when dismissed). */
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  /** A non-modal error message (optional for scripted prompts: the window's is used when a fake leaves it out). */
  error?(message: string, ...actions: string[]): Thenable<string | undefined>;
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** Optional for scripted prompts: the window's is used when a fake leaves it out. */
  pickMany?<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** Optional for scripted prompts: the window's is used when a fake leaves it out. */
  search?<T>(options: SearchPickOptions<T>): Thenable<T | undefined>;
  /** A folder chosen in the OS dialog. Optional for scripted prompts: the window's is used when a fake leaves it out. */
  pickFolder?(title: string): Thenable<vscode.Uri | undefined>;
}

export const windowPrompts: Required<UserPrompts> = {
  warning: (message, options, ...actions) => vscode.window.showWarningMessage(message, options, ...actions),
  info: (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  error: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
  input: (options) => vscode.window.showInputBox(options),
  pick: (items, options) => vscode.window.showQuickPick(items, options),
  pickMany: (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  search: searchPick,
  pickFolder: async (title) => (await vscode.window.showOpenDialog({ title, canSelectFiles: false, canSelectFolders: true, canSelectMany: false }))?.[0],
};

/** The prompts in use; tests swap them with `use(...)` and put the real ones back with `reset()`. */
export class Prompts implements Required<UserPrompts> {
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

  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    return this.current.error ? this.current.error(message, ...actions) : windowPrompts.error(message, ...actions);
  }

  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return this.current.input(options);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    return this.current.pick(items, options);
  }

  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined> {
    return this.current.pickMany ? this.current.pickMany(items, options) : windowPrompts.pickMany(items, options);
  }

  search<T>(options: SearchPickOptions<T>): Thenable<T | undefined> {
    return this.current.search ? this.current.search(options) : windowPrompts.search(options);
  }

  pickFolder(title: string): Thenable<vscode.Uri | undefined> {
    return this.current.pickFolder ? this.current.pickFolder(title) : windowPrompts.pickFolder(title);
  }

  /** Progress is shown, not asked: always the window's. */
  progress<T>(options: ProgressOptions, task: ProgressTask<T>): Thenable<T> {
    return showProgress(options, task);
  }
}

export type ProgressTask<T> = (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<T>;

/** Runs `task` with a progress indicator; a cancellable progress maps to a CancellationToken. */
export function showProgress<T>(options: ProgressOptions, task: ProgressTask<T>): Thenable<T> {
  return vscode.window.withProgress({ location: options.location ?? vscode.ProgressLocation.Notification, title: options.title, cancellable: options.cancellable ?? false }, task);
}

const SEARCH_DEBOUNCE_MS = 250;

/** VS Code's quick pick searched as the user types (debounced; a newer search cancels an older one). */
function searchPick<T>(options: SearchPickOptions<T>): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<SearchItem<T>>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeholder;
  quickPick.matchOnDescription = true;
  quickPick.items = options.initial;
  let timer: NodeJS.Timeout | undefined;
  let controller: AbortController | undefined;
  const search = (text: string) => {
    controller?.abort();
    const current = (controller = new AbortController());
    quickPick.busy = true;
    options
      .search(text, current.signal)
      .then((items) => {
        if (!current.signal.aborted) quickPick.items = items;
      })
      .catch((error: unknown) => {
        if (!current.signal.aborted) quickPick.items = [{ alwaysShow: true, ...options.failed(error) }];
      })
      .finally(() => {
        if (controller === current) quickPick.busy = false;
      });
  };
  if (options.initial.length === 0) search('');
  quickPick.onDidChangeValue((text) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => search(text.trim()), SEARCH_DEBOUNCE_MS);
  });
  return new Promise<T | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      const picked = quickPick.selectedItems[0];
      if (picked?.value === undefined) return;
      resolve(picked.value);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (timer) clearTimeout(timer);
      controller?.abort();
      quickPick.dispose();
      resolve(undefined);
    });
    quickPick.show();
  });
}
