// The version list right after a publish, from the list read in pre-flight and the registry's answer
// to the POST: the registry flags the new row latest iff it outranks the old latest, and then clears
// the old flag (no other row changes). Saves the tree a request. Pure: no `vscode` import.
import { OFFICIAL_META_KEY, officialMeta, type ServerResponse } from '../registry';

export function versionsAfterPublish(before: readonly ServerResponse[], published: ServerResponse): ServerResponse[] {
  const becameLatest = officialMeta(published).isLatest;
  const others = before
    .filter((row) => row.server.version !== published.server.version)
    .map((row) => (becameLatest && officialMeta(row).isLatest ? { ...row, _meta: { ...row._meta, [OFFICIAL_META_KEY]: { ...officialMeta(row), isLatest: false } } } : row));
  return [published, ...others];
}
