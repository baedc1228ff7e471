// What the target registry knows about the server: every version (deleted ones too), the latest, and the
// change impact from the latest published document to the workspace's.
import * as vscode from 'vscode';
import { classifyChangeImpact } from '../changes';
import { OFFICIAL_META_KEY, RegistryClient, RegistryError, type ServerResponse } from '../registry';
import type { RegistryKnowledge } from './model';

export interface TargetRegistry {
  readonly name: string;
  readonly url: string;
}

/** The key under which the workspace view remembers its target registry ("Select Target Registry"). */
const TARGET_STATE_KEY = 'mcpVersions.targetRegistryUrl';

/** The workspace's remembered target registry, else the first of `mcpVersions.registries`. */
export function targetRegistry(state: vscode.Memento): TargetRegistry | undefined {
  const raw = vscode.workspace.getConfiguration('mcpVersions').get<unknown>('registries');
  const registries = (Array.isArray(raw) ? raw : []).filter((entry): entry is TargetRegistry =>
    !!entry && typeof entry === 'object' && typeof entry.name === 'string' && typeof entry.url === 'string' && /^https?:\/\//.test(entry.url));
  const remembered = state.get<string>(TARGET_STATE_KEY);
  return registries.find((entry) => entry.url === remembered) ?? registries[0];
}

export class RegistryClientCache {
  private readonly clients = new Map<string, RegistryClient>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  get(url: string): RegistryClient {
    let client = this.clients.get(url);
    if (!client) {
      client = new RegistryClient(url, {
        maxAttempts: 2,
        timeoutMs: 10_000,
        onRequest: (entry) => this.log.info(`${entry.method} ${entry.path} ${entry.status ?? entry.error ?? ''} ${Math.round(entry.ms)} ms`),
      });
      this.clients.set(url, client);
    }
    return client;
  }
}

export async function readRegistryKnowledge(
  client: RegistryClient,
  registry: TargetRegistry,
  name: string,
  local: unknown,
  signal?: AbortSignal,
): Promise<RegistryKnowledge> {
  let responses: ServerResponse[];
  try {
    responses = await client.getServerVersions(name, { includeDeleted: true, signal });
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return { kind: 'not-found', registryName: registry.name };
    if (signal?.aborted) throw error;
    return { kind: 'unreachable', registryName: registry.name, message: describe(error) };
  }
  if (responses.length === 0) return { kind: 'not-found', registryName: registry.name };
  const versions = responses.map((response) => {
    const official = response._meta?.[OFFICIAL_META_KEY];
    return { version: response.server.version, status: official?.status ?? 'active', isLatest: official?.isLatest, publishedAt: official?.publishedAt };
  });
  const latestRow = responses.find((response) => response._meta?.[OFFICIAL_META_KEY]?.isLatest);
  let latestDocument = latestRow?.server;
  if (!latestDocument) {
    latestDocument = await client.getServerVersion(name, 'latest', { signal }).then((r) => r.server, () => undefined);
  }
  const impact = latestDocument ? safeImpact(latestDocument, local) : undefined;
  return { kind: 'found', registryName: registry.name, versions, latest: latestDocument?.version, impact };
}

function safeImpact(before: unknown, after: unknown): { bump: 'major' | 'minor' | 'patch' | 'none'; reasons: string[] } | undefined {
  try {
    return classifyChangeImpact(before, after);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof RegistryError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
