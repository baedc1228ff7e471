// The compare commands: on a version node (from the tree), on a server.json (workspace view, explorer,
// editor), and from the palette with pickers. Each one ends in openVersionDiff(left, right).
import * as vscode from 'vscode';
import { registerCommand, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { officialMeta } from '../registry';
import { normalizeRegistryUrl } from '../registries/config';
import {
  configuredRegistries,
  orderedVersions,
  pickLocalFile,
  pickRegistry,
  pickServer,
  pickVersion,
  workspaceServerFiles,
} from './pickers';
import type { VersionRef } from './protocol';
import { parseServerJsonText, readServerJsonText, type DiffSources, type ClientFor } from './sources';
import type { WorkspaceServices } from '../workspace';

export type RegistryRef = Exclude<VersionRef, { workspaceFile: string }>;

export interface CompareDeps {
  ctx: CommandContext;
  sources: DiffSources;
  clientFor: ClientFor;
  /** The workspace feature: its target registry ("Select Target Registry") and server.json picker. */
  workspace: Pick<WorkspaceServices, 'registry' | 'resolveServerJson'>;
  open(left: VersionRef, right: VersionRef): Promise<unknown>;
}

export const COMPARE_COMMANDS = {
  compareVersions: 'mcpVersions.compareVersions',
  withLatest: 'mcpVersions.version.compareWithLatest',
  withWorkspace: 'mcpVersions.version.compareWithWorkspace',
  withPublished: 'mcpVersions.workspace.compareWithPublished',
} as const;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * A version's reference from a node: `{ registryUrl, registryName, serverName, version }`, or the
 * Registry tree's version node (`{ kind: 'version', server: { name, registry: { config } }, row }`).
 */
export function refFromNode(node: unknown): RegistryRef | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const record = node as Record<string, unknown>;
  if (record.kind === 'version') {
    const url = text(field(record, 'server', 'registry', 'config', 'url'));
    const serverName = text(field(record, 'server', 'name'));
    const version = text(field(record, 'row', 'version'));
    if (!url || !serverName || !version) return undefined;
    return { registryUrl: normalizeRegistryUrl(url), registryName: text(field(record, 'server', 'registry', 'config', 'name')) ?? url, serverName, version };
  }
  const registryUrl = text(record.registryUrl);
  const serverName = text(record.serverName);
  const version = text(record.version);
  if (!registryUrl || !serverName || !version) return undefined;
  return { registryUrl: normalizeRegistryUrl(registryUrl), registryName: text(record.registryName) ?? registryUrl, serverName, version };
}

/** The URI of a server.json from a node (`uri`/`resourceUri`), a Uri, or the active editor. */
export function uriFromArgument(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument === 'string' && /^[a-z][\w+.-]*:/i.test(argument)) return vscode.Uri.parse(argument, true);
  if (typeof argument === 'object' && argument !== null) {
    const record = argument as Record<string, unknown>;
    for (const key of ['uri', 'resourceUri']) if (record[key] instanceof vscode.Uri) return record[key] as vscode.Uri;
  }
  return undefined;
}

export class CompareCommands {
  constructor(private readonly deps: CompareDeps) {}

  register(): vscode.Disposable[] {
    const { ctx } = this.deps;
    return [
      registerCommand(ctx, COMPARE_COMMANDS.compareVersions, () => this.compareVersions()),
      registerCommand(ctx, COMPARE_COMMANDS.withLatest, (node?: unknown) => this.withLatest(node)),
      registerCommand(ctx, COMPARE_COMMANDS.withWorkspace, (node?: unknown) => this.withWorkspace(node)),
      registerCommand(ctx, COMPARE_COMMANDS.withPublished, (argument?: unknown, version?: unknown) => this.withPublished(argument, version)),
    ];
  }

  private async compareVersions(): Promise<unknown> {
    const title = vscode.l10n.t('Compare Versions');
    const { ui } = this.deps.ctx;
    const registry = await pickRegistry(ui, title);
    const serverName = await pickServer(ui, registry, this.deps.clientFor, vscode.l10n.t('{0}: server', title));
    const versions = await this.deps.sources.versions(registry.url, serverName);
    const base = await pickVersion(ui, versions, { title: vscode.l10n.t('{0}: {1}', title, serverName), placeHolder: vscode.l10n.t('The base version (left side)') });
    const other = await pickVersion(ui, versions, { title: vscode.l10n.t('{0}: {1} {2} ↔ …', title, serverName, base), placeHolder: vscode.l10n.t('The version to compare it with (right side)'), exclude: base });
    const ref = (version: string): RegistryRef => ({ registryUrl: registry.url, registryName: registry.name, serverName, version });
    return this.deps.open(ref(base), ref(other));
  }

