// Commands of the Environments view; each works from its node and from the Command Palette (with pickers).
import * as vscode from 'vscode';
import { registerCommand, UserCancelledError, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { deployCandidates, latestVersion, previousEnvironment, rollbackTarget, type DeploymentRecord, type EnvironmentConfig } from './model';
import { deploy, type DeployServices } from './deploy';
import { endpointOrigin, type HeaderSecrets } from './secrets';
import { ENVIRONMENTS_SETTING } from './settings';
import { requireTrust } from '../trust';

export { COMMANDS } from './commandIds';
import { COMMANDS } from './commandIds';

/** What a command may receive: our environment node, or the registry tree's version node. */
type EnvironmentArg = { type?: string; name?: string } | undefined;
type VersionArg = { serverName?: unknown; version?: unknown; server?: { name?: unknown }; row?: { version?: unknown } } | undefined;

/** `{ serverName, version }`, or the registry tree's version node (`{ server: { name }, row: { version } }`). */
export function versionTarget(arg: VersionArg): { serverName?: string; version?: string } {
  const serverName = typeof arg?.serverName === 'string' ? arg.serverName : typeof arg?.server?.name === 'string' ? arg.server.name : undefined;
  const version = typeof arg?.version === 'string' ? arg.version : typeof arg?.row?.version === 'string' ? arg.row.version : undefined;
  return { serverName, version };
}

export function registerEnvironmentCommands(ctx: CommandContext, services: DeployServices, secrets: HeaderSecrets): vscode.Disposable[] {
  const { store, prompts } = services;

  const environments = (): EnvironmentConfig[] => store.list().map((s) => s.config);

  async function pickEnvironment(arg: EnvironmentArg, title: string, filter: (env: EnvironmentConfig) => boolean = () => true): Promise<EnvironmentConfig> {
    if (arg?.name) {
      const env = store.get(arg.name)?.config;
      if (!env) throw new UserFacingError(vscode.l10n.t('There is no environment named "{0}" in {1}.', arg.name, ENVIRONMENTS_SETTING));
      return env;
    }
    const candidates = environments().filter(filter);
    if (candidates.length === 0) throw new UserFacingError(vscode.l10n.t('No environment in {0} fits.', ENVIRONMENTS_SETTING), [{ title: vscode.l10n.t('Configure Environments'), run: () => vscode.commands.executeCommand(COMMANDS.configure) }]);
    const picked = await prompts().pick(
      candidates.map((env) => ({ label: env.name, description: `${store.liveVersion(env.name) ?? vscode.l10n.t('version unknown')} · ${env.server}`, value: env })),
      { title, placeHolder: vscode.l10n.t('Environment') },
    );
    if (!picked) throw new UserCancelledError();
    return picked;
  }

  return [
    registerCommand(ctx, COMMANDS.refresh, () => store.refreshAll({ freshRegistry: true })),

    registerCommand(ctx, COMMANDS.deployVersion, async (arg: EnvironmentArg, versionArg?: string): Promise<DeploymentRecord> => {
      requireTrust(vscode.l10n.t('Deploy'));
      const env = await pickEnvironment(arg, vscode.l10n.t('Deploy Version…'), (e) => !!e.deploy);
      const version = versionArg ?? (await pickVersion(services, env));
      return deploy(services, { environment: env, version, kind: 'deploy' });
    }),

    registerCommand(ctx, COMMANDS.deployToEnvironment, async (arg: VersionArg, environmentName?: string): Promise<DeploymentRecord> => {
      requireTrust(vscode.l10n.t('Deploy'));
      const { serverName, version: versionText } = versionTarget(arg);
      const env = await pickEnvironment(environmentName ? { name: environmentName } : undefined, versionText ? vscode.l10n.t('Deploy {0} to…', versionText) : vscode.l10n.t('Deploy to Environment…'), (e) => !!e.deploy && (!serverName || e.server === serverName));
      if (serverName && env.server !== serverName) throw new UserFacingError(vscode.l10n.t('{0} runs {1}, not {2}.', env.name, env.server, serverName));
      const version = versionText ?? (await pickVersion(services, env));
      return deploy(services, { environment: env, version, kind: 'deploy' });
    }),

    registerCommand(ctx, COMMANDS.promote, async (arg: EnvironmentArg): Promise<DeploymentRecord> => {
      requireTrust(vscode.l10n.t('Promote'));
      const all = environments();
      const env = await pickEnvironment(arg, vscode.l10n.t('Promote to…'), (e) => !!e.deploy && previousEnvironment(all, e.name) !== undefined);
      const source = previousEnvironment(all, env.name);
      if (!source) throw new UserFacingError(vscode.l10n.t('{0} is the first environment; there is nothing to promote from.', env.name));
      await store.refresh(source.name);
      const version = store.get(source.name)?.probe?.ok ? store.liveVersion(source.name) : undefined;
      if (!version) throw new UserFacingError(vscode.l10n.t('The version live on {0} is unknown: its endpoint cannot be reached.', source.name));
      return deploy(services, { environment: env, version, kind: 'promote', source: source.name });
    }),

    registerCommand(ctx, COMMANDS.rollBack, async (arg: EnvironmentArg): Promise<DeploymentRecord> => {
      requireTrust(vscode.l10n.t('Roll Back'));
      const env = await pickEnvironment(arg, vscode.l10n.t('Roll Back…'), (e) => !!e.deploy && rollbackTarget(services.history.all(), e.name) !== undefined);
      const target = rollbackTarget(services.history.all(), env.name);
      if (!target) throw new UserFacingError(vscode.l10n.t('The history of {0} has no earlier version to roll back to.', env.name));
      return deploy(services, { environment: env, version: target, kind: 'rollback' });
    }),

    registerCommand(ctx, COMMANDS.setHeaderSecret, async (arg: EnvironmentArg, headerArg?: string, valueArg?: string) => {
      const env = await pickEnvironment(arg, vscode.l10n.t('Set Header Secret…'), (e) => e.headers.some((h) => h.secret));
      const secretHeaders = env.headers.filter((h) => h.secret);
      if (secretHeaders.length === 0) throw new UserFacingError(vscode.l10n.t('{0} has no header marked "secret": true in {1}.', env.name, ENVIRONMENTS_SETTING));
      const header =
        headerArg ??
        (secretHeaders.length === 1
          ? secretHeaders[0].name
          : await prompts().pick(secretHeaders.map((h) => ({ label: h.name, value: h.name })), { title: vscode.l10n.t('Secret header of {0}', env.name) }));
      if (!header) throw new UserCancelledError();
      const value = valueArg ?? (await prompts().input({ title: vscode.l10n.t('{0} for {1}', header, env.name), prompt: vscode.l10n.t('Stored in VS Code Secret Storage, never in settings. Leave empty to remove it.'), password: true }));
      if (value === undefined) throw new UserCancelledError();
      if (value === '') await secrets.delete(env, header);
      else await secrets.set(env, header, value);
      ctx.log.info(`${env.name}: secret header ${header} ${value === '' ? 'removed' : 'updated'} for ${endpointOrigin(env.endpoint)}`);
      await store.refresh(env.name);
    }),

    registerCommand(ctx, COMMANDS.configure, () => vscode.commands.executeCommand('workbench.action.openWorkspaceSettings', { query: ENVIRONMENTS_SETTING })),
  ];
}

async function pickVersion(services: DeployServices, env: EnvironmentConfig): Promise<string> {
  const registry = await services.registry.versionsFor(env, true);
  if (!registry.versions) throw new UserFacingError(vscode.l10n.t('Could not read the versions of {0} from {1}: {2}', env.server, registry.name, registry.error ?? 'unknown error'));
  if (registry.versions.length === 0) throw new UserFacingError(vscode.l10n.t('{0} has no published version in {1}.', env.server, registry.name));
  const latest = latestVersion(registry.versions);
  const running = new Map<string, string[]>();
  for (const status of services.store.list()) {
    const live = status.probe?.ok ? status.probe.version : undefined;
    if (live && status.config.server === env.server) running.set(live, [...(running.get(live) ?? []), status.config.name]);
  }
  const picked = await services.prompts().pick(
    deployCandidates(registry.versions).map((v) => ({
      label: v.version,
      description: [v.version === latest?.version ? 'latest' : '', v.status !== 'active' ? v.status : '', running.has(v.version) ? vscode.l10n.t('live on {0}', running.get(v.version)!.join(', ')) : '']
        .filter(Boolean)
        .join(' · '),
      detail: v.statusMessage,
      value: v.version,
    })),
    { title: vscode.l10n.t('Deploy {0} to {1}', env.server, env.name), placeHolder: vscode.l10n.t('Version (published, non-deleted first)') },
  );
  if (!picked) throw new UserCancelledError();
  return picked;
}
