import * as vscode from 'vscode';
import { SETTING, settings } from './settings';

/**
 * Runs `tick` every `mcpVersions.autoRefreshSeconds` while `view` is visible (0 = never), one tick at a time;
 * no timer at all while the view is hidden. Follows the setting by itself.
 */
export class VisibleAutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly tick: () => Promise<unknown>,
  ) {
    this.listeners = [
      view.onDidChangeVisibility(() => this.reschedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING.autoRefreshSeconds)) this.reschedule();
      }),
    ];
    this.reschedule();
  }

  /** Whether a refresh is scheduled: never while the view is hidden. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  private reschedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = settings.autoRefreshSeconds();
    if (!this.view.visible || seconds <= 0) return;
    this.timer = setInterval(() => {
      if (this.running || !this.view.visible) return;
      this.running = true;
      this.tick().finally(() => (this.running = false));
    }, seconds * 1000);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const listener of this.listeners) listener.dispose();
  }
}
