// Remote endpoints as the registry checks them (internal/validators/validators.go: validateRemoteTransport;
// utils.go: IsValidRemoteURL, IsValidTemplatedURL): https, reachable by users, every `{variable}` declared.
import * as l10n from '@vscode/l10n';
import { editReplacingString, editsToSet, elementsOf, formatPath, keyNodeAt, membersOf, nodeAt, rangeOf, stringAt, type JsonDocument, type Segment } from './jsonDocument';
import { httpUrlShape, isLocalhost, templateVariables } from './urlTemplates';
import type { Problem } from './types';

export function remoteProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  elementsOf(nodeAt(doc, ['remotes'])).forEach((remote, index) => {
    if (remote.type !== 'object') return;
    problems.push(...urlProblems(doc, ['remotes', index]));
    const versionKey = keyNodeAt(doc, ['remotes', index, 'version']);
    if (versionKey) {
      problems.push({
        severity: 'warning',
        code: 'remote-version-dropped',
        message: l10n.t('A remote is only an address: the registry drops `{0}`. The server\'s version is the top-level `version`', formatPath(['remotes', index, 'version'])),
        path: formatPath(['remotes', index, 'version']),
        range: rangeOf(versionKey),
        fix: { title: l10n.t('Remove `version` from the remote'), edits: editsToSet(doc.text, ['remotes', index, 'version'], undefined) },
      });
    }
  });
  return problems;
}

function urlProblems(doc: JsonDocument, at: Segment[]): Problem[] {
  const type = stringAt(doc, [...at, 'type']);
  if (type !== 'streamable-http' && type !== 'sse') {
    const typeNode = nodeAt(doc, [...at, 'type']);
    if (typeNode?.type !== 'string') return [];
    return [{ severity: 'error', code: 'unsupported-remote-transport-type', message: l10n.t('The registry will refuse remote type "{0}": a remote is "streamable-http" or "sse"', String(typeNode.value)), path: formatPath([...at, 'type']), range: rangeOf(typeNode) }];
  }
  const urlNode = nodeAt(doc, [...at, 'url']);
  const path = formatPath([...at, 'url']);
  if (urlNode?.type !== 'string' || typeof urlNode.value !== 'string') return [];
  const url = urlNode.value;
  const error = (code: string, message: string, fix?: Problem['fix']): Problem[] =>
    [{ severity: 'error', code, message, path, range: rangeOf(urlNode), ...(fix ? { fix } : {}) }];
  if (url === '') return error('remote-transport-url-required', l10n.t('The registry will refuse a {0} remote without a `url`', type));
  const shape = httpUrlShape(url);
  if (!shape.ok) return error('invalid-remote-url', l10n.t('The registry will refuse `{0}` "{1}": a remote must be a full https:// address', path, url));
  if (shape.hostname !== undefined && isLocalhost(shape.hostname)) {
    return error('invalid-remote-url', l10n.t('The registry will refuse `{0}`: a remote on {1} is not reachable by anyone else; publish the server\'s public address (a local server belongs in `packages`)', path, shape.hostname));
  }
  if (shape.scheme === 'http') {
    return error('invalid-remote-url', l10n.t('The registry will refuse `{0}`: remotes must use https', path), { title: l10n.t('Use https:// for the remote'), edits: [editReplacingString(urlNode, `https:${url.slice(5)}`)] });
  }
  const declared = new Set(membersOf(nodeAt(doc, [...at, 'variables'])).map((member) => member.key));
  const missing = [...new Set(templateVariables(url))].filter((name) => !declared.has(name));
  if (missing.length === 0) return [];
  const list = missing.map((name) => `{${name}}`).join(', ');
  const variables: Record<string, unknown> = {};
  for (const name of missing) variables[name] = { description: `The ${name} part of the address`, isRequired: true };
  const fix = {
    title: l10n.t('Declare {0} in `variables`', list),
    edits: declared.size === 0 && !nodeAt(doc, [...at, 'variables'])
      ? editsToSet(doc.text, [...at, 'variables'], variables)
      : missing.flatMap((name, i) => (i === 0 ? editsToSet(doc.text, [...at, 'variables', name], variables[name]) : [])),
  };
  // Several missing names in an existing object: one edit per name would overlap, so the fix adds the first; the rest stay flagged.
  const variablesPath = formatPath([...at, 'variables']);
  return error('invalid-templated-url', missing.length === 1
    ? l10n.t('The registry will refuse `{0}`: {1} is not declared in `{2}`; declare each {name} used in the address', path, list, variablesPath)
    : l10n.t('The registry will refuse `{0}`: {1} are not declared in `{2}`; declare each {name} used in the address', path, list, variablesPath), fix);
}
