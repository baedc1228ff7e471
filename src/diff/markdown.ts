/** "Copy summary as Markdown": the changes that matter, for a pull request or a release note (pure). */
import type { Impact } from '../changes';
import type { DiffView, SideInfo, ViewRow } from './protocol';

const IMPACT_TITLES: Readonly<Record<Impact, string>> = { breaking: 'Breaking', additive: 'Additive', metadata: 'Metadata' };
const IMPACTS: readonly Impact[] = ['breaking', 'additive', 'metadata'];

/** Registry text as literal Markdown: no emphasis, links, HTML or headings can come out of it. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+|!~&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`))
    .replace(/\r?\n/g, ' ');
}

function side(info: SideInfo): string {
  const status = info.status && info.status !== 'active' ? `, ${info.status}` : '';
  const latest = info.isLatest ? ', latest' : '';
  return `\`${info.version.replace(/`/g, "'")}\` (${escapeMarkdown(info.origin)}${latest}${status})`;
}

function plural(count: number, word: string): string {
  return `${count} ${word} change${count === 1 ? '' : 's'}`;
}

/** Rows to list: every counted change (the top-level version is what the summary judges). */
function listed(view: DiffView): ViewRow[] {
  return view.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.rows.filter((row) => row.impact && !(section.id === 'identity' && row.path === 'version'))),
  );
}

export function summaryMarkdown(view: DiffView): string {
  const { left, right, summary } = view;
  const names = left.serverName === right.serverName ? escapeMarkdown(left.serverName) : `${escapeMarkdown(left.serverName)} ↔ ${escapeMarkdown(right.serverName)}`;
  const lines = [`### ${names}: ${side(left)} → ${side(right)}`, ''];
  const counts = IMPACTS.map((impact) => (impact === 'breaking' && summary.counts.breaking > 0 ? `**${plural(summary.counts[impact], impact)}**` : plural(summary.counts[impact], impact)));
  lines.push(`${counts.join(', ')}.`, '');
  const flag = summary.understated ? '⚠️ **The version number understates the changes.** ' : '';
  lines.push(`> ${flag}${escapeMarkdown(summary.message)}`, '');
  const rows = listed(view);
  for (const impact of IMPACTS) {
    const matching = rows.filter((row) => row.impact === impact);
    if (matching.length === 0) continue;
    lines.push(`#### ${IMPACT_TITLES[impact]}`, '');
    for (const row of matching) lines.push(`- ${escapeMarkdown(row.reason ?? row.path)}`);
    lines.push('');
  }
  if (rows.length === 0) lines.push('No changes besides the version.', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
