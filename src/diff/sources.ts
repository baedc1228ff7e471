// Loads both sides of a comparison: a published version from its registry, or a local server.json
// (unsaved editor text included). Registry answers are cached briefly so reopening a diff is instant.
import * as vscode from 'vscode';
import { officialMeta, RegistryError, type RegistryClient, type ServerResponse } from '../registry';
import { UserFacingError } from '../commands/registerCommand';
import { isWorkspaceRef, type SideInfo, type VersionRef } from './protocol';
import type { DiffSide } from './viewModel';

/** Status and `isLatest` can change at any time; a short cache still makes reopening and swapping free. */
const CACHE_MS = 30_000;

export type ClientFor = (registryUrl: string) => RegistryClient;

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

export class DiffSources {
  private readonly cache = new Map<string, Cached<unknown>>();

  constructor(private readonly clientFor: ClientFor) {}

  async load(ref: VersionRef, signal?: AbortSignal): Promise<DiffSide> {
    return isWorkspaceRef(ref) ? loadWorkspaceFile(ref.workspaceFile) : this.loadPublished(ref, signal);
  }

  /** Every version of a server (deleted ones included), as the registry returns them. */
  versions(registryUrl: string, serverName: string, signal?: AbortSignal): Promise<ServerResponse[]> {
    return this.cached(`versions\n${registryUrl}\n${serverName}`, () =>
      this.clientFor(registryUrl).getServerVersions(serverName, { includeDeleted: true, signal }),
    ).catch((error: unknown) => {
      throw explain(error, `${serverName} is not published to ${registryUrl}`);
    });
  }

  clear(): void {
    this.cache.clear();
  }

  private async loadPublished(ref: Exclude<VersionRef, { workspaceFile: string }>, signal?: AbortSignal): Promise<DiffSide> {
    const response = await this.cached(`version\n${ref.registryUrl}\n${ref.serverName}\n${ref.version}`, () =>
      this.clientFor(ref.registryUrl).getServerVersion(ref.serverName, ref.version, { includeDeleted: true, signal }),
    ).catch((error: unknown) => {
      throw explain(error, `${ref.serverName} ${ref.version} is not in the registry ${ref.registryName || ref.registryUrl}`);
    });
    return { server: response.server, info: publishedInfo(ref, response) };
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key) as Cached<T> | undefined;
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = load();
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => {
      if (this.cache.get(key)?.value === value) this.cache.delete(key);
    });
    return value;
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
    throw new UserFacingError(`Cannot read ${vscode.workspace.asRelativePath(uri)}: the file does not exist or cannot be opened.`);
  }
}

export function parseServerJsonText(text: string, where: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserFacingError(`${where} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UserFacingError(`${where} must contain a JSON object.`);
  return value as Record<string, unknown>;
}

async function loadWorkspaceFile(uriString: string): Promise<DiffSide> {
  const uri = vscode.Uri.parse(uriString, true);
  const where = vscode.workspace.asRelativePath(uri);
  const server = parseServerJsonText(await readServerJsonText(uri), where);
  const info: SideInfo = {
    serverName: typeof server.name === 'string' ? server.name : '(no name)',
    version: typeof server.version === 'string' ? server.version : '(no version)',
    origin: 'Workspace',
    location: where,
  };
  return { server, info };
}
