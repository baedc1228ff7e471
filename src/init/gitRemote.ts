/** Where the source lives: a git remote or a manifest's repository field, reduced to host/owner/repo. */

export interface RepositoryRef {
  host: string;
  owner: string;
  repo: string;
  /** `https://<host>/<owner>/<repo>`, never with credentials. */
  webUrl: string;
  /** server.json `repository.source`, for the hosts the registry knows. */
  source?: 'github' | 'gitlab' | 'bitbucket';
}

/**
 * Understands https/http/ssh/git URLs (`git+https://…`, credentials stripped), scp-like `git@host:owner/repo.git`,
 * ssh host aliases such as `github.com-work`, and npm shorthands (`github:owner/repo`, `owner/repo`).
 */
export function parseRepositoryUrl(raw: string | undefined): RepositoryRef | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '' || text.length > 2000) return undefined;
  let host: string | undefined;
  let path: string | undefined;
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(text);
  const scpLike = /^(?:[^@/\s]+@)?([A-Za-z0-9.-]+):(?!\/\/)(?!\d+\/)(.+)$/.exec(text);
  if (shorthand) {
    host = `${shorthand[1] ?? 'github'}.${shorthand[1] === 'bitbucket' ? 'org' : 'com'}`;
    path = `${shorthand[2]}/${shorthand[3]}`;
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const url = new URL(text.replace(/^git\+/i, ''));
      host = url.hostname;
      path = decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
  } else if (scpLike) {
    host = scpLike[1];
    path = scpLike[2];
  }
  if (!host || !path) return undefined;
  const segments = path.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '').split('/').filter((s) => s !== '');
  if (segments.length < 2) return undefined;
  const hostName = canonicalHost(host.toLowerCase());
  // GitLab groups nest (group/subgroup/project); a web URL may go on after `/-/`.
  const projectPath = hostName === 'gitlab.com' ? segments.slice(0, segments.indexOf('-') >= 0 ? segments.indexOf('-') : undefined) : segments.slice(0, 2);
  if (projectPath.length < 2) return undefined;
  const owner = projectPath.slice(0, -1).join('/');
  const repo = projectPath[projectPath.length - 1];
  if (!/^[A-Za-z0-9][A-Za-z0-9_./-]*$/.test(owner) || !/^[A-Za-z0-9_.-]+$/.test(repo)) return undefined;
  const source = hostName === 'github.com' ? 'github' : hostName === 'gitlab.com' ? 'gitlab' : hostName === 'bitbucket.org' ? 'bitbucket' : undefined;
  return { host: hostName, owner, repo, webUrl: `https://${hostName}/${owner}/${repo}`, ...(source ? { source } : {}) };
}

/** `github.com-work` (an ssh config alias for a second account) is github.com. */
function canonicalHost(host: string): string {
  const alias = /^(github\.com|gitlab\.com|bitbucket\.org)-[a-z0-9-]+$/.exec(host);
  if (alias) return alias[1];
  return host.replace(/^(www|ssh)\.(github\.com|gitlab\.com|bitbucket\.org)$/, '$2');
}
