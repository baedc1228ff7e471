/** The change model between two server.json documents (pure: no `vscode` import). */

/** How a change affects people who already run the server. */
export type Impact = 'breaking' | 'additive' | 'metadata';
export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';
export type Section = 'identity' | 'metadata' | 'packages' | 'remotes' | 'publisherMeta' | 'provenance';

/** Where MCP Versions records a publication's provenance inside the publisher-provided `_meta` (bookkeeping, not a change of the server). */
export const PROVENANCE_KEY = 'dev.mcp-versions/provenance';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface ChangeOwner {
  kind: 'package' | 'remote';
  /** Matching key: the same package/remote has the same key in both versions. */
  key: string;
  /** What to show, e.g. `npm @acme/weather` or `sse https://example.com/sse`. */
  label: string;
}

export type ChangeItemKind =
  | 'environmentVariable'
  | 'runtimeArgument'
  | 'packageArgument'
  | 'header'
  | 'variable'
  | 'transport'
  | 'field';

export interface ChangeItem {
  kind: ChangeItemKind;
  name: string;
}

export interface FieldChange {
  section: Section;
  /** Stable, human-readable path, e.g. `packages[npm @acme/weather].environmentVariables[API_KEY].isRequired`. */
  path: string;
  /** Which package/remote it belongs to, for grouping in the UI. */
  owner?: ChangeOwner;
  /** Which env var/argument/header/variable (or transport, or plain field) it belongs to. */
  item?: ChangeItem;
  kind: ChangeKind;
  /** Never present for the `value`/`default` of an input with `isSecret: true`. */
  before?: unknown;
  after?: unknown;
  secret?: boolean;
  /** Absent for 'unchanged'. */
  impact?: Impact;
  /** Words, e.g. "removes the required environment variable API_KEY (package npm @acme/weather)". */
  reason?: string;
}

export interface ServerDiff {
  /** Every leaf, including 'unchanged' ones (the UI can hide them). */
  changes: FieldChange[];
  /**
   * Changes per impact. The top-level `version` field is listed in `changes` but not counted:
   * it is the thing being judged, not a change to the server's contents.
   */
  counts: Record<Impact, number>;
  impliedBump: Bump;
}

export type ActualBump = 'major' | 'minor' | 'patch' | 'prerelease' | 'none' | 'downgrade' | 'not-semver';

export interface BumpJudgement {
  actual: ActualBump;
  implied: Bump;
  /** True when the version bump promises less than the changes need. */
  understated: boolean;
  message: string;
}

export const IMPACT_ORDER: readonly Impact[] = ['breaking', 'additive', 'metadata'];

export function bumpForCounts(counts: Record<Impact, number>): Bump {
  if (counts.breaking > 0) return 'major';
  if (counts.additive > 0) return 'minor';
  if (counts.metadata > 0) return 'patch';
  return 'none';
}
