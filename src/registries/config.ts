// The registries the user browses: the `mcpVersions.registries` setting plus, when set, the one
// VS Code's MCP gallery uses (`chat.mcp.gallery.serviceUrl`), de-duplicated by URL.
import * as vscode from 'vscode';
import { SECTION, SETTING, settings } from '../util/settings';
import { normalizeRegistryUrl } from './url';

export { normalizeRegistryUrl };

export type AuthMethod = 'github' | 'dns' | 'http' | 'none' | 'bearer';

export interface RegistryConfig {
  readonly name: string;
  /** Base URL without trailing slash or /v0.1. */
  readonly url: string;
  readonly auth?: AuthMethod;
  /** Where it was configured: our setting, or VS Code's gallery setting. */
  readonly source: 'settings' | 'gallery';
  /**
   * Whose settings define it: the extension's default, the user's, the workspace's (a cloned repository's
   * .vscode/settings.json: shown, but nothing secret is sent before the user approves its origin), or the gallery's.
   */
  readonly definedIn?: 'default' | 'user' | 'workspace' | 'gallery';
}

/** The official registry's host keeps GitHub as its sign-in when `auth` is not set. */
export const OFFICIAL_REGISTRY_HOST = 'registry.modelcontextprotocol.io';

/**
 * How a registry signs in: its `auth`; without one, GitHub on the official registry and none known
 * elsewhere (browsed anonymously; Sign In and writes ask before anything is sent).
 */
export function authMethodOf(registry: { url: string; auth?: AuthMethod }): AuthMethod | undefined {
  if (registry.auth) return registry.auth;
  try {
    const url = new URL(registry.url);
    return url.protocol === 'https:' && url.hostname === OFFICIAL_REGISTRY_HOST ? 'github' : undefined;
  } catch {
    return undefined;
  }
}

export { SECTION };
export const GALLERY_SETTING = SETTING.gallery;
const AUTH_METHODS: readonly AuthMethod[] = ['github', 'dns', 'http', 'none', 'bearer'];

export function readRegistries(): RegistryConfig[] {
  // Restricted Mode: the user's own registries only, never one a workspace names.
  const raw = settings.registries();
  const inspected = settings.inspectRegistries();
  // Arrays are not merged across scopes: the most specific scope that sets the array defines every entry.
  const definedIn: RegistryConfig['definedIn'] =
    vscode.workspace.isTrusted && (inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined)
      ? 'workspace'
      : inspected?.globalValue !== undefined
        ? 'user'
        : 'default';
  const out: RegistryConfig[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(raw) ? raw : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, url, auth } = entry as Record<string, unknown>;
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) continue;
    const normalized = normalizeRegistryUrl(url);
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    out.push({
      name: typeof name === 'string' && name.trim() ? name.trim() : normalized,
      url: normalized,
      auth: AUTH_METHODS.includes(auth as AuthMethod) ? (auth as AuthMethod) : undefined,
      source: 'settings',
      definedIn,
    });
  }
  const gallery = settings.galleryUrl();
  if (typeof gallery === 'string' && /^https?:\/\//i.test(gallery.trim())) {
    const normalized = normalizeRegistryUrl(gallery);
    if (!seen.has(normalized)) out.push({ name: vscode.l10n.t('MCP gallery ({0})', new URL(normalized).host), url: normalized, source: 'gallery', definedIn: 'gallery' });
  }
  return out;
}

export function affectsRegistries(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SETTING.registries) || event.affectsConfiguration(GALLERY_SETTING);
}

interface SettingEntry {
  name: string;
  url: string;
  auth?: AuthMethod;
}

/** Appends a registry to the user (global) setting, keeping entries from other scopes out of it. */
export async function addRegistryToSettings(entry: SettingEntry): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<SettingEntry[]>('registries');
  const current = inspected?.globalValue ?? inspected?.defaultValue ?? [];
  await config.update('registries', [...current, entry], vscode.ConfigurationTarget.Global);
}

/**
 * Removes a registry (by URL) from every scope where it is configured. Returns false when it is not
 * in the setting at all (e.g. it comes from chat.mcp.gallery.serviceUrl).
 */
export async function removeRegistryFromSettings(url: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<SettingEntry[]>('registries');
  const target = normalizeRegistryUrl(url);
  const keep = (list: SettingEntry[]) => list.filter((e) => typeof e?.url !== 'string' || normalizeRegistryUrl(e.url) !== target);
  let removed = false;
  const scopes: [SettingEntry[] | undefined, vscode.ConfigurationTarget][] = [
    [inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace],
    [inspected?.globalValue, vscode.ConfigurationTarget.Global],
  ];
  for (const [value, target] of scopes) {
    if (!value) continue;
    const next = keep(value);
    if (next.length !== value.length) {
      await config.update('registries', next, target);
      removed = true;
    }
  }
  if (!removed && !inspected?.globalValue && inspected?.defaultValue) {
    const next = keep(inspected.defaultValue);
    if (next.length !== inspected.defaultValue.length) {
      await config.update('registries', next, vscode.ConfigurationTarget.Global);
      removed = true;
    }
  }
  return removed;
}