  /** The node's version, or (from the palette) one the user picks. */
  private async versionFrom(node: unknown, title: string): Promise<RegistryRef> {
    const ref = refFromNode(node);
    if (ref) return ref;
    const { ui } = this.deps.ctx;
    const registry = await pickRegistry(ui, title);
    const serverName = await pickServer(ui, registry, this.deps.clientFor, vscode.l10n.t('{0}: server', title));
    const versions = await this.deps.sources.versions(registry.url, serverName);
    const version = await pickVersion(ui, versions, { title: vscode.l10n.t('{0}: {1}', title, serverName), placeHolder: vscode.l10n.t('Version') });
    return { registryUrl: registry.url, registryName: registry.name, serverName, version };
  }

  private async withLatest(node: unknown): Promise<unknown> {
    const ref = await this.versionFrom(node, vscode.l10n.t('Compare with Latest'));
    const all = await this.deps.sources.versions(ref.registryUrl, ref.serverName);
    const latest = all.find((response) => officialMeta(response)?.isLatest) ?? orderedVersions(all.filter((r) => officialMeta(r)?.status !== 'deleted'))[0];
    if (!latest) throw new UserFacingError(vscode.l10n.t('{0} has no latest version on {1}.', ref.serverName, ref.registryName));
    if (latest.server.version === ref.version) throw new UserFacingError(vscode.l10n.t('{0} {1} is the latest version.', ref.serverName, ref.version));
    return this.deps.open(ref, { ...ref, version: latest.server.version });
  }

  private async withWorkspace(node: unknown): Promise<unknown> {
    const ref = await this.versionFrom(node, vscode.l10n.t('Compare with Workspace'));
    const files = (await workspaceServerFiles((uri) => this.readJson(uri))).filter((file) => file.name === ref.serverName);
    if (files.length === 0) throw new UserFacingError(vscode.l10n.t('No server.json for {0} in this workspace.', ref.serverName));
    const file = await pickLocalFile(this.deps.ctx.ui, files, vscode.l10n.t('Compare {0} {1} with', ref.serverName, ref.version));
    return this.deps.open(ref, { workspaceFile: file.uri.toString() });
  }

  private async withPublished(argument: unknown, version: unknown): Promise<unknown> {
    const uri = await this.localFile(argument);
    const where = vscode.workspace.asRelativePath(uri);
    const json = parseServerJsonText(await readServerJsonText(uri), where);
    const serverName = text(json.name);
    if (!serverName) throw new UserFacingError(vscode.l10n.t('{0} has no "name": it cannot be matched with a published server.', where));
    const registry = this.targetRegistry();
    const versions = await this.deps.sources.versions(registry.url, serverName);
    const live = versions.filter((response) => officialMeta(response)?.status !== 'deleted');
    const latest = live.find((response) => officialMeta(response)?.isLatest) ?? orderedVersions(live)[0];
    let chosen = text(version);
    if (!chosen) {
      const first = latest ? { label: vscode.l10n.t('Latest ({0})', latest.server.version), version: latest.server.version } : undefined;
      chosen = await pickVersion(this.deps.ctx.ui, versions, { title: vscode.l10n.t('Compare {0} with a published version of {1}', where, serverName), placeHolder: vscode.l10n.t('Versions on {0}', registry.name), first });
    }
    const published: RegistryRef = { registryUrl: registry.url, registryName: registry.name, serverName, version: chosen };
    return this.deps.open(published, { workspaceFile: uri.toString() });
  }

  /** The registry this workspace publishes to ("Select Target Registry"), else the first configured. */
  private targetRegistry(): { url: string; name: string } {
    const target = this.deps.workspace.registry.target();
    if (target) return { url: normalizeRegistryUrl(target.url), name: target.name };
    return configuredRegistries()[0];
  }

  private async localFile(argument: unknown): Promise<vscode.Uri> {
    return uriFromArgument(argument) ?? this.deps.workspace.resolveServerJson(argument, vscode.l10n.t('Compare with Published'));
  }

  private async readJson(uri: vscode.Uri): Promise<Record<string, unknown> | undefined> {
    try {
      return parseServerJsonText(await readServerJsonText(uri), uri.path);
    } catch {
      return undefined;
    }
  }
}
