export { validateServerJson } from './validate';
export { findServerJsonVersionFields } from './versionFields';
export { CURRENT_SCHEMA_URL, CURRENT_SCHEMA_VERSION, KNOWN_SCHEMA_VERSIONS, classifySchemaUrl, schemaUrlForVersion, schemaVersionOf } from './schemaVersions';
export type { Problem, QuickFix, Severity, TextEdit, ValidateOptions, ValidationContext, VersionField, VersionFieldKind, WorkspaceFile } from './types';
