// Loads both sides of a comparison: a published version from the registry data store (one request per
// server for every version of it, shared with the other views), or a local server.json (unsaved editor
// text included).
import * as vscode from 'vscode';
import { officialMeta, RegistryError, type RegistryClient, type ServerResponse } from '../registry';
import { UserFacingError } from '../commands/registerCommand';
import type { RegistryStore } from '../store';
import { isWorkspaceRef, type SideInfo, type VersionRef } from './protocol';
import type { DiffSide } from './viewModel';

export type ClientFor = (registryUrl: string) => RegistryClient;

export class DiffSources {
  constructor(private readonly store: RegistryStore) {}

  async load(ref: VersionRef, signal?: AbortSignal): Promise<DiffSide> {
    return isWorkspaceRef(ref) ? loadWorkspaceFile(ref.workspaceFile) : this.loadPublished(ref, signal);
  }

  /** Every version of a server (deleted ones included), as the store knows them. */
  async versions(registryUrl: string, serverName: string, signal?: AbortSignal): Promise<ServerResponse[]> {
    try {
      const responses = await this.store.versionsOrThrow(registryUrl, serverName, { signal });
      if (responses.length === 0) throw new UserFacingError(vscode.l10n.t('{0} is not published to {1}', serverName, registryUrl));
      return [...responses];
    } catch (error) {
      throw explain(error, vscode.l10n.t('{0} is not published to {1}', serverName, registryUrl));
    }
  }

  /** Forgets what the store knows about the published sides, so they are read again (Retry). */
  clear(refs: readonly VersionRef[]): void {
    for (const ref of refs) if (!isWorkspaceRef(ref)) this.store.forget(ref.registryUrl, ref.serverName);
  }

  /** Calls `listener` when a write changed the versions of a server (e.g. a status change from the Registry view). */
  onDidWrite(listener: (registryUrl: string, serverName: string) => void): vscode.Disposable {
    const subscription = this.store.onDidChange((change) => {
      if (change.cause === 'write') listener(change.registryUrl, change.serverName);
    });
    return new vscode.Disposable(() => subscription.dispose());
  }

  private async loadPublished(ref: Exclude<VersionRef, { workspaceFile: string }>, signal?: AbortSignal): Promise<DiffSide> {
    const notFound = vscode.l10n.t('{0} {1} is not in the registry {2}', ref.serverName, ref.version, ref.registryName || ref.registryUrl);
    const find = async (fresh: boolean) => {
      try {
        const responses = await this.store.versionsOrThrow(ref.registryUrl, ref.serverName, { signal, fresh });
        return responses.find((response) => response.server.version === ref.version);
      } catch (error) {
        throw explain(error, notFound);
      }
    };
    // A version published since the list was read is not in it yet: ask once more before saying it is missing.
    const response = (await find(false)) ?? (await find(true));
    if (!response) throw new UserFacingError(notFound);
    return { server: response.server, info: publishedInfo(ref, response) };
  }
}

function explain(error: unknown, notFound: string): unknown {
  if (error instanceof RegistryError) {
    if (error.kind === 'http' && error.status === 404) return new UserFacingError(notFound);
    return new UserFacingError(error.hint ? `${error.message} (${error.hint})` : error.message);
  }
  return error;
}

function publishedInfo(ref: { registryUrl: string; registryName: string; serverName: string; version: string }, response: ServerResponse): SideInfo {
  const meta = officialMeta(response) as ReturnType<typeof officialMeta> | undefined;
  const info: SideInfo = {
    serverName: response.server.name || ref.serverName,
    version: response.server.version || ref.version,
    origin: ref.registryName || ref.registryUrl,
    location: ref.registryUrl,
  };
  if (meta) {
    info.publishedAt = meta.publishedAt;
    info.status = meta.status;
    info.isLatest = meta.isLatest;
    if (meta.statusMessage) info.statusMessage = meta.statusMessage;
  }
  return info;
}

/** The text of a server.json: the open editor's (possibly unsaved) text, else the file on disk. */
export async function readServerJsonText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    throw new UserFacingError(vscode.l10n.t('Cannot read {0}: the file does not exist or cannot be opened.', vscode.workspace.asRelativePath(uri)));
  }
}

export function parseServerJsonText(text: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(vscode.l10n.t('{0} is not valid JSON: {1}', where, error instanceof Error ? error.message : String(error)));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UserFacingError(vscode.l10n.t('{0} must contain a JSON object.', where));
  return value as Record<string, unknown>;
}

async function loadWorkspaceFile(uriString: string): Promise<DiffSide> {
  const uri = vscode.Uri.parse(uriString, true);
  const where = vscode.workspace.asRelativePath(uri);
  const server = parseServerJsonText(await readServerJsonText(uri), where);
  const info: SideInfo = {
    serverName: typeof server.name === 'string' ? server.name : vscode.l10n.t('(no name)'),
    version: typeof server.version === 'string' ? server.version : vscode.l10n.t('(no version)'),
    origin: 'Workspace',
    location: where,
  };
  return { server, info };
}
