// URL shapes the registry accepts for remotes, package transports, websites and icons, with `{variable}`
// templates (internal/validators/utils.go: extractTemplateVariables, replaceTemplateVariables,
// IsValidURL, IsValidRemoteURL, IsValidTemplatedURL).

const TEMPLATE = /\{([^}]+)\}/g;
const WELL_KNOWN: Record<string, string> = { '{host}': 'example.com', '{port}': '8080', '{path}': 'api', '{protocol}': 'http', '{scheme}': 'http' };

/** `https://{host}:{port}/mcp` → `['host', 'port']`. */
export function templateVariables(url: string): string[] {
  return [...url.matchAll(TEMPLATE)].map((match) => match[1]!);
}

/** The URL with each `{variable}` replaced by something that parses in its position (a port after `:`). */
function withPlaceholders(url: string): string {
  let out = url;
  for (const [template, value] of Object.entries(WELL_KNOWN)) out = out.split(template).join(value);
  out = out.replace(/:(\{[^}]+\})(\/|$)/g, ':8080$2');
  return out.replace(TEMPLATE, 'placeholder');
}

export type UrlShape =
  | { ok: true; hostname: string | undefined; scheme: string | undefined }
  | { ok: false };

/**
 * Whether `url` is an absolute http(s) URL with a host once its variables are filled in. A URL that starts
 * with a variable (`{baseUrl}/mcp`, allowed since registry v1.8) cannot be checked further.
 */
export function httpUrlShape(url: string): UrlShape {
  if (url.startsWith('{')) return { ok: true, hostname: undefined, scheme: undefined };
  let parsed: URL;
  try {
    parsed = new URL(withPlaceholders(url));
  } catch {
    return { ok: false };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false };
  if (parsed.hostname === '') return { ok: false };
  return { ok: true, hostname: parsed.hostname, scheme: parsed.protocol.slice(0, -1) };
}

export function isLocalhost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '127.0.0.1' || host.endsWith('.localhost');
}

/** The scheme of an absolute URL (`data`, `http`, …), undefined when the text is not one. */
export function schemeOf(url: string): string | undefined {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
}
