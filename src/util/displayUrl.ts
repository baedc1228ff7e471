// URLs as the log shows them: scheme, host and path only. User info (credentials) and the query (keys,
// tokens) never reach the log; the query's parameter names are kept when they help (`?cursor&limit`).

export function displayUrl(url: string, options: { queryNames?: boolean } = {}): string {
  try {
    const parsed = new URL(url);
    const names = [...new Set(parsed.searchParams.keys())];
    const query = names.length === 0 ? '' : options.queryNames ? `?${names.map(encodeURIComponent).join('&')}` : '?…';
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
  } catch {
    return url.replace(/\/\/[^/?#]*@/, '//').replace(/[?#][\s\S]*$/, '');
  }
}
