import type { ValidateFunction } from 'ajv';

/** A schema's validator generated at build time by ajv's standalone code (what compiling the schema would give). */
export type ShippedValidator = ValidateFunction;

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The file the edits apply to (e.g. package.json); absent means the server.json being validated. */
  file?: string;
}

export interface Problem {
  severity: Severity;
  code: string;
  message: string;
  /** JSON path such as `packages[0].version`; '' for the document. */
  path: string;
  /** Character offsets into the server.json text. */
  range: { start: number; end: number };
  fix?: QuickFix;
}

export interface WorkspaceFile {
  text: string;
  path: string;
}

export interface ValidationContext {
  /** The workspace package.json of the npm package the server ships. */
  packageJson?: WorkspaceFile;
  pyprojectToml?: WorkspaceFile;
  /** Versions already on the target registry, including deleted ones. */
  publishedVersions?: string[];
}

export interface ValidateOptions {
  /** `$schema` URL → official schema document. */
  schemas?: Record<string, object>;
  /** The validators the build generated for some of those schemas (dist/schemas/official/*.validate.js). */
  shippedValidators?: { get(schema: object): ShippedValidator | undefined };
  context?: ValidationContext;
}

export type VersionFieldKind = 'server' | 'package' | 'oci-tag' | 'mcpb-url';

export interface VersionField {
  path: string;
  /** Offset of the version characters themselves (inside the string's quotes). */
  offset: number;
  length: number;
  value: string;
  kind: VersionFieldKind;
}
