import type { TextEdit } from '../serverJson/types';

/** Package types `draftServerJson` can draft (the `registryType` of a server.json package). */
export type PackageKind = 'npm' | 'pypi' | 'nuget' | 'oci' | 'mcpb' | 'cargo';

export type RemoteTransportType = 'streamable-http' | 'sse';

export interface DraftInput {
  /**
   * Project files, keyed by path relative to the folder that will hold server.json, `/`-separated:
   * `package.json`, `README.md`, `src/Weather.csproj`, `../package.json` (a monorepo's root)…
   */
  files: Record<string, string>;
  /** `git remote get-url origin` of the repository (https, ssh or scp-like `git@host:owner/repo`). */
  gitRemoteUrl?: string;
  /** A hosted endpoint to publish as `remotes[0]` (a remote-only server when no package is included). */
  remote?: { url: string; type: RemoteTransportType };
  /** The server name the user confirmed; wins over every marker, and marker edits follow it. */
  name?: string;
  /** A namespace the user can publish under (`io.github.alice`, or `com.example` with key proof); used when no marker names the server. */
  namespace?: string;
  /** Path of this folder from the repository root (a monorepo package), e.g. `packages/weather`. */
  subfolder?: string;
  /** Which detected packages go into the draft. Default: none when `remote` is given; else the primary package plus any that already carry an ownership marker. */
  include?: PackageKind[];
  /** SHA-256 (hex) of the .mcpb file, when the caller could hash it. */
  mcpbFileSha256?: string;
}

export type NoteKind = 'info' | 'todo' | 'markerEdit';

export interface DraftNote {
  /** info: where a value came from; todo: something the user must confirm or fill in; markerEdit: an ownership marker to add (see `markerEdits`). */
  kind: NoteKind;
  message: string;
  /** The server.json path the note is about, e.g. `name`, `packages[0].version`. */
  field?: string;
  /** Where the value came from: a key of `files`, `git remote`, or `input`. For markerEdit notes: the file to edit. */
  source?: string;
}

export interface MarkerEdit {
  /** Key of `files` to change (or to create, when `createsFile`). */
  file: string;
  kind: 'npm-mcpName' | 'readme-mcp-name' | 'dockerfile-label';
  /** One sentence for the user, e.g. `Add "mcpName": "io.github.alice/weather" to package.json`. */
  description: string;
  createsFile: boolean;
  /** Edits against `files[file]` (against '' when the file is created); offsets in UTF-16 code units. */
  edits: TextEdit[];
  /** The whole file after the edits. */
  newText: string;
}

/** A package found in the project, whether or not it went into the draft. */
export interface DetectedPackage {
  kind: PackageKind;
  /** The manifest it was read from (a key of `files`). */
  file: string;
  identifier: string;
  version?: string;
  /** The server name its ownership marker declares, if it has one. */
  markerName?: string;
  included: boolean;
}

export interface DraftResult {
  /** A server.json object on the current schema, ready for `JSON.stringify(serverJson, null, 2)`. */
  serverJson: Record<string, unknown>;
  notes: DraftNote[];
  /** The ownership markers the registry needs and the project lacks, one edit per file. */
  markerEdits: MarkerEdit[];
  detected: DetectedPackage[];
}
