// The release notes of one version: its section of a CHANGELOG.md (Keep a Changelog and the usual
// variants: "## 1.4.0", "## [1.4.0] - 2026-01-02", "## v1.4.0 (2026-01-02)"). Pure: no `vscode` import.

const HEADING = /^(#{1,6})\s+(.*)$/;

/** The body of the section whose heading names `version`, trimmed; undefined when there is none or it is empty. */
export function extractReleaseNotes(markdown: string, version: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  let start = -1;
  let level = 0;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) fence = !fence;
    if (fence) continue;
    const heading = HEADING.exec(lines[i]);
    if (!heading) continue;
    if (start >= 0 && heading[1].length <= level) return sectionText(lines.slice(start, i));
    if (start < 0 && headingNames(heading[2], version)) {
      start = i + 1;
      level = heading[1].length;
    }
  }
  return start >= 0 ? sectionText(lines.slice(start)) : undefined;
}

function headingNames(text: string, version: string): boolean {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The version as a whole token: not 1.4.0 inside 1.4.0-beta.1 or 11.4.0.
  return new RegExp(`(^|[\\s\\[(v])${escaped}($|[\\s\\])]|\\s*[-–—:])`, 'i').test(text.trim());
}

function sectionText(lines: string[]): string | undefined {
  const text = lines.join('\n').trim();
  return text === '' ? undefined : text;
}

/**
 * A browsable link to the CHANGELOG in the repository, for notes that had to be cut: GitHub and GitLab
 * blob URLs at the commit (or the default branch); other hosts get the repository URL itself.
 */
export function changelogUrl(repositoryUrl: string | undefined, pathInRepo: string | undefined, commit: string | undefined): string | undefined {
  if (!repositoryUrl || !/^https?:\/\//i.test(repositoryUrl)) return undefined;
  const base = repositoryUrl.replace(/\.git$/i, '').replace(/\/+$/, '');
  if (!pathInRepo) return base;
  const path = pathInRepo.split('/').map(encodeURIComponent).join('/');
  const ref = commit ?? 'HEAD';
  if (/^https?:\/\/(www\.)?github\.com\//i.test(base)) return `${base}/blob/${ref}/${path}`;
  if (/^https?:\/\/(www\.)?gitlab\.com\//i.test(base)) return `${base}/-/blob/${ref}/${path}`;
  return base;
}
