// Renders a DiffView into DOM (text only, see dom.ts).
import type { ChangeKind, Impact } from '../../src/changes';
import type { DiffView, DisplayValue, RowCategory, SideInfo, ViewGroup, ViewRow, ViewSection } from '../../src/diff/protocol';
import { el } from './dom';

export interface RenderOptions {
  showUnchanged: boolean;
  openSections: Map<string, boolean>;
}

const CATEGORY_TITLES: Readonly<Record<RowCategory, string>> = {
  entity: '',
  field: 'Fields',
  transport: 'Transport',
  runtimeArgument: 'Runtime arguments',
  packageArgument: 'Package arguments',
  environmentVariable: 'Environment variables',
  header: 'Headers',
  variable: 'URL variables',
};

const KIND_GLYPHS: Readonly<Record<ChangeKind, string>> = { added: '+', removed: '−', changed: '~', unchanged: '=' };
const BUMP_WORDS: Readonly<Record<string, string>> = {
  major: 'major', minor: 'minor', patch: 'patch', none: 'none', prerelease: 'pre-release', downgrade: 'downgrade', 'not-semver': 'not semver',
};

function formatTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function sideCard(side: SideInfo, label: string): HTMLElement {
  const badges: HTMLElement[] = [];
  if (side.isLatest) badges.push(el('vscode-badge', { className: 'badge-latest', text: 'latest' }));
  if (side.status && side.status !== 'active') badges.push(el('span', { className: `status status-${side.status}`, text: side.status }));
  const published = formatTime(side.publishedAt);
  return el('section', { className: 'side', attrs: { 'aria-label': `${label}: ${side.version}` } }, [
    el('div', { className: 'side-label', text: label }),
    el('div', { className: 'side-version' }, [el('span', { className: 'version', text: side.version }), ...badges]),
    el('div', { className: 'side-meta' }, [
      el('span', { className: 'origin', text: side.origin }),
      published && el('span', { className: 'published', text: `published ${published}`, attrs: { title: side.publishedAt } }),
    ]),
    el('div', { className: 'side-location', text: side.location }),
    side.statusMessage && el('div', { className: 'status-message', text: side.statusMessage }),
  ]);
}

export function renderHeader(view: DiffView): HTMLElement {
  const sameName = view.left.serverName === view.right.serverName;
  return el('header', { className: 'header' }, [
    el('h1', { className: 'server-name', text: sameName ? view.left.serverName : `${view.left.serverName} ↔ ${view.right.serverName}` }),
    el('div', { className: 'sides' }, [sideCard(view.left, 'Before'), el('div', { className: 'side-arrow', text: '→', attrs: { 'aria-hidden': 'true' } }), sideCard(view.right, 'After')]),
  ]);
}

export function renderSummary(view: DiffView): HTMLElement {
  const { summary } = view;
  const count = (impact: Impact) =>
    el('span', { className: `count count-${impact}${summary.counts[impact] > 0 ? '' : ' count-zero'}` }, [
      el('span', { className: 'count-number', text: String(summary.counts[impact]) }),
      ` ${impact}`,
    ]);
  return el('section', { className: `summary${summary.understated ? ' understated' : ''}`, attrs: { 'aria-label': 'Summary' } }, [
    el('div', { className: 'counts' }, [count('breaking'), count('additive'), count('metadata')]),
    el('div', { className: 'bumps' }, [
      el('span', { className: 'bump' }, ['Version bump: ', el('strong', { text: BUMP_WORDS[summary.actual] ?? summary.actual })]),
      el('span', { className: 'bump' }, ['Changes need: ', el('strong', { text: BUMP_WORDS[summary.implied] ?? summary.implied })]),
    ]),
    summary.understated && el('p', { className: 'understated-flag', attrs: { role: 'alert' }, text: '⚠ The version number understates these changes.' }),
    el('p', { className: 'judgement', text: summary.message }),
  ]);
}

function valueNode(value: DisplayValue, side: 'before' | 'after'): HTMLElement {
  return value.block
    ? el('pre', { className: `value value-${side} value-block`, text: value.text })
    : el('code', { className: `value value-${side}`, text: value.text });
}

function rowValues(row: ViewRow): HTMLElement | undefined {
  if (row.kind === 'unchanged') return row.after ? el('div', { className: 'values' }, [valueNode(row.after, 'after')]) : undefined;
  if (!row.before && !row.after) return undefined;
  const parts: (HTMLElement | string)[] = [];
  if (row.before) parts.push(valueNode(row.before, 'before'));
  if (row.before && row.after) parts.push(el('span', { className: 'values-arrow', text: '→', attrs: { 'aria-label': 'becomes' } }));
  if (row.after) parts.push(valueNode(row.after, 'after'));
  const block = (row.before?.block ?? false) || (row.after?.block ?? false);
  return el('div', { className: `values${block ? ' values-block' : ''}` }, parts);
}

