// Per-package rules of the registry (internal/validators/validators.go: validatePackageField,
// validateArgument, validatePackageTransport; internal/validators/registries/*.go for the package types and
// their base URLs) and what VS Code's MCP gallery makes of an OCI package.
import * as l10n from '@vscode/l10n';
import { combinedEdit, editsToSet, elementsOf, formatPath, missingPropertyRange, nodeAt, rangeOf, stringAt, type JsonDocument, type Segment } from './jsonDocument';
import { httpUrlShape, templateVariables } from './urlTemplates';
import type { Problem } from './types';

/** Each supported package type and the registry base URLs it may name (none: it must be left out). */
export const PACKAGE_REGISTRIES: Readonly<Record<string, readonly string[]>> = {
  npm: ['https://registry.npmjs.org'],
  pypi: ['https://pypi.org'],
  nuget: ['https://api.nuget.org/v3/index.json'],
  cargo: ['https://crates.io'],
  mcpb: ['https://github.com', 'https://gitlab.com'],
  oci: [],
};
const TYPES = Object.keys(PACKAGE_REGISTRIES).map((type) => `"${type}"`).join(', ');

export function packageProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  elementsOf(nodeAt(doc, ['packages'])).forEach((packageNode, index) => {
    if (packageNode.type !== 'object') return;
    const at = (...rest: Segment[]) => ['packages', index, ...rest];
    const registryType = stringAt(doc, at('registryType'));
    problems.push(...registryTypeProblems(doc, index, registryType));
    const identifier = nodeAt(doc, at('identifier'));
    if (identifier?.type === 'string' && typeof identifier.value === 'string' && identifier.value.includes(' ')) {
      problems.push({ severity: 'error', code: 'package-name-has-spaces', message: l10n.t('The registry will refuse `{0}`: a package identifier cannot contain spaces', formatPath(at('identifier'))), path: formatPath(at('identifier')), range: rangeOf(identifier) });
    }
    if (registryType === 'oci') problems.push(...ociProblems(doc, index));
    if (registryType === 'mcpb' && !nodeAt(doc, at('fileSha256'))) {
      problems.push({
        severity: 'error',
        code: 'mcpb-sha256-missing',
        message: l10n.t('The registry will refuse MCPB package `{0}` without `fileSha256`: add the SHA-256 of the .mcpb file (64 lowercase hex characters)', formatPath(at())),
        path: formatPath(at('fileSha256')),
        range: missingPropertyRange(doc, at(), ['identifier', 'registryType']),
      });
    }
    for (const list of ['runtimeArguments', 'packageArguments']) {
      elementsOf(nodeAt(doc, at(list))).forEach((_, argIndex) => problems.push(...argumentProblems(doc, at(list, argIndex))));
    }
    problems.push(...packageTransportProblems(doc, index));
  });
  return problems;
}

function registryTypeProblems(doc: JsonDocument, index: number, registryType: string | undefined): Problem[] {
  const typeNode = nodeAt(doc, ['packages', index, 'registryType']);
  const typePath = formatPath(['packages', index, 'registryType']);
  if (typeNode?.type === 'string' && (registryType === undefined || !Object.hasOwn(PACKAGE_REGISTRIES, registryType))) {
    return [{
      severity: 'error',
      code: 'unsupported-registry-type',
      message: registryType === '' || registryType === undefined
        ? l10n.t('The registry will refuse `{0}` left blank: name the package type, one of {1}', typePath, TYPES)
        : l10n.t('The registry will refuse package type "{0}": supported types are {1}', registryType, TYPES),
      path: typePath,
      range: rangeOf(typeNode),
    }];
  }
  if (registryType === undefined || registryType === 'oci') return [];
  const base = nodeAt(doc, ['packages', index, 'registryBaseUrl']);
  if (base?.type !== 'string' || typeof base.value !== 'string' || base.value === '') return [];
  const allowed = PACKAGE_REGISTRIES[registryType]!;
  if (allowed.includes(base.value)) return [];
  const problem: Problem = {
    severity: 'error',
    code: 'registry-base-url-mismatch',
    message: l10n.t('The registry will refuse "{0}" as the registry of a {1} package: use {2}, or leave `registryBaseUrl` out', base.value, registryType, allowed.map((url) => `"${url}"`).reduce((either, or) => l10n.t('{0} or {1}', either, or))),
    path: formatPath(['packages', index, 'registryBaseUrl']),
    range: rangeOf(base),
  };
  if (allowed.length === 1) problem.fix = { title: l10n.t('Use {0}', allowed[0]!), edits: editsToSet(doc.text, ['packages', index, 'registryBaseUrl'], allowed[0]) };
  return [problem];
}

