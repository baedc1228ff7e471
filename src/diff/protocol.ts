/**
 * The one message protocol between the diff panel's host (src/diff) and its webview (webview/diff).
 * Pure types and guards: imported by both sides, so no `vscode` and no DOM here.
 */
import type { ActualBump, Bump, ChangeKind, Impact } from '../changes';

/** One side of a comparison: a published version, or a local server.json (by URI string). */
export type VersionRef =
  | { registryUrl: string; registryName: string; serverName: string; version: string }
  | { workspaceFile: string };

export function isWorkspaceRef(ref: VersionRef): ref is { workspaceFile: string } {
  return 'workspaceFile' in ref;
}

/** What the header shows about one side. */
export interface SideInfo {
  serverName: string;
  version: string;
  /** Registry display name, or "Workspace" for a local file. */
  origin: string;
  /** Registry URL, or the workspace-relative path of the local server.json. */
  location: string;
  publishedAt?: string;
  status?: 'active' | 'deprecated' | 'deleted';
  statusMessage?: string;
  isLatest?: boolean;
}

export type RowCategory =
  | 'entity'
  | 'field'
  | 'transport'
  | 'runtimeArgument'
  | 'packageArgument'
  | 'environmentVariable'
  | 'header'
  | 'variable';

export interface DisplayValue {
  text: string;
  /** Shown as a block (release notes, JSON objects) rather than inline. */
  block: boolean;
}

export interface ViewRow {
  /** The change model's path: stable, unique within a diff. */
  path: string;
  category: RowCategory;
  /** The env var / argument / header / variable name, when the row belongs to one. */
  itemName?: string;
  /** What changed within the item, e.g. `default`, or the whole item / package / remote. */
  field: string;
  kind: ChangeKind;
  before?: DisplayValue;
  after?: DisplayValue;
  impact?: Impact;
  reason?: string;
  /** The item is secret: its values are never sent to the webview. */
  secret: boolean;
  /** Release notes: rendered as text blocks. */
  notes: boolean;
}

export interface ViewGroup {
  key: string;
  title: string;
  /** e.g. "package" / "remote"; absent for plain field groups. */
  ownerKind?: 'package' | 'remote';
  /** Added / removed / changed / unchanged for the package or remote as a whole. */
  state: ChangeKind;
  rows: ViewRow[];
  changed: number;
}

export type SectionId = 'identity' | 'packages' | 'remotes' | 'publisherMeta' | 'provenance';

export interface ViewSection {
  id: SectionId;
  title: string;
  groups: ViewGroup[];
  changed: number;
  unchanged: number;
}

export interface DiffSummary {
  counts: Record<Impact, number>;
  implied: Bump;
  actual: ActualBump;
  understated: boolean;
  message: string;
}

export interface DiffView {
  title: string;
  left: SideInfo;
  right: SideInfo;
  summary: DiffSummary;
  sections: ViewSection[];
}

/** What the webview keeps with `setState` (and the serializer restores from): only the references. */
export interface PanelState {
  left: VersionRef;
  right: VersionRef;
}

export type HostMessage =
  | { type: 'loading'; title: string; state: PanelState }
  | { type: 'view'; view: DiffView; state: PanelState }
  | { type: 'error'; message: string; state: PanelState }
  | { type: 'copied' };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'rendered'; rows: number }
  | { type: 'swap' }
  | { type: 'retry' }
  | { type: 'openJsonDiff' }
  | { type: 'copyMarkdown' };

const WEBVIEW_TYPES: ReadonlySet<string> = new Set(['ready', 'rendered', 'swap', 'retry', 'openJsonDiff', 'copyMarkdown']);

export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !WEBVIEW_TYPES.has(type)) return false;
  return type !== 'rendered' || typeof (value as { rows?: unknown }).rows === 'number';
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

export function isVersionRef(value: unknown): value is VersionRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  if ('workspaceFile' in ref) return isString(ref.workspaceFile);
  return isString(ref.registryUrl) && typeof ref.registryName === 'string' && isString(ref.serverName) && isString(ref.version);
}

export function isPanelState(value: unknown): value is PanelState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return isVersionRef(state.left) && isVersionRef(state.right);
}