function renderRow(row: ViewRow): HTMLElement {
  const name = row.itemName && row.field !== row.itemName ? [el('span', { className: 'item-name', text: row.itemName }), el('span', { className: 'field', text: row.field })] : [el('span', { className: 'item-name', text: row.field })];
  return el('li', { className: `row kind-${row.kind}${row.impact ? ` impact-${row.impact}` : ''}`, attrs: { 'data-path': row.path } }, [
    el('div', { className: 'row-head' }, [
      el('span', { className: `kind-glyph kind-${row.kind}`, text: KIND_GLYPHS[row.kind], attrs: { title: row.kind, 'aria-label': row.kind } }),
      ...name,
      row.secret && el('span', { className: 'tag tag-secret', text: 'secret' }),
      row.notes && el('span', { className: 'tag', text: 'release notes' }),
      row.impact && el('span', { className: `tag impact impact-${row.impact}`, text: row.impact }),
    ]),
    rowValues(row),
    row.reason && el('div', { className: 'reason', text: row.reason }),
  ]);
}

function renderGroup(group: ViewGroup, options: RenderOptions): HTMLElement | undefined {
  const rows = options.showUnchanged ? group.rows : group.rows.filter((row) => row.kind !== 'unchanged');
  if (rows.length === 0) return undefined;
  const list: HTMLElement[] = [];
  let category: RowCategory | undefined;
  let ul: HTMLElement | undefined;
  for (const row of rows) {
    if (row.category !== category || !ul) {
      category = row.category;
      if (CATEGORY_TITLES[category]) list.push(el('h4', { className: 'category', text: CATEGORY_TITLES[category] }));
      ul = el('ul', { className: 'rows' });
      list.push(ul);
    }
    ul.appendChild(renderRow(row));
  }
  const heading = group.ownerKind
    ? el('h3', { className: 'group-title' }, [
        el('span', { className: 'owner-kind', text: group.ownerKind }),
        el('span', { className: 'owner-label', text: group.title }),
        group.state !== 'changed' && group.state !== 'unchanged' && el('span', { className: `tag state-${group.state}`, text: group.state }),
      ])
    : undefined;
  return el('div', { className: `group group-${group.state}` }, [heading, ...list]);
}

function sectionDescription(section: ViewSection): string {
  const changes = `${section.changed} change${section.changed === 1 ? '' : 's'}`;
  return section.unchanged > 0 ? `${changes}, ${section.unchanged} unchanged` : changes;
}

const EMPTY_TEXT: Readonly<Record<string, string>> = {
  packages: 'No packages in either version.',
  remotes: 'No remotes in either version.',
  publisherMeta: 'No publisher-provided _meta in either version.',
  provenance: 'Neither version was published with MCP Versions, so no provenance is recorded.',
  identity: 'No fields.',
};

export function renderSection(section: ViewSection, options: RenderOptions): HTMLElement {
  const groups = section.groups.map((group) => renderGroup(group, options)).filter((node): node is HTMLElement => node !== undefined);
  let body: HTMLElement[] = groups;
  if (section.groups.length === 0) body = [el('p', { className: 'empty', text: EMPTY_TEXT[section.id] })];
  else if (groups.length === 0) body = [el('p', { className: 'empty', text: `No changes (${section.unchanged} unchanged field${section.unchanged === 1 ? '' : 's'} hidden).` })];
  const open = options.openSections.get(section.id) ?? (section.changed > 0 || section.id === 'identity');
  const collapsible = el('vscode-collapsible', { className: `diff-section section-${section.id}`, attrs: { 'data-section': section.id } }, body);
  collapsible.heading = section.title;
  collapsible.description = sectionDescription(section);
  collapsible.open = open;
  collapsible.addEventListener('vsc-collapsible-toggle', () => options.openSections.set(section.id, collapsible.open));
  return collapsible;
}

/** Rows actually shown with these options (what "rendered" reports). */
export function visibleRowCount(view: DiffView, showUnchanged: boolean): number {
  return view.sections.reduce((sum, section) => sum + section.groups.reduce((n, group) => n + group.rows.filter((row) => showUnchanged || row.kind !== 'unchanged').length, 0), 0);
}
