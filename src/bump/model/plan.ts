/** planBump: every edit of a version bump computed up front, or a refusal that changes nothing. */
import { checkVersionString } from '../../versioning';
import { extraFileEdits } from './extraPlaces';
import { packageJsonEdits, pyprojectEdits, type ManifestResult } from './manifestPlaces';
import { mcpbHashEdits, readServerJsonFacts, serverJsonFieldEdits } from './serverJsonPlaces';
import { BumpPlanError, type BumpInputs, type BumpPlan, type FilePlan, type PlannedEdit } from './types';

export interface PlanOptions {
  /** How a file id is named in messages (defaults to the id itself). */
  readonly describe?: (id: string) => string;
}

export function planBump(inputs: BumpInputs, options: PlanOptions = {}): BumpPlan {
  const describe = options.describe ?? ((id: string) => id);
  const facts = readServerJsonFacts(inputs.serverJson.text);
  if (typeof facts === 'string') throw new BumpPlanError([`${describe(inputs.serverJson.id)}: ${facts}`]);
  const to = inputs.newVersion;
  const check = checkVersionString(to);
  if (!check.ok) throw new BumpPlanError(check.problems.map((p) => p.message));
  if (to === facts.version) throw new BumpPlanError([`server.json is already at ${to}`]);

  const problems: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  const byFile = new Map<string, PlannedEdit[]>();
  const add = (id: string, edits: readonly PlannedEdit[]) => {
    if (edits.length > 0) byFile.set(id, [...(byFile.get(id) ?? []), ...edits]);
  };
  const collect = (id: string, result: ManifestResult) => {
    add(id, result.edits);
    notes.push(...result.notes);
    problems.push(...result.problems);
  };

  const server = inputs.serverJson;
  add(server.id, serverJsonFieldEdits(server.text, facts.version, to));
  const hashes = mcpbHashEdits(server.text, to, inputs.mcpbHashes);
  add(server.id, hashes.edits);
  warnings.push(...hashes.warnings);
  for (const source of inputs.packageJsons ?? []) collect(source.id, packageJsonEdits(source, facts, to, describe(source.id)));
  for (const source of inputs.pyprojects ?? []) collect(source.id, pyprojectEdits(source, facts, to, describe(source.id)));
  for (const extra of inputs.extraFiles ?? []) collect(extra.source.id, extraFileEdits(extra, to, describe(extra.source.id)));

  if (problems.length > 0) throw new BumpPlanError(problems);
  const files: FilePlan[] = [];
  for (const [id, edits] of byFile) files.push({ id, edits: withoutOverlaps(id, edits, describe) });
  return { from: facts.version, to, files, warnings, notes };
}

/** Edits sorted by offset; the same edit planned twice (a file matched by two rules) is kept once. */
function withoutOverlaps(id: string, edits: readonly PlannedEdit[], describe: (id: string) => string): PlannedEdit[] {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const out: PlannedEdit[] = [];
  for (const edit of sorted) {
    const previous = out[out.length - 1];
    if (previous && previous.offset === edit.offset && previous.length === edit.length && previous.newText === edit.newText) continue;
    if (previous && edit.offset < previous.offset + previous.length) {
      throw new BumpPlanError([`${describe(id)}: two rules change the same text (${previous.label}; ${edit.label})`]);
    }
    out.push(edit);
  }
  return out;
}

/** The text after the planned edits (for tests, the benchmark and previews). */
export function applyPlannedEdits(text: string, edits: readonly PlannedEdit[]): string {
  let out = '';
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(position, edit.offset) + edit.newText;
    position = edit.offset + edit.length;
  }
  return out + text.slice(position);
}
