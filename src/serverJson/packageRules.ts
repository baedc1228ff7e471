import { combinedEdit, editsToSet, elementsOf, formatPath, missingPropertyRange, nodeAt, rangeOf, stringAt, type JsonDocument } from './jsonDocument';
import type { Problem } from './types';

/** Per-package rules of the official registry that the schema does not express. */
export function packageProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  elementsOf(nodeAt(doc, ['packages'])).forEach((packageNode, index) => {
    if (packageNode.type !== 'object') return;
    const registryType = stringAt(doc, ['packages', index, 'registryType']);
    if (registryType === 'oci') problems.push(...ociProblems(doc, index));
    if (registryType === 'mcpb' && !nodeAt(doc, ['packages', index, 'fileSha256'])) {
      problems.push({
        severity: 'error',
        code: 'mcpb-sha256-missing',
        message: `MCPB package \`${formatPath(['packages', index])}\` needs \`fileSha256\` (the SHA-256 of the .mcpb file, 64 lowercase hex characters)`,
        path: formatPath(['packages', index, 'fileSha256']),
        range: missingPropertyRange(doc, ['packages', index], ['identifier', 'registryType']),
      });
    }
  });
  return problems;
}

function ociProblems(doc: JsonDocument, index: number): Problem[] {
  const versionNode = nodeAt(doc, ['packages', index, 'version']);
  if (!versionNode) return [];
  const version = typeof versionNode.value === 'string' ? versionNode.value : undefined;
  const identifier = stringAt(doc, ['packages', index, 'identifier']);
  const path = formatPath(['packages', index, 'version']);
  const problem: Problem = {
    severity: 'error',
    code: 'oci-version-forbidden',
    message: `OCI packages must not have \`version\`: put the tag in \`identifier\` instead (e.g. \`ghcr.io/owner/image:${version ?? '1.0.0'}\`)`,
    path,
    range: rangeOf(versionNode),
  };
  const removeVersion = (text: string) => editsToSet(text, ['packages', index, 'version'], undefined);
  if (identifier !== undefined && version !== undefined && !hasOciTagOrDigest(identifier)) {
    const tagged = `${identifier}:${version}`;
    problem.fix = {
      title: `Move the version into the image reference (${tagged})`,
      edits: [combinedEdit(doc.text, [(text) => editsToSet(text, ['packages', index, 'identifier'], tagged), removeVersion])],
    };
  } else {
    problem.fix = { title: 'Remove `version` from the OCI package', edits: removeVersion(doc.text) };
  }
  return [problem];
}

export function hasOciTagOrDigest(reference: string): boolean {
  if (reference.includes('@')) return true;
  const lastSegment = reference.slice(reference.lastIndexOf('/') + 1);
  return lastSegment.includes(':');
}

/** Remote endpoints must be absolute http(s) URLs. */
export function remoteProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  elementsOf(nodeAt(doc, ['remotes'])).forEach((_, index) => {
    const node = nodeAt(doc, ['remotes', index, 'url']);
    if (node?.type !== 'string' || typeof node.value !== 'string') return;
    if (isHttpUrl(node.value)) return;
    problems.push({
      severity: 'error',
      code: 'remote-url-scheme',
      message: `\`${formatPath(['remotes', index, 'url'])}\` must be an http:// or https:// URL (got "${node.value}")`,
      path: formatPath(['remotes', index, 'url']),
      range: rangeOf(node),
    });
  });
  return problems;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value.replace(/\{[^{}]*\}/g, 'x'));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
