// What the target registry knows about the server: every version (deleted ones too), the latest, and the
// change impact from the latest published document to the workspace's.
import { classifyChangeImpact } from '../changes';
import { OFFICIAL_META_KEY, RegistryClient, RegistryError, type ServerResponse } from '../registry';
import type { RegistryKnowledge } from './model';

export interface TargetRegistry {
  readonly name: string;
  readonly url: string;
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
