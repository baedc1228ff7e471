// Persistence on PGlite (PostgreSQL in-process). Publish and status changes run in transactions; PGlite runs
// one transaction at a time on its single connection, which serialises writes per server (and globally),
// and the unique indexes on (name, version) and on the latest row per name back that up.
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { ProblemError } from './problem';
import type { ServerJson } from './validate';
import { compareVersions, pickLatest } from './versioning';

export type Status = 'active' | 'deprecated' | 'deleted';
export const MAX_VERSIONS_PER_SERVER = 10_000;

export interface StoredVersion {
  seq: number;
  name: string;
  version: string;
  status: Status;
  statusMessage: string | null;
  statusChangedAt: Date;
  publishedAt: Date;
  updatedAt: Date;
  isLatest: boolean;
  value: ServerJson;
}

export interface ListQuery {
  cursor?: string;
  limit: number;
  search?: string;
  updatedSince?: Date;
  version?: string;
  includeDeleted: boolean;
}

/** A row for bulk seeding; isLatest must already be decided by the caller. */
export type SeedRow = Omit<StoredVersion, 'seq'>;

type Db = PGlite | Transaction;
interface RawRow {
  seq: number;
  server_name: string;
  version: string;
  status: Status;
  status_message: string | null;
  status_changed_at: Date;
  published_at: Date;
  updated_at: Date;
  is_latest: boolean;
  value: ServerJson;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS server_versions (
  seq SERIAL,
  server_name TEXT COLLATE "C" NOT NULL,
  version TEXT COLLATE "C" NOT NULL CHECK (char_length(version) <= 255),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deprecated', 'deleted')),
  status_message TEXT CHECK (char_length(status_message) <= 500),
  status_changed_at TIMESTAMPTZ NOT NULL,
  published_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  is_latest BOOLEAN NOT NULL DEFAULT FALSE,
  value JSONB NOT NULL,
  PRIMARY KEY (server_name, version)
);
CREATE UNIQUE INDEX IF NOT EXISTS server_versions_one_latest ON server_versions (server_name) WHERE is_latest;
CREATE INDEX IF NOT EXISTS server_versions_latest_order ON server_versions (server_name, version) WHERE is_latest;
CREATE INDEX IF NOT EXISTS server_versions_by_publish ON server_versions (server_name, published_at DESC, seq DESC);
CREATE INDEX IF NOT EXISTS server_versions_updated ON server_versions (updated_at);
CREATE TABLE IF NOT EXISTS remote_urls (
  url TEXT NOT NULL,
  server_name TEXT COLLATE "C" NOT NULL,
  version TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (url, server_name, version)
);
CREATE TABLE IF NOT EXISTS registry_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

let emptyTemplate: Promise<Blob | File> | undefined;

const COLUMNS = 'seq, server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value';

function toStored(r: RawRow): StoredVersion {
  return {
    seq: Number(r.seq),
    name: r.server_name,
    version: r.version,
    status: r.status,
    statusMessage: r.status_message,
    statusChangedAt: new Date(r.status_changed_at),
    publishedAt: new Date(r.published_at),
    updatedAt: new Date(r.updated_at),
    isLatest: r.is_latest,
    value: r.value,
  };
}

export function remoteUrlsOf(server: ServerJson): string[] {
  const remotes = Array.isArray(server.remotes) ? server.remotes : [];
  const urls = remotes.map((r) => (typeof r === 'object' && r !== null ? (r as { url?: unknown }).url : undefined));
  return [...new Set(urls.filter((u): u is string => typeof u === 'string' && u !== ''))];
}

export class RegistryStore {
  private constructor(readonly db: PGlite) {}

  static async open(dataDir?: string): Promise<RegistryStore> {
    if (dataDir) {
      // PGlite creates the folder itself but not its parents (a fresh clone has no .cache/).
      mkdirSync(dataDir, { recursive: true });
      const db = await PGlite.create(dataDir);
      await db.exec(SCHEMA_SQL);
      return new RegistryStore(db);
    }
    // initdb dominates start-up; in-memory stores after the first start from a dump of an empty database.
    if (emptyTemplate) {
      const template = await emptyTemplate.catch(() => undefined);
      if (template) return new RegistryStore(await PGlite.create({ loadDataDir: template }));
    }
    const db = await PGlite.create();
    await db.exec(SCHEMA_SQL);
    emptyTemplate ??= db.dumpDataDir('none');
    await emptyTemplate.catch(() => undefined);
    return new RegistryStore(db);
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }

