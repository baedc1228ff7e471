/** User-configured extra places (`mcpVersions.bump.extraFiles`): a JSON path or a regular expression per file. */
import { parseJsonPath, parseJsonText, replaceStringValue, stringNodeAt } from './jsonText';
import type { ExtraFileInput, ExtraFileRule, PlannedEdit } from './types';
import type { ManifestResult } from './manifestPlaces';

/** Why a rule of the setting is unusable, or undefined when it is fine. */
export function checkExtraFileRule(rule: ExtraFileRule): string | undefined {
  if (typeof rule.path !== 'string' || rule.path.trim() === '') return 'an entry of mcpVersions.bump.extraFiles has no "path"';
  const hasJsonPath = typeof rule.jsonPath === 'string' && rule.jsonPath !== '';
  const hasRegex = typeof rule.regex === 'string' && rule.regex !== '';
  if (hasJsonPath === hasRegex) return `mcpVersions.bump.extraFiles entry "${rule.path}" needs exactly one of "jsonPath" or "regex"`;
  if (hasJsonPath && !parseJsonPath(rule.jsonPath!)) return `mcpVersions.bump.extraFiles entry "${rule.path}": "${rule.jsonPath}" is not a path such as serverInfo.version`;
  if (hasRegex) {
    let compiled: RegExp;
    try {
      compiled = new RegExp(rule.regex!, 'gd');
    } catch (error) {
      return `mcpVersions.bump.extraFiles entry "${rule.path}": the regular expression is invalid (${(error as Error).message})`;
    }
    if (new RegExp(`${compiled.source}|`).exec('')!.length < 2) return `mcpVersions.bump.extraFiles entry "${rule.path}": the regular expression needs a capture group around the version, e.g. version: '(.+?)'`;
  }
  return undefined;
}

export function extraFileEdits(input: ExtraFileInput, to: string, label: string): ManifestResult {
  const result: ManifestResult = { edits: [], notes: [], problems: [] };
  const problem = checkExtraFileRule(input.rule);
  if (problem) {
    result.problems.push(problem);
    return result;
  }
  if (input.rule.jsonPath) jsonPathEdit(input, to, label, result);
  else regexEdits(input, to, label, result);
  return result;
}

function jsonPathEdit(input: ExtraFileInput, to: string, label: string, result: ManifestResult): void {
  const jsonPath = input.rule.jsonPath!;
  const parsed = parseJsonText(input.source.text, true);
  if (parsed.error) {
    result.problems.push(`${label} is not valid JSON (${parsed.error})`);
    return;
  }
  const node = stringNodeAt(parsed.root, parseJsonPath(jsonPath)!);
  if (!node) {
    result.notes.push(`${label}: no string at ${jsonPath}, left alone`);
    return;
  }
  if (node.value !== to) result.edits.push(replaceStringValue(node, to, 'extra-json', `${jsonPath} ${String(node.value)} → ${to}`));
}

function regexEdits(input: ExtraFileInput, to: string, label: string, result: ManifestResult): void {
  const pattern = new RegExp(input.rule.regex!, 'gd');
  const edits: PlannedEdit[] = [];
  for (const match of input.source.text.matchAll(pattern)) {
    const span = match.indices?.[1];
    if (!span || match[1] === undefined) continue;
    if (match[1] !== to) edits.push({ offset: span[0], length: span[1] - span[0], newText: to, kind: 'extra-regex', label: `/${input.rule.regex}/ ${match[1]} → ${to}` });
  }
  if (edits.length === 0 && !input.source.text.match(new RegExp(input.rule.regex!))) result.notes.push(`${label}: /${input.rule.regex}/ matches nothing, left alone`);
  result.edits.push(...edits);
}
