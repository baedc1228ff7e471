/**
 * What an environment row leads with: its state in one or two words, then the version (the sidebar cuts
 * the rest; details go to the tooltip and child rows). A failed probe's raw text (HTTP bodies, "terminated")
 * is put into words here; the raw text stays for the tooltip. Pure: no `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { RegistryError, isDroppedConnection } from '../../registry';
import type { Drift } from './drift';

/** A failed probe's error, in words a user reads at a glance. */
export function probeProblemInWords(error: string): string {
  const http = /^HTTP (\d{3})/.exec(error);
  if (http) {
    const status = Number(http[1]);
    if (status === 401 || status === 403) return l10n.t('refused the sign-in (HTTP {0})', status);
    if (status === 404) return l10n.t('no MCP endpoint at this URL (HTTP {0})', 404);
    if (status === 429) return l10n.t('rate limited (HTTP {0})', status);
    if (status >= 500) return l10n.t('server error (HTTP {0})', status);
    return l10n.t('refused the request (HTTP {0})', status);
  }
  if (/ECONNREFUSED/.test(error)) return l10n.t('not running (connection refused)');
  if (/ENOTFOUND|EAI_AGAIN/.test(error)) return l10n.t('host not found');
  if (/ECONNRESET|terminated|socket hang up|other side closed/i.test(error)) return l10n.t('the connection dropped');
  if (/no answer within|timed? ?out|ETIMEDOUT|aborted/i.test(error)) return l10n.t('no answer in time');
  if (/content type|Unexpected token|JSON/i.test(error)) return l10n.t('not an MCP endpoint (unexpected answer)');
  if (/certificate|SSL|TLS/i.test(error)) return l10n.t('TLS certificate problem');
  if (/^not a URL/.test(error)) return l10n.t('the endpoint is not a URL');
  return l10n.t('unreachable');
}

/** Why the registry's versions could not be read, in words (the registry's own text stays for the tooltip). */
export function registryProblemInWords(error: unknown): string {
  if (!(error instanceof RegistryError)) return l10n.t('could not be read');
  switch (error.kind) {
    case 'network':
      return isDroppedConnection(error.cause) ? l10n.t('the connection dropped') : l10n.t('unreachable');
    case 'timeout':
      return l10n.t('no answer in time');
    case 'cut-off':
      return l10n.t('its answer was cut off');
    case 'cancelled':
      return l10n.t('cancelled');
    case 'parse':
      return l10n.t('not an MCP Registry answer');
    case 'redirect':
    case 'insecure':
    case 'too-large':
      return l10n.t('answer refused');
    case 'http': {
      const status = error.status ?? 0;
      if (status === 401 || status === 403) return l10n.t('refused the sign-in (HTTP {0})', status);
      if (status === 404) return l10n.t('server not found (HTTP {0})', 404);
      if (status === 429) return l10n.t('rate limited (HTTP {0})', 429);
      if (status >= 500) return l10n.t('server error (HTTP {0})', status);
      return l10n.t('refused the request (HTTP {0})', status);
    }
  }
}

function driftKindWord(kind: Drift['kind']): string {
  switch (kind) {
    case 'deleted': return l10n.t('deleted');
    case 'not-published': return l10n.t('unpublished');
    case 'deprecated': return l10n.t('deprecated');
    case 'behind-latest': return l10n.t('behind');
    case 'differs-from-previous': return l10n.t('differs');
  }
}
const DRIFT_ORDER: readonly Drift['kind'][] = ['deleted', 'not-published', 'deprecated', 'behind-latest', 'differs-from-previous'];

/** The most important drift in one word, or "latest" when the live version is what the registry says is latest. */
export function driftWord(drift: readonly Drift[]): string {
  const worst = DRIFT_ORDER.find((kind) => drift.some((d) => d.kind === kind));
  return worst ? driftKindWord(worst) : l10n.t('latest');
}