  async getMeta(key: string): Promise<string | undefined> {
    const res = await this.db.query<{ value: string }>('SELECT value FROM registry_meta WHERE key = $1', [key]);
    return res.rows[0]?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.query('INSERT INTO registry_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [key, value]);
  }

  async list(q: ListQuery): Promise<StoredVersion[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]): void => {
      let text = sql;
      for (const v of values) {
        params.push(v);
        text = text.replace('?', `$${params.length}`);
      }
      where.push(text);
    };
    if (!q.includeDeleted) add("status <> 'deleted'");
    if (q.search) add('server_name ILIKE ?', `%${q.search}%`);
    if (q.updatedSince) add('updated_at > ?', q.updatedSince.toISOString());
    if (q.version === 'latest') add('is_latest');
    else if (q.version !== undefined && q.version !== '') add('version = ?', q.version);
    if (q.cursor) {
      const colon = q.cursor.indexOf(':');
      if (colon >= 0) add('(server_name > ? OR (server_name = ? AND version > ?))', q.cursor.slice(0, colon), q.cursor.slice(0, colon), q.cursor.slice(colon + 1));
      else add('server_name > ?', q.cursor);
    }
    params.push(q.limit);
    const sql = `SELECT ${COLUMNS} FROM server_versions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY server_name, version LIMIT $${params.length}`;
    const res = await this.db.query<RawRow>(sql, params);
    return res.rows.map(toStored);
  }

  async versions(name: string, includeDeleted: boolean, db: Db = this.db): Promise<StoredVersion[]> {
    const res = await db.query<RawRow>(
      `SELECT ${COLUMNS} FROM server_versions WHERE server_name = $1 ${includeDeleted ? '' : "AND status <> 'deleted'"} ORDER BY published_at DESC, seq DESC`,
      [name],
    );
    return res.rows.map(toStored);
  }

  async get(name: string, version: string, includeDeleted: boolean, db: Db = this.db): Promise<StoredVersion | undefined> {
    const byVersion = version === 'latest' ? 'is_latest' : 'version = $2';
    const res = await db.query<RawRow>(
      `SELECT ${COLUMNS} FROM server_versions WHERE server_name = $1 AND ${byVersion} ${includeDeleted ? '' : "AND status <> 'deleted'"}`,
      version === 'latest' ? [name] : [name, version],
    );
    return res.rows[0] ? toStored(res.rows[0]) : undefined;
  }

  private async assertRemoteUrlsFree(tx: Db, name: string, urls: string[], detail = 'Failed to publish server'): Promise<void> {
    if (urls.length === 0) return;
    const res = await tx.query<{ url: string; server_name: string }>(
      `SELECT r.url, r.server_name FROM remote_urls r JOIN server_versions s ON s.server_name = r.server_name AND s.version = r.version
       WHERE r.url = ANY($1::text[]) AND r.server_name <> $2 AND s.status <> 'deleted' LIMIT 1`,
      [urls, name],
    );
    const clash = res.rows[0];
    if (clash) throw new ProblemError(400, detail, [{ message: `remote URL ${clash.url} is already used by server ${clash.server_name}` }]);
  }

  private async setRemoteUrls(tx: Db, name: string, version: string, urls: string[]): Promise<void> {
    await tx.query('DELETE FROM remote_urls WHERE server_name = $1 AND version = $2', [name, version]);
    for (const url of urls) await tx.query('INSERT INTO remote_urls (url, server_name, version) VALUES ($1, $2, $3)', [url, name, version]);
  }

  async publish(server: ServerJson, now = new Date()): Promise<StoredVersion> {
    const { name, version } = server;
    return this.db.transaction(async (tx) => {
      const fail = (message: string): never => {
        throw new ProblemError(400, 'Failed to publish server', [{ message }]);
      };
      const dup = await tx.query('SELECT 1 FROM server_versions WHERE server_name = $1 AND version = $2', [name, version]);
      if (dup.rows.length > 0) fail('invalid version: cannot publish duplicate version');
      const count = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM server_versions WHERE server_name = $1', [name]);
      if ((count.rows[0]?.n ?? 0) >= MAX_VERSIONS_PER_SERVER) {
        fail(`maximum number of versions for this server reached (${MAX_VERSIONS_PER_SERVER}): please reach out at https://github.com/modelcontextprotocol/registry to explain your use case`);
      }
      const urls = remoteUrlsOf(server);
      await this.assertRemoteUrlsFree(tx, name, urls);
      const latest = await tx.query<RawRow>(`SELECT ${COLUMNS} FROM server_versions WHERE server_name = $1 AND is_latest`, [name]);
      const current = latest.rows[0] ? toStored(latest.rows[0]) : undefined;
      const isLatest = !current || compareVersions({ version, publishedAt: now, seq: Number.MAX_SAFE_INTEGER }, current) > 0;
      if (isLatest && current) await tx.query('UPDATE server_versions SET is_latest = FALSE WHERE server_name = $1 AND is_latest', [name]);
      const ts = now.toISOString();
      const inserted = await tx.query<RawRow>(
        `INSERT INTO server_versions (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value)
         VALUES ($1, $2, 'active', $3, $3, $3, $4, $5) RETURNING ${COLUMNS}`,
        [name, version, ts, isLatest, JSON.stringify(server)],
      );
      await this.setRemoteUrls(tx, name, version, urls);
      return toStored(inserted.rows[0]);
    });
  }

