// Top-level fields the registry checks beyond the schema (internal/validators/validators.go:
// validateRepository, validateWebsiteURL, validateTitle, validateIcons; utils.go: IsValidRepositoryURL,
// IsValidSubfolderPath).
import * as l10n from '@vscode/l10n';
import { editReplacingString, editsToSet, elementsOf, formatPath, nodeAt, rangeOf, type JsonDocument } from './jsonDocument';
import { schemeOf } from './urlTemplates';
import type { Problem } from './types';

const REPOSITORY_URL: Record<string, RegExp> = {
  github: /^https?:\/\/(www\.)?github\.com\/[\w.-]+\/[\w.-]+\/?$/,
  gitlab: /^https?:\/\/(www\.)?gitlab\.com\/[\w.-]+(\/[\w.-]+)+\/?$/,
};
const SUBFOLDER_CHARACTERS = /^[a-zA-Z0-9\-_./]+$/;

const text = (doc: JsonDocument, segments: (string | number)[]) => {
  const node = nodeAt(doc, segments);
  return node?.type === 'string' && typeof node.value === 'string' ? { node, value: node.value } : undefined;
};

export function repositoryProblems(doc: JsonDocument): Problem[] {
  const repository = nodeAt(doc, ['repository']);
  if (repository?.type !== 'object') return [];
  const url = text(doc, ['repository', 'url']);
  const source = text(doc, ['repository', 'source']);
  const problems: Problem[] = [];
  if ((url?.value ?? '') !== '' || (source?.value ?? '') !== '') {
    const pattern = REPOSITORY_URL[source?.value ?? ''];
    if (!pattern) {
      problems.push({
        severity: 'error',
        code: 'invalid-repository-url',
        message: source
          ? l10n.t('The registry only accepts repositories on GitHub or GitLab: set `repository.source` to "github" or "gitlab" (it is "{0}"), or remove `repository`', source.value)
          : l10n.t('The registry only accepts repositories on GitHub or GitLab: set `repository.source` to "github" or "gitlab", or remove `repository`'),
        path: source ? 'repository.source' : 'repository',
        range: rangeOf(source?.node ?? repository),
      });
    } else if (!pattern.test(url?.value ?? '')) {
      const example = source!.value === 'github' ? 'https://github.com/<owner>/<repo>' : 'https://gitlab.com/<group>/<project>';
      problems.push({
        severity: 'error',
        code: 'invalid-repository-url',
        message: url
          ? l10n.t('The registry will refuse `repository.url` "{0}": for source "{1}" it must be the repository\'s address, {2} (no .git, no paths inside it)', url.value, source!.value, example)
          : l10n.t('The registry will refuse `repository.url`: for source "{0}" it must be the repository\'s address, {1} (no .git, no paths inside it)', source!.value, example),
        path: 'repository.url',
        range: rangeOf(url?.node ?? repository),
      });
    }
  }
  const subfolder = text(doc, ['repository', 'subfolder']);
  if (subfolder && subfolder.value !== '') {
    const message = subfolderMessage(subfolder.value);
    if (message) {
      problems.push({
        severity: 'error',
        code: 'invalid-subfolder-path',
        message,
        path: 'repository.subfolder',
        range: rangeOf(subfolder.node),
      });
    }
  }
  return problems;
}

function subfolderMessage(path: string): string | undefined {
  if (path.startsWith('/')) return l10n.t('The registry will refuse `repository.subfolder` "{0}": it must not start with "/". Write it relative to the repository root, like "servers/weather"', path);
  if (path.endsWith('/')) return l10n.t('The registry will refuse `repository.subfolder` "{0}": it must not end with "/". Write it relative to the repository root, like "servers/weather"', path);
  if (!SUBFOLDER_CHARACTERS.test(path)) return l10n.t('The registry will refuse `repository.subfolder` "{0}": only letters, digits, "-", "_", "." and "/" are allowed. Write it relative to the repository root, like "servers/weather"', path);
  const segments = path.split('/');
  if (segments.includes('')) return l10n.t('The registry will refuse `repository.subfolder` "{0}": it must not contain empty segments ("//"). Write it relative to the repository root, like "servers/weather"', path);
  if (segments.some((segment) => segment === '.' || segment === '..')) return l10n.t('The registry will refuse `repository.subfolder` "{0}": it must not contain "." or ".." segments. Write it relative to the repository root, like "servers/weather"', path);
  return undefined;
}

export function websiteUrlProblems(doc: JsonDocument): Problem[] {
  const website = text(doc, ['websiteUrl']);
  if (!website || website.value === '') return [];
  const scheme = schemeOf(website.value);
  if (scheme === 'https') return [];
  const problem: Problem = {
    severity: 'error',
    code: scheme === undefined ? 'website-url-must-be-absolute' : 'website-url-invalid-scheme',
    message: scheme === undefined
      ? l10n.t('The registry will refuse `websiteUrl` "{0}": it must be a full https:// address', website.value)
      : l10n.t('The registry will refuse `websiteUrl`: it must use https (it uses {0})', scheme),
    path: 'websiteUrl',
    range: rangeOf(website.node),
  };
  if (scheme === 'http') problem.fix = { title: l10n.t('Use https:// for the website'), edits: [editReplacingString(website.node, `https:${website.value.slice(5)}`)] };
  return [problem];
}

export function titleProblems(doc: JsonDocument): Problem[] {
  const title = text(doc, ['title']);
  if (!title || title.value === '' || title.value.trim() !== '') return [];
  return [{
    severity: 'error',
    code: 'title-whitespace-only',
    message: l10n.t('The registry will refuse a `title` made only of spaces: write a display name or remove `title`'),
    path: 'title',
    range: rangeOf(title.node),
    fix: { title: l10n.t('Remove the empty title'), edits: editsToSet(doc.text, ['title'], undefined) },
  }];
}

export function iconProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  const icons = elementsOf(nodeAt(doc, ['icons']));
  icons.forEach((_, index) => {
    const src = text(doc, ['icons', index, 'src']);
    if (!src) return;
    const scheme = schemeOf(src.value);
    if (scheme === 'https') return;
    const path = formatPath(['icons', index, 'src']);
    const base = { severity: 'error' as const, path, range: rangeOf(src.node) };
    if (scheme === undefined) {
      problems.push({ ...base, code: 'icon-src-not-absolute', message: l10n.t('The registry will refuse icon `{0}`: it must be a full https:// address', path) });
    } else if (scheme === 'data') {
      problems.push({
        ...base,
        code: 'icon-src-invalid-scheme',
        message: l10n.t('The registry will refuse an icon embedded as a data: URI (`{0}`): host the image and link it with https://', path),
        fix: { title: l10n.t('Remove the embedded (data:) icon'), edits: editsToSet(doc.text, icons.length === 1 ? ['icons'] : ['icons', index], undefined) },
      });
    } else {
      const problem: Problem = { ...base, code: 'icon-src-invalid-scheme', message: l10n.t('The registry will refuse icon `{0}`: it must use https (it uses {1})', path, scheme) };
      if (scheme === 'http') problem.fix = { title: l10n.t('Use https:// for the icon'), edits: [editReplacingString(src.node, `https:${src.value.slice(5)}`)] };
      problems.push(problem);
    }
  });
  return problems;
}
