// What a publish knows about the release around server.json: git commit and tag, the CHANGELOG section
// for this version and where the CHANGELOG is browsable. Pure of `vscode` (node:fs, git).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitInfo, type GitInfo } from './git';
import type { ProvenanceInput } from './model/provenance';
import { changelogUrl, extractReleaseNotes } from './releaseNotes';

export interface ReleaseContext {
  readonly input: ProvenanceInput;
  readonly git?: GitInfo;
  readonly changelogPath?: string;
  /** The tag this publish creates (when `mcpVersions.publish.gitTag` is on and it does not exist yet). */
  readonly tagToCreate?: string;
}

export interface ReleaseContextOptions {
  readonly createTag: boolean;
  readonly tool?: string;
}

export function releaseTagName(version: string): string {
  return `v${version}`;
}

export async function releaseContext(serverJsonPath: string, version: string, repositoryUrl: string | undefined, options: ReleaseContextOptions): Promise<ReleaseContext> {
  const folder = path.dirname(serverJsonPath);
  const git = await gitInfo(folder);
  const candidates = [path.join(folder, 'CHANGELOG.md')];
  if (git && path.resolve(git.root) !== path.resolve(folder)) candidates.push(path.join(git.root, 'CHANGELOG.md'));
  let notes: string | undefined;
  let changelogPath: string | undefined;
  for (const candidate of candidates) {
    const text = await readFile(candidate, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    changelogPath = candidate;
    notes = extractReleaseNotes(text, version);
    break;
  }
  const wanted = releaseTagName(version);
  let tag = git?.tags.find((t) => t === wanted) ?? git?.tags.find((t) => t.includes(version)) ?? git?.tags[0];
  let tagToCreate: string | undefined;
  if (git && options.createTag && !git.tags.includes(wanted)) {
    tag = wanted;
    tagToCreate = wanted;
  }
  const inRepo = git && changelogPath ? path.relative(git.root, changelogPath).split(path.sep).join('/') : undefined;
  const input: ProvenanceInput = {
    commit: git?.commit,
    tag,
    notes,
    notesUrl: changelogUrl(repositoryUrl, inRepo, git?.commit),
    tool: options.tool,
  };
  return { input, git, changelogPath, tagToCreate };
}
