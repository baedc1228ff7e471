// Seeding: the 358 real servers of the 2025-09-21 seed with generated version histories, a synthetic
// scale data set generated inside PostgreSQL, or an import from another registry's list API.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RegistryStore, SeedRow, Status } from './store';
import { CURRENT_SCHEMA_URL } from './schemas';
import type { ServerJson } from './validate';
import { pickLatest } from './versioning';

export type SeedOption = 'real' | 'scale' | 'none' | { servers: number; versionsPerServer: number };
const OFFICIAL_META = 'io.modelcontextprotocol.registry/official';
const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32), seeded from the server name so histories are stable. */
function prng(seedText: string): () => number {
  let a = 2166136261;
  for (let i = 0; i < seedText.length; i++) a = Math.imul(a ^ seedText.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function stripRegistryFields(entry: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...entry };
  delete copy.status;
  const meta = copy._meta as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object') {
    const rest = { ...meta };
    delete rest[OFFICIAL_META];
    if (Object.keys(rest).length > 0) copy._meta = rest;
    else delete copy._meta;
  }
  return copy;
}

function versionHistory(rand: () => number, count: number): string[] {
  const versions: string[] = [];
  if (rand() < 0.12) {
    let day = new Date(Date.UTC(2025, 2, 1) + Math.floor(rand() * 60) * DAY);
    const dashed = rand() < 0.3;
    for (let i = 0; i < count; i++) {
      const [y, m, d] = day.toISOString().slice(0, 10).split('-');
      versions.push(dashed ? `${y}-${m}-${d}` : `${y}.${m}.${d}`);
      day = new Date(day.getTime() + (3 + Math.floor(rand() * 20)) * DAY);
    }
    return versions;
  }
  let [major, minor, patch] = [rand() < 0.5 ? 0 : 1, Math.floor(rand() * 3), 0];
  versions.push(`${major}.${minor}.${patch}`);
  while (versions.length < count) {
    const r = rand();
    if (r < 0.6) patch++;
    else if (r < 0.9) [minor, patch] = [minor + 1, 0];
    else [major, minor, patch] = [major + 1, 0, 0];
    const next = `${major}.${minor}.${patch}`;
    if (patch === 0 && rand() < 0.35 && versions.length < count - 1) {
      versions.push(`${next}-${rand() < 0.5 ? 'beta' : 'rc'}.1`);
      if (rand() < 0.4 && versions.length < count - 1) versions.push(`${next}-rc.2`);
    }
    versions.push(next);
  }
  return versions.slice(0, count);
}

/** Rows for one real server: generated history, some deprecated/deleted, isLatest as the registry computes it. */
export function generateHistory(entry: Record<string, unknown>, seedEnd = Date.UTC(2025, 8, 20)): SeedRow[] {
  const base = stripRegistryFields(entry);
  const name = String(base.name);
  const rand = prng(name);
  const versions = versionHistory(rand, 2 + Math.floor(rand() * 10));
  let at = seedEnd - (60 + Math.floor(rand() * 140)) * DAY;
  const step = Math.max(DAY, Math.floor((seedEnd - at) / versions.length));
  const rows: SeedRow[] = versions.map((version, i) => {
    at += Math.floor(step * (0.3 + rand() * 0.7)) + Math.floor(rand() * 3_600_000);
    const publishedAt = new Date(Math.min(at, seedEnd));
    const value = structuredClone(base) as ServerJson;
    value.version = version;
    if (Array.isArray(value.packages)) {
      for (const pkg of value.packages as Record<string, unknown>[]) if (typeof pkg.version === 'string') pkg.version = version;
    }
    let status: Status = 'active';
    let statusMessage: string | null = null;
    const isLast = i === versions.length - 1;
    const r = rand();
    if (!isLast && r < 0.15) [status, statusMessage] = ['deprecated', `Superseded by ${versions[Math.min(versions.length - 1, i + 1)]}; please upgrade`];
    else if (!isLast && r < 0.22) [status, statusMessage] = ['deleted', rand() < 0.5 ? 'Published by mistake' : 'Broken package, withdrawn'];
    const statusChangedAt = status === 'active' ? publishedAt : new Date(Math.min(seedEnd, publishedAt.getTime() + (1 + Math.floor(rand() * 20)) * DAY));
    return { name, version, status, statusMessage, statusChangedAt, publishedAt, updatedAt: statusChangedAt, isLatest: false, value };
  });
  const latest = pickLatest(rows);
  if (latest) latest.isLatest = true;
  return rows;
}

export async function seedReal(store: RegistryStore, sharedDir: string): Promise<number> {
  const file = path.join(sharedDir, 'mcp-registry', 'seed-2025-09-21.json');
  if (!existsSync(file)) throw new Error(`the real seed needs ${file} (the shared upstream data beside the project); start with --seed scale or --seed none instead`);
  const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  const rows = entries.flatMap((e) => generateHistory(e));
  await store.insertRows(rows);
  return rows.length;
}

