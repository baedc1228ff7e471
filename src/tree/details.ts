// What a version *is*: its packages and remotes as child nodes (type, identifier, version, transport,
// environment variables with secrets marked, headers, arguments).
import type { Argument, Input, KeyValueInput, Package, RemoteTransport, ServerJSON } from '../registry';
import { DELIVERY_ICONS, DELIVERY_LABELS, type DeliveryKind } from './packageKind';
import type { DetailNode } from './nodes';

export function versionDetails(server: ServerJSON, idPrefix: string): DetailNode[] {
  const nodes: DetailNode[] = [];
  (server.packages ?? []).forEach((pkg, i) => nodes.push(packageNode(pkg, `${idPrefix}|p${i}`)));
  (server.remotes ?? []).forEach((remote, i) => nodes.push(remoteNode(remote, `${idPrefix}|r${i}`)));
  if (nodes.length === 0) nodes.push({ kind: 'detail', id: `${idPrefix}|none`, label: 'No packages or remotes', icon: 'info' });
  return nodes;
}

function packageNode(pkg: Package, id: string): DetailNode {
  const type = String(pkg.registryType).toLowerCase();
  const kind = (type in DELIVERY_ICONS ? type : 'other') as DeliveryKind;
  const children: DetailNode[] = [];
  const add = (key: string, label: string, description: string | undefined, icon: string, tooltip?: string, sub?: DetailNode[]) =>
    children.push({ kind: 'detail', id: `${id}|${key}`, label, description, icon, tooltip, children: sub });
  add('type', 'Registry type', `${type} (${DELIVERY_LABELS[kind]})`, 'symbol-enum');
  if (pkg.version) add('version', 'Version', pkg.version, 'tag');
  if (pkg.registryBaseUrl) add('base', 'Registry', pkg.registryBaseUrl, 'link');
  if (pkg.runtimeHint) add('runtime', 'Runtime', pkg.runtimeHint, 'terminal');
  const transport = pkg.transport;
  add('transport', 'Transport', transport.type === 'stdio' ? 'stdio' : `${transport.type} ${transport.url}`, 'plug');
  if (transport.type !== 'stdio' && transport.headers?.length) add('headers', 'Headers', String(transport.headers.length), 'list-unordered', undefined, keyValues(transport.headers, `${id}|h`));
  if (pkg.environmentVariables?.length) {
    add('env', 'Environment variables', String(pkg.environmentVariables.length), 'symbol-variable', undefined, keyValues(pkg.environmentVariables, `${id}|e`));
  }
  const args = [...(pkg.runtimeArguments ?? []).map((a) => ['runtime', a] as const), ...(pkg.packageArguments ?? []).map((a) => ['package', a] as const)];
  if (args.length) {
    add('args', 'Arguments', String(args.length), 'symbol-parameter', undefined, args.map(([where, arg], i) => argumentNode(arg, where, `${id}|a${i}`)));
  }
  if (pkg.fileSha256) add('sha', 'SHA-256', pkg.fileSha256, 'shield');
  return {
    kind: 'package',
    id,
    label: pkg.identifier,
    description: [type, pkg.version, transport.type].filter(Boolean).join(' · '),
    icon: DELIVERY_ICONS[kind],
    children,
  };
}

function remoteNode(remote: RemoteTransport, id: string): DetailNode {
  const children: DetailNode[] = [{ kind: 'detail', id: `${id}|type`, label: 'Transport', description: remote.type, icon: 'plug' }];
  if (remote.headers?.length) {
    children.push({ kind: 'detail', id: `${id}|headers`, label: 'Headers', description: String(remote.headers.length), icon: 'list-unordered', children: keyValues(remote.headers, `${id}|h`) });
  }
  const variables = Object.entries(remote.variables ?? {});
  if (variables.length) {
    children.push({
      kind: 'detail',
      id: `${id}|vars`,
      label: 'URL variables',
      description: String(variables.length),
      icon: 'symbol-variable',
      children: variables.map(([name, input], i) => inputNode(name, input, `${id}|v${i}`)),
    });
  }
  return { kind: 'remote', id, label: remote.url, description: `remote · ${remote.type}`, icon: DELIVERY_ICONS.remote, children };
}

function keyValues(items: KeyValueInput[], id: string): DetailNode[] {
  return items.map((item, i) => inputNode(item.name, item, `${id}${i}`));
}

function inputNode(name: string, input: Input, id: string): DetailNode {
  const flags = [input.isSecret ? 'secret' : undefined, input.isRequired ? 'required' : undefined].filter(Boolean);
  const value = input.value ?? (input.default !== undefined ? `default ${input.default}` : undefined);
  const description = [value && !input.isSecret ? value : undefined, ...flags].filter(Boolean).join(' · ');
  return { kind: 'detail', id, label: name, description, icon: input.isSecret ? 'lock' : 'symbol-variable', tooltip: input.description };
}

function argumentNode(arg: Argument, where: 'runtime' | 'package', id: string): DetailNode {
  const label = arg.type === 'named' ? arg.name : (arg.valueHint ?? arg.value ?? 'positional');
  const value = arg.value ?? arg.default;
  const description = [where, arg.type, value, arg.isRequired ? 'required' : undefined, arg.isRepeated ? 'repeated' : undefined].filter(Boolean).join(' · ');
  return { kind: 'detail', id, label, description, icon: arg.isSecret ? 'lock' : 'symbol-parameter', tooltip: arg.description };
}
