/**
 * The CHANGELOG entry Bump Version offers for the new version: in the file's own heading style (Keep a
 * Changelog "## [1.5.0] - 2026-12-03" or plain "## 1.5.0"), below "Unreleased", above the newest release,
 * prefilled from the change impact. Pure: no `vscode` import.
 */

export interface ChangelogEntry {
  /** Where to insert, as an offset into the current text (0 for a new file). */
  readonly offset: number;
  readonly text: string;
  /** Offset of the first line of the entry's body inside `text`, to select it for editing. */
  readonly bodyAt: number;
}

const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const UNRELEASED = /^\[?unreleased\]?/i;
const VERSIONED = /^\[?v?\d+\.\d+/;

interface Heading {
  readonly level: number;
  readonly text: string;
  readonly offset: number;
}

function headingsOf(markdown: string): Heading[] {
  const headings: Heading[] = [];
  let offset = 0;
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const match = fence ? null : HEADING.exec(line.replace(/\r$/, ''));
    if (match) headings.push({ level: match[1].length, text: match[2].trim(), offset });
    offset += line.length + 1;
  }
  return headings;
}

/** Whether a heading names `version` as a whole token ("1.4.0" is not named by "1.4.0-beta.1" or "11.4.0"). */
export function namesVersion(heading: string, version: string): boolean {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s\\[(v])${escaped}($|[\\s\\]):–—])`, 'i').test(heading);
}

export function hasChangelogEntry(markdown: string, version: string): boolean {
  return headingsOf(markdown).some((heading) => namesVersion(heading.text, version));
}

function sentence(reason: string): string {
  const text = reason.trim().replace(/[.;]+$/, '');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The entry to add for `version`, or undefined when the changelog already has one. `date` is YYYY-MM-DD. */
export function changelogEntry(markdown: string | undefined, version: string, date: string, reasons: readonly string[]): ChangelogEntry | undefined {
  const text = markdown ?? '';
  if (markdown !== undefined && hasChangelogEntry(text, version)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const headings = headingsOf(text);
  const releases = headings.filter((heading) => VERSIONED.test(heading.text));
  const newest = releases[0];
  const level = newest?.level ?? headings.find((heading) => UNRELEASED.test(heading.text))?.level ?? 2;
  const keepAChangelog = newest ? newest.text.startsWith('[') : true;
  const dated = newest ? /\d{4}-\d{2}-\d{2}/.test(newest.text) : true;
  const title = keepAChangelog ? `[${version}]${dated ? ` - ${date}` : ''}` : `${version}${dated ? ` - ${date}` : ''}`;
  const items = reasons.length > 0 ? reasons.map((reason) => `- ${sentence(reason)}`) : ['- '];
  const heading = `${'#'.repeat(level)} ${title}${eol}`;
  const entry = `${heading}${items.join(eol)}${eol}${eol}`;
  if (markdown === undefined || text.trim() === '') {
    const header = `# Changelog${eol}${eol}`;
    return { offset: 0, text: `${header}${entry}`, bodyAt: header.length + heading.length };
  }
  if (newest) return { offset: newest.offset, text: entry, bodyAt: heading.length };
  const separator = text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
  return { offset: text.length, text: `${separator}${entry}`, bodyAt: separator.length + heading.length };
}
