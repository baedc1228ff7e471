/** The diff as the panel renders it: sections, groups and rows with display values (pure, no `vscode`). */
import { canonicalJson, diffServerJson, judgeBump, PROVENANCE_PATH, type FieldChange, type ServerDiff } from '../changes';
import type { DiffView, DisplayValue, RowCategory, SectionId, SideInfo, ViewGroup, ViewRow, ViewSection } from './protocol';

export interface DiffSide {
  info: SideInfo;
  /** The server.json document (`ServerResponse.server`, or the parsed local file). */
  server: unknown;
}

const SECTION_TITLES: Readonly<Record<SectionId, string>> = {
  identity: 'Identity & metadata',
  packages: 'Packages',
  remotes: 'Remotes',
  publisherMeta: 'Publisher metadata (_meta)',
  provenance: 'Provenance (recorded by MCP Versions at publish)',
};

export const CATEGORY_TITLES: Readonly<Record<RowCategory, string>> = {
  entity: 'Whole entry',
  field: 'Fields',
  transport: 'Transport',
  runtimeArgument: 'Runtime arguments',
  packageArgument: 'Package arguments',
  environmentVariable: 'Environment variables',
  header: 'Headers',
  variable: 'URL variables',
};

const CATEGORY_ORDER: readonly RowCategory[] = ['entity', 'field', 'transport', 'runtimeArgument', 'packageArgument', 'environmentVariable', 'header', 'variable'];

const RELEASE_NOTES_NAME = /^(release[-_ ]?notes?|notes|changelog|change[-_ ]?log|changes|whats[-_ ]?new)$/i;
export const SECRET_TEXT = '(secret value hidden)';

export function sectionOf(change: FieldChange): SectionId {
  return change.section === 'metadata' ? 'identity' : change.section;
}

/** How a value reads in the panel: strings as they are, everything else as canonical JSON. */
export function displayValue(value: unknown, notes = false): DisplayValue {
  if (typeof value === 'string') return { text: value, block: notes || value.includes('\n') };
  const text = canonicalJson(value);
  return { text, block: text.includes('\n') };
}

function ownerPrefix(change: FieldChange): string {
  if (!change.owner) return '';
  return `${change.owner.kind === 'package' ? 'packages' : 'remotes'}[${change.owner.key}]`;
}

/** The part of the path below the item (or owner), e.g. `default` for `…environmentVariables[API_KEY].default`. */
export function fieldLabel(change: FieldChange): string {
  const { path, item } = change;
  if (item && item.kind !== 'field') {
    const marker = item.kind === 'transport' ? '.transport' : `[${item.name}]`;
    const at = path.lastIndexOf(marker);
    if (at >= 0) {
      const rest = path.slice(at + marker.length).replace(/^\./, '');
      return rest || (item.kind === 'transport' ? 'transport' : item.name);
    }
  }
  if (change.section === 'provenance') return path.slice(PROVENANCE_PATH.length).replace(/^\./, '') || 'provenance';
  if (change.section === 'publisherMeta') return path.replace(/^_meta\[[^\]]*\]\.?/, '') || item?.name || path;
  const prefix = ownerPrefix(change);
  if (prefix && path.startsWith(prefix)) return path.slice(prefix.length).replace(/^\./, '') || change.owner!.kind;
  return path;
}

function categoryOf(change: FieldChange): RowCategory {
  if (change.owner && change.path === ownerPrefix(change)) return 'entity';
  if (!change.item || change.item.kind === 'field') return 'field';
  return change.item.kind;
}

function mentionsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsSecret);
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.isSecret === true || Object.values(record).some(mentionsSecret);
}

