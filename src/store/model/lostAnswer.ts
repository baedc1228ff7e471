// A write whose answer was lost (the connection dropped, the answer was cut off, a 5xx after the
// request went out) may have been stored anyway: it is settled by looking the version up, never by
// sending it again. Publish and status changes share these rules. Pure: no `vscode`.
import { officialMeta, RegistryError, type RegistryClient, type ServerResponse, type StatusChange } from '../../registry';

/** Whether a write that failed this way may still have been made by the registry. */
export function mayHaveLanded(error: unknown): boolean {
  if (!(error instanceof RegistryError)) return false;
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'cut-off' ||
    error.kind === 'parse' ||
    (error.kind === 'http' && (error.status ?? 0) >= 500)
  );
}

/** The registry's "No changes to apply": the version already has the status asked for. */
export function isNoChange(error: unknown): boolean {
  return error instanceof RegistryError && error.kind === 'http' && error.status === 400 && /no changes to apply/i.test(`${error.detail ?? ''} ${error.title ?? ''} ${error.errors.map((e) => e.message).join(' ')}`);
}

/** The version (deleted ones included), null when the registry says it does not exist, undefined when it cannot be asked. */
export async function lookUpVersion(client: RegistryClient, name: string, version: string): Promise<ServerResponse | null | undefined> {
  try {
    return await client.getServerVersion(name, version, { includeDeleted: true });
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return null;
    return undefined;
  }
}

/** Every version of the server (deleted ones included), null when it does not exist, undefined when it cannot be asked. */
export async function lookUpVersions(client: RegistryClient, name: string): Promise<ServerResponse[] | null | undefined> {
  try {
    const rows = await client.getServerVersions(name, { includeDeleted: true });
    return rows.length > 0 ? rows : null;
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return null;
    return undefined;
  }
}

/**
 * Whether the rows the registry holds show the change made: the version (or, for all versions, every
 * version) has the new status.
 */
export function statusChangeMade(rows: readonly ServerResponse[], version: string | undefined, change: StatusChange): boolean {
  const targeted = version === undefined ? rows : rows.filter((row) => row.server.version === version);
  return targeted.length > 0 && targeted.every((row) => officialMeta(row).status === change.status);
}
