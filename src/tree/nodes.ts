// The elements of the Registry tree. Server nodes are kept per registry so VS Code can refresh them by identity.
import type * as vscode from 'vscode';
import type { RegistryConfig } from '../registries/config';
import type { RegistryState } from './registryState';
import type { VersionRow } from './versionRows';

export interface RegistryNode {
  readonly kind: 'registry';
  readonly id: string;
  readonly config: RegistryConfig;
  readonly state: RegistryState;
  readonly servers: Map<string, ServerNode>;
}

export interface ServerNode {
  readonly kind: 'server';
  readonly id: string;
  readonly registry: RegistryNode;
  readonly name: string;
  readonly pinned: boolean;
  /** Version count shown in the description once the versions were loaded. */
  shownCount?: number;
}

export interface VersionNode {
  readonly kind: 'version';
  readonly id: string;
  readonly server: ServerNode;
  readonly row: VersionRow;
}

export interface DetailNode {
  readonly kind: 'package' | 'remote' | 'detail';
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: string;
  readonly children?: DetailNode[];
}

export interface LoadMoreNode {
  readonly kind: 'loadMore';
  readonly id: string;
  readonly registry: RegistryNode;
  loading: boolean;
}

export interface FilterNode {
  readonly kind: 'filter';
  readonly id: string;
  readonly registry: RegistryNode;
  readonly search: string;
}

export interface ErrorNode {
  readonly kind: 'error';
  readonly id: string;
  readonly registry: RegistryNode;
  readonly server?: ServerNode;
  readonly error: unknown;
}

export interface ActionNode {
  readonly kind: 'action';
  readonly id: string;
  readonly label: string;
  readonly icon: string;
  readonly command: vscode.Command;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly id: string;
  readonly label: string;
  readonly icon: string;
}

export type TreeNode = RegistryNode | ServerNode | VersionNode | DetailNode | LoadMoreNode | FilterNode | ErrorNode | ActionNode | MessageNode;

export function registryOf(node: TreeNode): RegistryNode | undefined {
  switch (node.kind) {
    case 'registry':
      return node;
    case 'server':
    case 'loadMore':
    case 'filter':
    case 'error':
      return node.registry;
    case 'version':
      return node.server.registry;
    default:
      return undefined;
  }
}