/**
 * OCI images name their registry and tag inside `identifier`. The legacy shape (`registryBaseUrl`, a bare
 * identifier and `version`) is still accepted by the registry's /validate, but its publish-time image check
 * refuses it and VS Code turns it into an invalid image reference.
 */
function ociProblems(doc: JsonDocument, index: number): Problem[] {
  const problems: Problem[] = [];
  const identifier = stringAt(doc, ['packages', index, 'identifier']);
  const versionNode = nodeAt(doc, ['packages', index, 'version']);
  const version = typeof versionNode?.value === 'string' && versionNode.value !== '' ? versionNode.value : undefined;
  const baseNode = nodeAt(doc, ['packages', index, 'registryBaseUrl']);
  const base = typeof baseNode?.value === 'string' && baseNode.value !== '' ? baseNode.value : undefined;
  const reference = identifier === undefined ? undefined : canonicalReference(identifier, base, version);
  const fix = reference === undefined ? undefined : {
    title: l10n.t('Use the image reference {0}', reference),
    edits: [combinedEdit(doc.text, [
      (text) => editsToSet(text, ['packages', index, 'identifier'], reference),
      (text) => editsToSet(text, ['packages', index, 'registryBaseUrl'], undefined),
      (text) => editsToSet(text, ['packages', index, 'version'], undefined),
    ])],
  };
  if (base !== undefined && baseNode) {
    problems.push({
      severity: 'warning',
      code: 'oci-legacy-registry-base-url',
      message: reference
        ? l10n.t('VS Code\'s MCP gallery turns an OCI package with `registryBaseUrl` into an invalid image reference in mcp.json, and registries that verify images at publish (the official one) refuse it: put the whole reference in `identifier` ("{0}")', reference)
        : l10n.t('VS Code\'s MCP gallery turns an OCI package with `registryBaseUrl` into an invalid image reference in mcp.json, and registries that verify images at publish (the official one) refuse it: put the whole reference in `identifier`'),
      path: formatPath(['packages', index, 'registryBaseUrl']),
      range: rangeOf(baseNode),
      ...(fix ? { fix } : {}),
    });
  }
  if (versionNode && version !== undefined) {
    problems.push({
      severity: 'warning',
      code: 'oci-version-field',
      message: reference
        ? l10n.t('An OCI image\'s tag belongs in `identifier` ("{0}"): clients ignore `{1}`, and registries that verify images at publish (the official one) refuse it', reference, formatPath(['packages', index, 'version']))
        : l10n.t('An OCI image\'s tag belongs in `identifier`: clients ignore `{0}`, and registries that verify images at publish (the official one) refuse it', formatPath(['packages', index, 'version'])),
      path: formatPath(['packages', index, 'version']),
      range: rangeOf(versionNode),
      fix: fix ?? { title: l10n.t('Remove `version` from the OCI package'), edits: editsToSet(doc.text, ['packages', index, 'version'], undefined) },
    });
  }
  return problems;
}

/** `registryBaseUrl` + `identifier` + `version` as one image reference, e.g. `docker.io/owner/image:1.2.0`. */
function canonicalReference(identifier: string, base: string | undefined, version: string | undefined): string | undefined {
  let reference = identifier;
  if (base !== undefined && !hasRegistryHost(identifier)) {
    const host = /^https?:\/\/([^/]+)\/?$/.exec(base)?.[1];
    if (!host) return undefined;
    reference = `${host}/${identifier}`;
  }
  if (version !== undefined && !hasOciTagOrDigest(reference)) reference = `${reference}:${version}`;
  return reference === identifier && base === undefined && version === undefined ? undefined : reference;
}

function hasRegistryHost(reference: string): boolean {
  const first = reference.split('/')[0] ?? '';
  return reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
}

export function hasOciTagOrDigest(reference: string): boolean {
  if (reference.includes('@')) return true;
  const lastSegment = reference.slice(reference.lastIndexOf('/') + 1);
  return lastSegment.includes(':');
}

