// Registry URLs compared the way the extension de-duplicates them (pure).

/** The comparable form of a registry URL: lower-case scheme and host, no trailing slash or API version segment. */
export function normalizeRegistryUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '').replace(/\/(v0\.1|v0)$/, '');
  try {
    const parsed = new URL(trimmed);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return trimmed;
  }
}
