/** Whether `uri` names a server.json the extension works on (any folder but node_modules). */
export function isServerJson(uri: { readonly path: string }): boolean {
  return /(^|\/)server\.json$/.test(uri.path) && !/\/node_modules\//.test(uri.path);
}
