import * as l10n from '@vscode/l10n';
import { checkVersionString } from '../versioning/versionString';
import { elementsOf, missingPropertyRange, nodeAt, rangeOf, type JsonDocument, type Segment, formatPath } from './jsonDocument';
import type { Problem } from './types';

const DESCRIPTION_LIMIT = 100;
/** Version warnings about registry ordering only matter for the server version, not package versions. */
const SERVER_ONLY_VERSION_WARNINGS = new Set(['version-not-semver', 'version-v-prefix', 'version-build-metadata']);

export function descriptionProblems(doc: JsonDocument, schemaChecked: boolean): Problem[] {
  const node = nodeAt(doc, ['description']);
  if (!node) {
    if (schemaChecked) return [];
    return [{ severity: 'error', code: 'description-empty', message: l10n.t('`description` is required (1 to 100 characters)'), path: 'description', range: missingPropertyRange(doc, [], ['name']) }];
  }
  if (node.type !== 'string' || typeof node.value !== 'string') return [];
  const length = [...node.value].length;
  if (length > DESCRIPTION_LIMIT) {
    return [{
      severity: 'error',
      code: 'description-too-long',
      message: l10n.t('`description` must be at most {0} characters (it has {1}); the registry refuses the publish with HTTP 422', DESCRIPTION_LIMIT, length),
      path: 'description',
      range: rangeOf(node),
    }];
  }
  if (length === 0) {
    return [{ severity: 'error', code: 'description-empty', message: l10n.t('The registry will refuse an empty `description`: write 1 to 100 characters (VS Code\'s MCP gallery also hides servers without one)'), path: 'description', range: rangeOf(node) }];
  }
  if (node.value.trim() === '') {
    return [{ severity: 'warning', code: 'client-vscode-hides-description', message: l10n.t('VS Code\'s MCP gallery hides a server whose `description` is blank: write what the server does'), path: 'description', range: rangeOf(node) }];
  }
  return [];
}

/** The registry's version-string rules for `version` and every `packages[].version`. */
export function versionProblems(doc: JsonDocument, schemaChecked: boolean): Problem[] {
  const problems: Problem[] = [];
  const serverVersion = nodeAt(doc, ['version']);
  if (!serverVersion && !schemaChecked) {
    problems.push({ severity: 'error', code: 'version-missing', message: l10n.t('`version` is required (e.g. "1.0.0")'), path: 'version', range: missingPropertyRange(doc, [], ['name']) });
  }
  problems.push(...checkVersionAt(doc, ['version'], true));
  elementsOf(nodeAt(doc, ['packages'])).forEach((_, index) => problems.push(...checkVersionAt(doc, ['packages', index, 'version'], false)));
  return problems;
}

function checkVersionAt(doc: JsonDocument, segments: Segment[], isServerVersion: boolean): Problem[] {
  const node = nodeAt(doc, segments);
  if (node?.type !== 'string' || typeof node.value !== 'string') return [];
  const check = checkVersionString(node.value);
  const path = formatPath(segments);
  const label = (message: string) => (isServerVersion ? message : l10n.t('`{0}`: {1}', path, message));
  const warnings = isServerVersion ? check.warnings : check.warnings.filter((warning) => !SERVER_ONLY_VERSION_WARNINGS.has(warning.code));
  return [
    ...check.problems.map((problem): Problem => ({ severity: 'error', code: problem.code, message: label(problem.message), path, range: rangeOf(node) })),
    ...warnings.map((warning): Problem => ({ severity: 'warning', code: warning.code, message: label(warning.message), path, range: rangeOf(node) })),
  ];
}

/** Versions can never be reused on a registry, not even after deletion. */
export function publishedVersionProblems(doc: JsonDocument, publishedVersions: readonly string[] | undefined): Problem[] {
  if (!Array.isArray(publishedVersions) || publishedVersions.length === 0) return [];
  const node = nodeAt(doc, ['version']);
  if (node?.type !== 'string' || typeof node.value !== 'string') return [];
  if (!publishedVersions.includes(node.value)) return [];
  // Information, not an error: right after a publish this is the normal state. Publish itself refuses a reused version.
  return [{
    severity: 'info',
    code: 'version-already-published',
    message: l10n.t('{0} is published — bump the version before the next publish (a version can never be published twice, even after deletion)', node.value),
    path: 'version',
    range: rangeOf(node),
  }];
}