  async edit(server: ServerJson, now = new Date()): Promise<StoredVersion> {
    return this.db.transaction(async (tx) => {
      const row = await this.get(server.name, server.version, false, tx);
      if (!row) throw new ProblemError(404, 'Server not found');
      const urls = remoteUrlsOf(server);
      await this.assertRemoteUrlsFree(tx, server.name, urls);
      const res = await tx.query<RawRow>(
        `UPDATE server_versions SET value = $3, updated_at = $4 WHERE server_name = $1 AND version = $2 RETURNING ${COLUMNS}`,
        [server.name, server.version, JSON.stringify(server), now.toISOString()],
      );
      await this.setRemoteUrls(tx, server.name, server.version, urls);
      return toStored(res.rows[0]);
    });
  }

  /**
   * Sets status (and message) on one version, or on all versions when `version` is undefined, then
   * recomputes the latest row. Returns the targeted rows as stored afterwards.
   */
  async setStatus(name: string, version: string | undefined, status: Status, message: string | null, now = new Date()): Promise<{ updatedCount: number; rows: StoredVersion[] }> {
    return this.db.transaction(async (tx) => {
      const all = await this.versions(name, true, tx);
      const targets = version === undefined ? all : all.filter((r) => r.version === version);
      if (targets.length === 0) throw new ProblemError(404, version === undefined ? 'Server not found' : 'Server version not found');
      const changing = targets.filter((r) => r.status !== status || (r.statusMessage ?? null) !== message);
      if (changing.length === 0) {
        throw new ProblemError(
          400,
          version === undefined
            ? 'No changes to apply: all versions already have the requested status and message'
            : 'No changes to apply: status and message are already set to the provided values',
        );
      }
      const ts = now.toISOString();
      for (const row of changing) {
        if (row.status === 'deleted' && status !== 'deleted') await this.assertRemoteUrlsFree(tx, name, remoteUrlsOf(row.value), 'Failed to update server status');
        await tx.query(
          `UPDATE server_versions SET status = $3, status_message = $4, updated_at = $5,
             status_changed_at = CASE WHEN status <> $3 THEN $5::timestamptz ELSE status_changed_at END
           WHERE server_name = $1 AND version = $2`,
          [name, row.version, status, message, ts],
        );
      }
      await this.recalculateLatest(tx, name);
      const after = await this.versions(name, true, tx);
      const wanted = new Set(targets.map((t) => t.version));
      // Upstream reports every version of the server as updated, changed or not.
      const rows = after.filter((r) => wanted.has(r.version));
      return { updatedCount: rows.length, rows };
    });
  }

  private async recalculateLatest(tx: Db, name: string): Promise<void> {
    const rows = await this.versions(name, true, tx);
    const best = pickLatest(rows);
    const current = rows.find((r) => r.isLatest);
    if (!best || best === current) return;
    await tx.query('UPDATE server_versions SET is_latest = FALSE WHERE server_name = $1 AND is_latest', [name]);
    await tx.query('UPDATE server_versions SET is_latest = TRUE WHERE server_name = $1 AND version = $2', [name, best.version]);
  }

  /** Bulk insert for seeding (no validation). Rows of one server must arrive with exactly one isLatest. */
  async insertRows(rows: SeedRow[]): Promise<void> {
    const BATCH = 500;
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const params: unknown[] = [];
        const tuples = batch.map((r) => {
          const base = params.length;
          params.push(r.name, r.version, r.status, r.statusMessage, r.statusChangedAt.toISOString(), r.publishedAt.toISOString(), r.updatedAt.toISOString(), r.isLatest, JSON.stringify(r.value));
          return `(${Array.from({ length: 9 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
        });
        await tx.query(
          `INSERT INTO server_versions (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value)
           VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
          params,
        );
        for (const r of batch) {
          for (const url of remoteUrlsOf(r.value)) {
            await tx.query('INSERT INTO remote_urls (url, server_name, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [url, r.name, r.version]);
          }
        }
      }
    });
  }
}