function argumentProblems(doc: JsonDocument, at: Segment[]): Problem[] {
  if (stringAt(doc, [...at, 'type']) !== 'named') return [];
  const nameNode = nodeAt(doc, [...at, 'name']);
  const name = typeof nameNode?.value === 'string' ? nameNode.value : '';
  const path = formatPath([...at, 'name']);
  if (name === '') {
    return [{ severity: 'error', code: 'named-argument-name-required', message: l10n.t('The registry will refuse named argument `{0}` without a `name` (the flag, such as "--port")', formatPath(at)), path, range: nameNode ? rangeOf(nameNode) : missingPropertyRange(doc, at, ['type']) }];
  }
  const problems: Problem[] = [];
  if (/[<> $]/.test(name)) {
    problems.push({
      severity: 'error',
      code: 'invalid-named-argument-name',
      message: l10n.t('The registry will refuse the argument name "{0}": a name is only the flag (such as "--port"), without spaces, "$" or <placeholders>; put the value in `value` or `default` and the explanation in `description`', name),
      path,
      range: rangeOf(nameNode!),
    });
  }
  for (const field of ['value', 'default'] as const) {
    const node = nodeAt(doc, [...at, field]);
    if (typeof node?.value !== 'string' || node.value === '' || !node.value.startsWith(name)) continue;
    problems.push({
      severity: 'error',
      code: field === 'value' ? 'argument-value-starts-with-name' : 'argument-default-starts-with-name',
      message: l10n.t('The registry will refuse `{0}` "{1}": it starts with the argument\'s own name "{2}"; clients add the name themselves, so write only the value', formatPath([...at, field]), node.value, name),
      path: formatPath([...at, field]),
      range: rangeOf(node),
    });
  }
  return problems;
}

function packageTransportProblems(doc: JsonDocument, index: number): Problem[] {
  const at: Segment[] = ['packages', index, 'transport'];
  const type = stringAt(doc, [...at, 'type']);
  const urlNode = nodeAt(doc, [...at, 'url']);
  const url = typeof urlNode?.value === 'string' ? urlNode.value : '';
  const urlPath = formatPath([...at, 'url']);
  if (type === 'stdio') {
    if (url === '' || !urlNode) return [];
    return [{
      severity: 'error',
      code: 'stdio-transport-url-not-empty',
      message: l10n.t('The registry will refuse a `url` on a stdio transport (`{0}`): stdio servers are started as a process, not reached at an address; remove it or change the transport type', urlPath),
      path: urlPath,
      range: rangeOf(urlNode),
      fix: { title: l10n.t('Remove the url from the stdio transport'), edits: editsToSet(doc.text, [...at, 'url'], undefined) },
    }];
  }
  if (type !== 'streamable-http' && type !== 'sse') return [];
  if (url === '') {
    return [{ severity: 'error', code: 'streamable-transport-url-required', message: l10n.t('The registry will refuse a {0} transport without `url` (`{1}`)', type, urlPath), path: urlPath, range: urlNode ? rangeOf(urlNode) : missingPropertyRange(doc, at, ['type']) }];
  }
  if (!httpUrlShape(url).ok) {
    return [{ severity: 'error', code: 'invalid-templated-url', message: l10n.t('The registry will refuse `{0}` "{1}": it must be an http:// or https:// address', urlPath, url), path: urlPath, range: rangeOf(urlNode!) }];
  }
  const available = new Set(packageVariables(doc, index));
  const missing = templateVariables(url).filter((name) => !available.has(name));
  if (missing.length === 0) return [];
  const list = missing.map((name) => `{${name}}`).join(', ');
  const names = [...available].join(', ');
  return [{
    severity: 'error',
    code: 'invalid-templated-url',
    message: missing.length === 1
      ? (available.size > 0
        ? l10n.t('The registry will refuse `{0}`: {1} is not defined; a package URL may only use the names of its environment variables and arguments ({2})', urlPath, list, names)
        : l10n.t('The registry will refuse `{0}`: {1} is not defined; a package URL may only use the names of its environment variables and arguments', urlPath, list))
      : (available.size > 0
        ? l10n.t('The registry will refuse `{0}`: {1} are not defined; a package URL may only use the names of its environment variables and arguments ({2})', urlPath, list, names)
        : l10n.t('The registry will refuse `{0}`: {1} are not defined; a package URL may only use the names of its environment variables and arguments', urlPath, list)),
    path: urlPath,
    range: rangeOf(urlNode!),
  }];
}

function packageVariables(doc: JsonDocument, index: number): string[] {
  const names: string[] = [];
  elementsOf(nodeAt(doc, ['packages', index, 'environmentVariables'])).forEach((_, i) => {
    const name = stringAt(doc, ['packages', index, 'environmentVariables', i, 'name']);
    if (name) names.push(name);
  });
  for (const list of ['runtimeArguments', 'packageArguments']) {
    elementsOf(nodeAt(doc, ['packages', index, list])).forEach((_, i) => {
      for (const field of ['name', 'valueHint']) {
        const value = stringAt(doc, ['packages', index, list, i, field]);
        if (value) names.push(value);
      }
    });
  }
  return names;
}
