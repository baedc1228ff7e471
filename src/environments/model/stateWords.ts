/**
 * What an environment row leads with: its state in one or two words, then the version (the sidebar cuts
 * the rest; details go to the tooltip and child rows). A failed probe's raw text (HTTP bodies, "terminated")
 * is put into words here; the raw text stays for the tooltip. Pure: no `vscode` import.
 */
import { RegistryError } from '../../registry';
import type { Drift } from './drift';

/** A failed probe's error, in words a user reads at a glance. */
export function probeProblemInWords(error: string): string {
  const http = /^HTTP (\d{3})/.exec(error);
  if (http) {
    const status = Number(http[1]);
    if (status === 401 || status === 403) return `refused the sign-in (HTTP ${status})`;
    if (status === 404) return 'no MCP endpoint at this URL (HTTP 404)';
    if (status === 429) return `rate limited (HTTP ${status})`;
    if (status >= 500) return `server error (HTTP ${status})`;
    return `refused the request (HTTP ${status})`;
  }
  if (/ECONNREFUSED/.test(error)) return 'not running (connection refused)';
  if (/ENOTFOUND|EAI_AGAIN/.test(error)) return 'host not found';
  if (/ECONNRESET|terminated|socket hang up|other side closed/i.test(error)) return 'the connection dropped';
  if (/no answer within|timed? ?out|ETIMEDOUT|aborted/i.test(error)) return 'no answer in time';
  if (/content type|Unexpected token|JSON/i.test(error)) return 'not an MCP endpoint (unexpected answer)';
  if (/certificate|SSL|TLS/i.test(error)) return 'TLS certificate problem';
  if (/^not a URL/.test(error)) return 'the endpoint is not a URL';
  return 'unreachable';
}

/** Why the registry's versions could not be read, in words (the registry's own text stays for the tooltip). */
export function registryProblemInWords(error: unknown): string {
  if (!(error instanceof RegistryError)) return 'could not be read';
  switch (error.kind) {
    case 'network':
      return /dropped/.test(error.message) ? 'the connection dropped' : 'unreachable';
    case 'timeout':
      return 'no answer in time';
    case 'cut-off':
      return 'its answer was cut off';
    case 'cancelled':
      return 'cancelled';
    case 'parse':
      return 'not an MCP Registry answer';
    case 'redirect':
    case 'insecure':
    case 'too-large':
      return 'answer refused';
    case 'http': {
      const status = error.status ?? 0;
      if (status === 401 || status === 403) return `refused the sign-in (HTTP ${status})`;
      if (status === 404) return `server not found (HTTP 404)`;
      if (status === 429) return `rate limited (HTTP 429)`;
      if (status >= 500) return `server error (HTTP ${status})`;
      return `refused the request (HTTP ${status})`;
    }
  }
}

const DRIFT_WORDS: Record<Drift['kind'], string> = {
  deleted: 'deleted',
  'not-published': 'unpublished',
  deprecated: 'deprecated',
  'behind-latest': 'behind',
  'differs-from-previous': 'differs',
};
const DRIFT_ORDER: readonly Drift['kind'][] = ['deleted', 'not-published', 'deprecated', 'behind-latest', 'differs-from-previous'];

/** The most important drift in one word, or "latest" when the live version is what the registry says is latest. */
export function driftWord(drift: readonly Drift[]): string {
  const worst = DRIFT_ORDER.find((kind) => drift.some((d) => d.kind === kind));
  return worst ? DRIFT_WORDS[worst] : 'latest';
}
