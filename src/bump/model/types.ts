/** Shapes shared by the bump planner (pure, no vscode). */

/** A file the bump reads; `id` is how the caller finds it again (a URI string or a path). */
export interface BumpSource {
  readonly id: string;
  readonly text: string;
}

/** One entry of the `mcpVersions.bump.extraFiles` setting. */
export interface ExtraFileRule {
  /** Workspace-relative path or glob. */
  readonly path: string;
  /** Dotted path into a JSON file, e.g. "serverInfo.version" or "servers[0].version". */
  readonly jsonPath?: string;
  /** A regular expression whose first capture group is the version. */
  readonly regex?: string;
}

export type PlaceKind =
  | 'server'
  | 'package'
  | 'oci-tag'
  | 'mcpb-url'
  | 'mcpb-sha256'
  | 'package-json'
  | 'pyproject'
  | 'extra-json'
  | 'extra-regex';

/** One replacement in one file, relative to the text the plan was computed from. */
export interface PlannedEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
  readonly kind: PlaceKind;
  /** What changes, in words: `packages[0].version 1.4.0 → 1.5.0`. */
  readonly label: string;
}

export interface FilePlan {
  readonly id: string;
  readonly edits: readonly PlannedEdit[];
}

export interface BumpPlan {
  readonly from: string;
  readonly to: string;
  /** Files with at least one edit, server.json first. */
  readonly files: readonly FilePlan[];
  /** Things the user must check (an MCPB file hash that could not be recomputed, …). */
  readonly warnings: readonly string[];
  /** Places deliberately left alone, with the reason. */
  readonly notes: readonly string[];
}

export interface ExtraFileInput {
  readonly source: BumpSource;
  readonly rule: ExtraFileRule;
}

export interface BumpInputs {
  readonly serverJson: BumpSource;
  readonly newVersion: string;
  /** package.json files from the server.json folder up to the workspace root. */
  readonly packageJsons?: readonly BumpSource[];
  /** pyproject.toml files from the server.json folder up to the workspace root. */
  readonly pyprojects?: readonly BumpSource[];
  readonly extraFiles?: readonly ExtraFileInput[];
  /** sha256 (hex) of the new MCPB file per `packages[]` index, when it is in the workspace. */
  readonly mcpbHashes?: Readonly<Record<number, { sha256: string; foundAt: string }>>;
}

/** Refusal: some file cannot be read or parsed, so nothing is changed. */
export class BumpPlanError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `The version cannot be bumped:\n${problems.map((p) => `• ${p}`).join('\n')}`);
    this.name = 'BumpPlanError';
  }
}
