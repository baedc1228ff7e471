import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { editReplacingString, missingPropertyRange, nodeAt, rangeOf, type JsonDocument } from './jsonDocument';
import type { Problem } from './types';

const NAMESPACE = /^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]$/;
const NAME_PART = /^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$/;

/** The registry's server-name rules (`parseServerName`) plus hints about reverse-DNS namespaces. */
export function nameProblems(doc: JsonDocument, schemaChecked: boolean): Problem[] {
  const node = nodeAt(doc, ['name']);
  if (!node) {
    if (schemaChecked) return [];
    return [{ severity: 'error', code: 'name-format', message: l10n.t('Server `name` is required (e.g. `io.github.<user>/<server>`)'), path: 'name', range: missingPropertyRange(doc, [], ['description']) }];
  }
  if (node.type !== 'string' || typeof node.value !== 'string') {
    return schemaChecked ? [] : [{ severity: 'error', code: 'name-format', message: l10n.t('Server `name` must be a string'), path: 'name', range: rangeOf(node) }];
  }
  const name = node.value;
  const error = (message: string): Problem[] => [{ severity: 'error', code: 'name-format', message, path: 'name', range: rangeOf(node) }];
  if (name === '') return error(l10n.t('Server `name` must not be empty'));
  const slashes = name.split('/').length - 1;
  if (slashes === 0) return error(l10n.t("Server `name` must be 'namespace/name' in reverse-DNS form, e.g. `io.github.user/weather` or `com.example/weather`"));
  if (slashes > 1) return error(l10n.t('Server `name` must contain exactly one `/` (it has {0})', slashes));
  const [namespace = '', serverName = ''] = name.split('/');
  if (namespace === '' || serverName === '') return error(l10n.t("Server `name` must be 'namespace/name' with a non-empty namespace and name"));
  if (!NAMESPACE.test(namespace)) {
    return error(l10n.t('Namespace `{0}` is invalid: it must start and end with a letter or digit and may contain only letters, digits, dots and hyphens', namespace));
  }
  if (!NAME_PART.test(serverName)) {
    return error(l10n.t('Name `{0}` (after the `/`) is invalid: it must start and end with a letter or digit and may contain only letters, digits, dots, underscores and hyphens', serverName));
  }
  return namespaceHints(node, namespace, serverName);
}

function namespaceHints(node: Node, namespace: string, serverName: string): Problem[] {
  const githubUser = misspelledGitHubUser(namespace);
  if (githubUser !== undefined) {
    const suggestion = `io.github.${githubUser}/${serverName}`;
    return [{
      severity: 'warning',
      code: 'name-namespace',
      message: l10n.t('GitHub namespaces are written `io.github.<user>`: did you mean `{0}`? The registry grants GitHub logins only `io.github.<login>/*`', suggestion),
      path: 'name',
      range: rangeOf(node),
      fix: { title: l10n.t('Rename to {0}', suggestion), edits: [editReplacingString(node, suggestion)] },
    }];
  }
  if (namespace === 'io.github') {
    return [{ severity: 'warning', code: 'name-namespace', message: l10n.t('The namespace needs your GitHub login or organisation: `io.github.<user>/<server>`'), path: 'name', range: rangeOf(node) }];
  }
  if (!namespace.includes('.')) {
    return [{
      severity: 'warning',
      code: 'name-namespace',
      message: l10n.t('Namespace `{0}` is not reverse-DNS: publish as `io.github.{0}/{1}` (GitHub login) or `com.<your-domain>/{1}` (DNS or HTTP proof); the registry will refuse any other namespace', namespace, serverName),
      path: 'name',
      range: rangeOf(node),
    }];
  }
  return [];
}

/** `com.github.user`, `github.com.user`, `github.io.user`, `github.user` → `user`. */
function misspelledGitHubUser(namespace: string): string | undefined {
  const match = /^(?:com\.github|github\.com|github\.io|github)\.([a-zA-Z0-9-]+)$/.exec(namespace);
  return match?.[1];
}
