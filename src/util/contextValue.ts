// The one contextValue grammar of every view (Registry, This Workspace, Environments):
//   mcpv:<kind>[:<flag>]*   e.g. mcpv:version:latest:deprecated:mine, mcpv:environment:deployable:secrets,
//                           mcpv:serverJson:ahead, mcpv:deployment:verified
// <kind> names the node (camelCase), each <flag> is one camelCase word, in a fixed order per kind, present
// or absent (a state is a flag too). package.json menus anchor the kind and match flags as whole words,
// never by position: `viewItem =~ /^mcpv:version\b.*:mine\b/`, `/^mcpv:registry\b(?!.*:anonymous\b)/`.
export function contextValue(kind: string, flags: Iterable<string | false | undefined> = []): string {
  return ['mcpv', kind, ...[...flags].filter((flag): flag is string => !!flag)].join(':');
}
