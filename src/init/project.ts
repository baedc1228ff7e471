import type { DraftNote, PackageKind } from './types';

/** Where a package's ownership marker lives, or would be added. */
export type MarkerPlace =
  | { type: 'npm'; file: string }
  /** `mcp-name: <name>` in the README the package registry shows; `style` is how a new line is written. */
  | { type: 'readme'; file: string; style: 'html-comment' | 'rst-comment' | 'plain' }
  /** `LABEL io.modelcontextprotocol.server.name=<name>`, inserted at `afterOffset`: after the final stage's FROM line, or at the end when a label is there already. */
  | { type: 'dockerfile'; file: string; afterOffset: number }
  /** MCPB: the registry checks the bundle's URL and SHA-256, not a marker. */
  | { type: 'none' };

export interface EnvVar {
  name: string;
  description?: string;
  isSecret?: boolean;
  isRequired?: boolean;
  default?: string;
  source: string;
}

/** What one manifest says about the package it builds. */
export interface Project {
  kind: PackageKind;
  file: string;
  identifier: string;
  version?: string;
  description?: string;
  title?: string;
  markerName?: string;
  marker: MarkerPlace;
  repositoryUrl?: string;
  /** From the manifest (npm `repository.directory`). */
  subfolder?: string;
  /** False for packages that are never published (`"private": true`, `publish = false`). */
  publishable: boolean;
  /** Package fields besides registryType/identifier/version/transport/environmentVariables. */
  fields: Record<string, unknown>;
  environment: EnvVar[];
  notes: DraftNote[];
}