/** Synthetic servers generated by PostgreSQL itself (one INSERT … SELECT): fast even for 200 000 rows. */
export async function seedSynthetic(store: RegistryStore, servers: number, versionsPerServer: number): Promise<number> {
  await store.db.query(
    `INSERT INTO server_versions (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value)
     SELECT g.name, g.ver, 'active', NULL, g.ts, g.ts, g.ts, v = $2 - 1,
       jsonb_build_object(
         '$schema', $3::text, 'name', g.name, 'version', g.ver,
         'description', 'Synthetic server ' || s || ' for scale tests',
         'repository', jsonb_build_object('url', 'https://github.com/example/scale-' || s, 'source', 'github'),
         'packages', jsonb_build_array(jsonb_build_object('registryType', 'npm', 'identifier', '@scale/server-' || s,
           'version', g.ver, 'transport', jsonb_build_object('type', 'stdio'))))
     FROM generate_series(0, $1 - 1) AS s CROSS JOIN generate_series(0, $2 - 1) AS v
     CROSS JOIN LATERAL (SELECT
       'com.example.scale/server-' || lpad(s::text, 5, '0') AS name,
       (1 + v / 10)::text || '.' || (v % 10)::text || '.0' AS ver,
       timestamptz '2025-01-01T00:00:00Z' + v * interval '1 day' + s * interval '1 second' AS ts) AS g`,
    [servers, versionsPerServer, CURRENT_SCHEMA_URL],
  );
  return servers * versionsPerServer;
}

function withPage(url: string, cursor: string | undefined): string {
  const u = new URL(url);
  u.searchParams.set('limit', '100');
  if (cursor) u.searchParams.set('cursor', cursor);
  else u.searchParams.delete('cursor');
  return u.toString();
}

/** Imports every entry of another registry's list API (paginated), or of a local JSON array file. */
export async function seedFrom(store: RegistryStore, source: string, maxPages = 2000): Promise<number> {
  const items: unknown[] = [];
  if (!/^https?:\/\//.test(source)) {
    items.push(...(JSON.parse(readFileSync(source, 'utf8')) as unknown[]));
  } else {
    let cursor: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const res = await fetch(withPage(source, cursor), { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
      if (res.status !== 200) throw new Error(`seed import: GET ${withPage(source, cursor)} answered ${res.status}`);
      const body = (await res.json()) as { servers?: unknown[]; metadata?: { nextCursor?: string; next_cursor?: string } };
      items.push(...(body.servers ?? []));
      const next = body.metadata?.nextCursor ?? body.metadata?.next_cursor;
      if (!next || next === cursor || (body.servers ?? []).length === 0) break;
      cursor = next;
    }
  }
  const byName = new Map<string, SeedRow[]>();
  const now = Date.now();
  items.forEach((item, i) => {
    const record = item as Record<string, unknown>;
    const server = (record.server ?? record) as Record<string, unknown>;
    const meta = ((record._meta ?? server._meta) as Record<string, Record<string, unknown>> | undefined)?.[OFFICIAL_META] ?? {};
    if (typeof server.name !== 'string' || typeof server.version !== 'string') return;
    const publishedAt = typeof meta.publishedAt === 'string' && Date.parse(meta.publishedAt) > 0 ? new Date(meta.publishedAt) : new Date(now + i);
    const status = (['active', 'deprecated', 'deleted'].includes(meta.status as string) ? meta.status : 'active') as Status;
    const rows = byName.get(server.name) ?? [];
    if (rows.some((r) => r.version === server.version)) return;
    rows.push({
      name: server.name,
      version: server.version,
      status,
      statusMessage: typeof meta.statusMessage === 'string' ? meta.statusMessage : null,
      statusChangedAt: typeof meta.statusChangedAt === 'string' ? new Date(meta.statusChangedAt) : publishedAt,
      publishedAt,
      updatedAt: typeof meta.updatedAt === 'string' && Date.parse(meta.updatedAt) > 0 ? new Date(meta.updatedAt) : publishedAt,
      isLatest: false,
      value: stripRegistryFields(server) as ServerJson,
    });
    byName.set(server.name, rows);
  });
  const all: SeedRow[] = [];
  for (const rows of byName.values()) {
    const latest = pickLatest(rows);
    if (latest) latest.isLatest = true;
    all.push(...rows);
  }
  await store.insertRows(all);
  return all.length;
}

/** Seeds once per data folder: a persisted folder that was seeded before is left as it is. */
export async function applySeed(store: RegistryStore, seed: SeedOption, seedFromSource: string | undefined, sharedDir: string): Promise<number> {
  const marker = seedFromSource ? `from:${seedFromSource}` : typeof seed === 'string' ? seed : `synthetic:${seed.servers}x${seed.versionsPerServer}`;
  if (marker === 'none') return 0;
  if ((await store.getMeta('seed')) !== undefined) return 0;
  let count: number;
  if (seedFromSource) count = await seedFrom(store, seedFromSource);
  else if (seed === 'real') count = await seedReal(store, sharedDir);
  else if (seed === 'scale') count = await seedSynthetic(store, 10_000, 20);
  else if (typeof seed === 'object') count = await seedSynthetic(store, seed.servers, seed.versionsPerServer);
  else count = 0;
  await store.setMeta('seed', marker);
  return count;
}
