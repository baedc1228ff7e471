// Top-level fields the registry checks beyond the schema (internal/validators/validators.go:
// validateRepository, validateWebsiteURL, validateTitle, validateIcons; utils.go: IsValidRepositoryURL,
// IsValidSubfolderPath).
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
        message: `The registry only accepts repositories on GitHub or GitLab: set \`repository.source\` to "github" or "gitlab"${source ? ` (it is "${source.value}")` : ''}, or remove \`repository\``,
        path: source ? 'repository.source' : 'repository',
        range: rangeOf(source?.node ?? repository),
      });
    } else if (!pattern.test(url?.value ?? '')) {
      const example = source!.value === 'github' ? 'https://github.com/<owner>/<repo>' : 'https://gitlab.com/<group>/<project>';
      problems.push({
        severity: 'error',
        code: 'invalid-repository-url',
        message: `The registry will refuse \`repository.url\`${url ? ` "${url.value}"` : ''}: for source "${source!.value}" it must be the repository's address, ${example} (no .git, no paths inside it)`,
        path: 'repository.url',
        range: rangeOf(url?.node ?? repository),
      });
    }
  }
  const subfolder = text(doc, ['repository', 'subfolder']);
  if (subfolder && subfolder.value !== '') {
    const reason = subfolderReason(subfolder.value);
    if (reason) {
      problems.push({
        severity: 'error',
        code: 'invalid-subfolder-path',
        message: `The registry will refuse \`repository.subfolder\` "${subfolder.value}": ${reason}. Write it relative to the repository root, like "servers/weather"`,
        path: 'repository.subfolder',
        range: rangeOf(subfolder.node),
      });
    }
  }
  return problems;
}

function subfolderReason(path: string): string | undefined {
  if (path.startsWith('/')) return 'it must not start with "/"';
  if (path.endsWith('/')) return 'it must not end with "/"';
  if (!SUBFOLDER_CHARACTERS.test(path)) return 'only letters, digits, "-", "_", "." and "/" are allowed';
  const segments = path.split('/');
  if (segments.includes('')) return 'it must not contain empty segments ("//")';
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'it must not contain "." or ".." segments';
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
      ? `The registry will refuse \`websiteUrl\` "${website.value}": it must be a full https:// address`
      : `The registry will refuse \`websiteUrl\`: it must use https (it uses ${scheme})`,
    path: 'websiteUrl',
    range: rangeOf(website.node),
  };
  if (scheme === 'http') problem.fix = { title: 'Use https:// for the website', edits: [editReplacingString(website.node, `https:${website.value.slice(5)}`)] };
  return [problem];
}

export function titleProblems(doc: JsonDocument): Problem[] {
  const title = text(doc, ['title']);
  if (!title || title.value === '' || title.value.trim() !== '') return [];
  return [{
    severity: 'error',
    code: 'title-whitespace-only',
    message: 'The registry will refuse a `title` made only of spaces: write a display name or remove `title`',
    path: 'title',
    range: rangeOf(title.node),
    fix: { title: 'Remove the empty title', edits: editsToSet(doc.text, ['title'], undefined) },
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
      problems.push({ ...base, code: 'icon-src-not-absolute', message: `The registry will refuse icon \`${path}\`: it must be a full https:// address` });
    } else if (scheme === 'data') {
      problems.push({
        ...base,
        code: 'icon-src-invalid-scheme',
        message: `The registry will refuse an icon embedded as a data: URI (\`${path}\`): host the image and link it with https://`,
        fix: { title: 'Remove the embedded (data:) icon', edits: editsToSet(doc.text, icons.length === 1 ? ['icons'] : ['icons', index], undefined) },
      });
    } else {
      const problem: Problem = { ...base, code: 'icon-src-invalid-scheme', message: `The registry will refuse icon \`${path}\`: it must use https (it uses ${scheme})` };
      if (scheme === 'http') problem.fix = { title: 'Use https:// for the icon', edits: [editReplacingString(src.node, `https:${src.value.slice(5)}`)] };
      problems.push(problem);
    }
  });
  return problems;
}
