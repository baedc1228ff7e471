// The target registry of this workspace: the one remembered in workspaceState ("Select Target Registry"),
// else the first entry of `mcpVersions.registries`.
import * as vscode from 'vscode';
import type { UserPrompts } from '../commands/prompts';
import type { RegistryClient } from '../registry';
import { UserCancelledError } from '../commands/registerCommand';
import { normalizeRegistryUrl, readRegistries, type RegistryConfig } from '../registries/config';
import { SETTING } from '../util/settings';

export type RegistrySetting = Pick<RegistryConfig, 'name' | 'url' | 'auth'>;

export interface TargetRegistry {
  readonly name: string;
  readonly url: string;
  readonly client: RegistryClient;
}

const STATE_KEY = 'mcpVersions.targetRegistryUrl';

export class WorkspaceRegistry implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly clients: { get(url: string): RegistryClient },
    private readonly ui: UserPrompts,
  ) {
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING.registries)) this.changed.fire();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
    );
  }

  configured(): RegistrySetting[] {
    return readRegistries().filter((registry) => registry.source === 'settings');
  }

  target(): TargetRegistry | undefined {
    const registries = this.configured();
    const remembered = this.state.get<string>(STATE_KEY);
    const setting = (remembered && registries.find((entry) => entry.url === normalizeRegistryUrl(remembered))) || registries[0];
    return setting ? { name: setting.name, url: setting.url, client: this.clients.get(setting.url) } : undefined;
  }

  async select(): Promise<TargetRegistry | undefined> {
    const registries = this.configured();
    if (registries.length === 0) {
      const open = vscode.l10n.t('Open Settings');
      if ((await this.ui.warning(vscode.l10n.t('No registry is configured in mcpVersions.registries.'), {}, open)) === open) {
        await vscode.commands.executeCommand('workbench.action.openSettings', 'mcpVersions.registries');
      }
      return undefined;
    }
    const current = this.target();
    const picked = await this.ui.pick(
      registries.map((entry) => ({
        label: entry.name,
        description: entry.url,
        detail: entry.url === current?.url ? vscode.l10n.t('current target of this workspace') : undefined,
        iconPath: new vscode.ThemeIcon(entry.url === current?.url ? 'check' : 'server'),
        entry,
      })),
      { title: vscode.l10n.t('Target Registry for This Workspace'), placeHolder: vscode.l10n.t('The registry server.json files are compared with, validated and published to') },
    );
    if (!picked) throw new UserCancelledError();
    await this.state.update(STATE_KEY, picked.entry.url);
    this.changed.fire();
    return this.target();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