export function toRow(change: FieldChange): ViewRow {
  const category = categoryOf(change);
  const notes = (change.section === 'publisherMeta' || change.section === 'provenance') && RELEASE_NOTES_NAME.test(change.item?.name ?? '');
  const secret = change.secret === true || mentionsSecret(change.before) || mentionsSecret(change.after);
  const row: ViewRow = { path: change.path, category, field: fieldLabel(change), kind: change.kind, secret, notes };
  if (change.item && change.item.kind !== 'field' && change.item.kind !== 'transport') row.itemName = change.item.name;
  const hidden = change.secret === true && change.before === undefined && change.after === undefined;
  if (change.before !== undefined) row.before = displayValue(change.before, notes);
  else if (hidden && change.kind !== 'added') row.before = { text: SECRET_TEXT, block: false };
  if (change.after !== undefined) row.after = displayValue(change.after, notes);
  else if (hidden && change.kind !== 'removed') row.after = { text: SECRET_TEXT, block: false };
  if (change.impact) row.impact = change.impact;
  if (change.reason) row.reason = change.reason;
  return row;
}

function groupState(rows: readonly ViewRow[]): ViewRow['kind'] {
  const entity = rows.find((row) => row.category === 'entity');
  if (entity) return entity.kind;
  return rows.some((row) => row.kind !== 'unchanged') ? 'changed' : 'unchanged';
}

function sortRows(rows: ViewRow[]): ViewRow[] {
  const itemOrder = new Map<string, number>();
  rows.forEach((row) => {
    const key = `${row.category}\n${row.itemName ?? ''}`;
    if (!itemOrder.has(key)) itemOrder.set(key, itemOrder.size);
  });
  const index = (row: ViewRow) => itemOrder.get(`${row.category}\n${row.itemName ?? ''}`) ?? 0;
  return rows
    .map((row, position) => ({ row, position }))
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.row.category) - CATEGORY_ORDER.indexOf(b.row.category) || index(a.row) - index(b.row) || a.position - b.position)
    .map(({ row }) => row);
}

export function buildSections(diff: ServerDiff): ViewSection[] {
  const sections = new Map<SectionId, Map<string, ViewGroup>>();
  for (const id of Object.keys(SECTION_TITLES) as SectionId[]) sections.set(id, new Map());
  for (const change of diff.changes) {
    const groups = sections.get(sectionOf(change))!;
    const key = change.owner ? `${change.owner.kind}:${change.owner.key}` : 'fields';
    let group = groups.get(key);
    if (!group) {
      group = { key, title: change.owner?.label ?? 'Fields', state: 'unchanged', rows: [], changed: 0 };
      if (change.owner) group.ownerKind = change.owner.kind;
      groups.set(key, group);
    }
    group.rows.push(toRow(change));
  }
  const out: ViewSection[] = [];
  for (const [id, groups] of sections) {
    const list = [...groups.values()].map((group) => {
      // The top-level version is what the summary judges, not a change with an impact of its own.
      const rows = sortRows(group.rows).map((row) => (id === 'identity' && row.path === 'version' ? { ...row, impact: undefined } : row));
      return { ...group, rows, state: groupState(rows), changed: rows.filter((row) => row.kind !== 'unchanged').length };
    });
    const changed = list.reduce((sum, group) => sum + group.changed, 0);
    const total = list.reduce((sum, group) => sum + group.rows.length, 0);
    // Provenance is shown only when a side was published with it; the other sections always show.
    if (id === 'provenance' && total === 0) continue;
    out.push({ id, title: SECTION_TITLES[id], groups: list, changed, unchanged: total - changed });
  }
  return out;
}

export function diffTitle(left: SideInfo, right: SideInfo): string {
  const name = left.serverName === right.serverName ? left.serverName : `${left.serverName} ↔ ${right.serverName}`;
  return `${name}: ${sideLabel(left)} ↔ ${sideLabel(right)}`;
}

/** The version, marked when it is a local file or the two sides come from different registries. */
export function sideLabel(side: SideInfo): string {
  return side.origin === 'Workspace' ? `${side.version} (workspace)` : side.version;
}

export function buildDiffView(left: DiffSide, right: DiffSide): DiffView {
  const diff = diffServerJson(left.server, right.server);
  const judgement = judgeBump(left.info.version, right.info.version, diff);
  return {
    title: diffTitle(left.info, right.info),
    left: left.info,
    right: right.info,
    summary: {
      counts: diff.counts,
      implied: judgement.implied,
      actual: judgement.actual,
      understated: judgement.understated,
      message: judgement.message,
    },
    sections: buildSections(diff),
  };
}
