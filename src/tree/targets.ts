// The one "node or pick" step: what a command acts on is the node it was invoked on or, from the palette,
// what the user picks (registry → server → version) through the interaction layer.
import type { TreeNode, RegistryNode, ServerNode } from './nodes';
import type { Prompts } from '../commands/prompts';
import { ALL_VERSIONS, pickRegistry, pickServer, pickVersion } from './pickers';
import type { RegistryTreeProvider } from './provider';
import type { VersionRow } from './versionRows';

export interface VersionTarget {
  readonly registry: RegistryNode;
  readonly server: ServerNode;
  readonly row: VersionRow;
}

export interface ServerTarget {
  readonly registry: RegistryNode;
  readonly server: ServerNode;
}

export function isTreeNode(value: unknown): value is TreeNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { id?: unknown }).id === 'string';
}

export async function registryTarget(ui: Prompts, provider: RegistryTreeProvider, arg: unknown, title: string): Promise<RegistryNode> {
  if (isTreeNode(arg)) {
    if (arg.kind === 'registry') return arg;
    if (arg.kind === 'server' || arg.kind === 'filter' || arg.kind === 'loadMore' || arg.kind === 'error') return arg.registry;
    if (arg.kind === 'version') return arg.server.registry;
  }
  return pickRegistry(ui, provider, title);
}

export async function serverTarget(ui: Prompts, provider: RegistryTreeProvider, arg: unknown, title: string): Promise<ServerTarget> {
  if (isTreeNode(arg) && arg.kind === 'server') return { registry: arg.registry, server: arg };
  if (isTreeNode(arg) && arg.kind === 'version') return { registry: arg.server.registry, server: arg.server };
  const registry = await registryTarget(ui, provider, arg, title);
  return { registry, server: await pickServer(ui, provider, registry, title) };
}

export interface VersionPickOptions {
  title: string;
  includeDeleted?: boolean;
  filter?: (row: VersionRow) => boolean;
}

export async function versionTarget(ui: Prompts, provider: RegistryTreeProvider, arg: unknown, options: VersionPickOptions): Promise<VersionTarget> {
  if (isTreeNode(arg) && arg.kind === 'version') return { registry: arg.server.registry, server: arg.server, row: arg.row };
  const { registry, server } = await serverTarget(ui, provider, arg, options.title);
  const row = await pickVersion(ui, provider, server, options);
  if (row === ALL_VERSIONS) throw new Error('unreachable: all versions was not offered');
  return { registry, server, row };
}

/** A version, or all versions of a server (status commands from a server node or the palette). */
export async function versionOrAllTarget(
  ui: Prompts,
  provider: RegistryTreeProvider,
  arg: unknown,
  options: VersionPickOptions,
): Promise<ServerTarget & { row?: VersionRow }> {
  if (isTreeNode(arg) && arg.kind === 'version') return { registry: arg.server.registry, server: arg.server, row: arg.row };
  if (isTreeNode(arg) && arg.kind === 'server') return { registry: arg.registry, server: arg };
  const { registry, server } = await serverTarget(ui, provider, arg, options.title);
  const row = await pickVersion(ui, provider, server, { ...options, allowAll: true });
  return row === ALL_VERSIONS ? { registry, server } : { registry, server, row };
}
