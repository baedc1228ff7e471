// One error type for every way a registry call can fail, with a short message and a hint for the user.

import * as l10n from '@vscode/l10n';
import { htmlToText, jsonDepthExceeds } from './limits';

// `redirect`: a redirect refused (credentials, https → http, too many); `insecure`: a credential would have
// gone over plain http; `too-large`: a body past the byte cap; `cut-off`: the answer started but did not
// arrive whole (the connection dropped while it was read, or the JSON stops before its end).
export type RegistryErrorKind = 'http' | 'network' | 'timeout' | 'cancelled' | 'parse' | 'redirect' | 'insecure' | 'too-large' | 'cut-off';

export interface RegistryErrorItem {
  message: string;
  location?: string;
  value?: unknown;
}

export interface RegistryErrorInit {
  kind: RegistryErrorKind;
  method: string;
  url: string;
  status?: number;
  title?: string;
  detail?: string;
  errors?: RegistryErrorItem[];
  retryAfterSeconds?: number;
  timeoutMs?: number;
  cause?: unknown;
}

const MAX_TEXT_LENGTH = 200;
const MAX_ERROR_JSON_DEPTH = 32;

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly kind: RegistryErrorKind;
  readonly method: string;
  /** The request URL without credentials. */
  readonly url: string;
  readonly status?: number;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: RegistryErrorItem[];
  /** From `Retry-After` on 429/503 responses. */
  readonly retryAfterSeconds?: number;
  /** On 403: the namespace patterns the token may publish to, as listed by the registry. */
  readonly namespaces?: string[];
  /** What the user can do about it. */
  readonly hint?: string;
  /** What went wrong in a few words, without the request (for the log and tooltips' first line). */
  readonly summary: string;

  constructor(init: RegistryErrorInit) {
    super(composeMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.method = init.method;
    this.url = redactUrl(init.url);
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    if (init.status === 403) this.namespaces = parsePublishNamespaces(init);
    this.hint = composeHint(init, this.namespaces);
    this.summary = composeSummary(init);
  }

  /** True when this is an HTTP error whose text says the version already exists. */
  get isDuplicateVersion(): boolean {
    return this.kind === 'http' && this.status === 400 && mentions(this, /duplicate version/i);
  }
}

export function isRegistryError(value: unknown, kind?: RegistryErrorKind): value is RegistryError {
  return value instanceof RegistryError && (kind === undefined || value.kind === kind);
}

/** Drops user info (and thus any credentials) from a URL. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

export interface ErrorBody {
  title?: string;
  detail?: string;
  errors: RegistryErrorItem[];
}

/**
 * Reads an error response body: RFC 9457 problem+json (the official registry), `{"error": "…"}`
 * (the generic spec), plain text or HTML (proxies, gateways).
 */
export function parseErrorBody(contentType: string | null | undefined, text: string): ErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return { errors: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json') || /^[{[]/.test(trimmed)) {
    const fromJson = errorBodyFromJson(trimmed);
    if (fromJson) return fromJson;
  }
  const isHtml = type.includes('html') || /^<(!doctype|html|head|body|\?xml)/i.test(trimmed);
  const line = firstLine(isHtml ? htmlToText(trimmed) : trimmed);
  return line ? { detail: line, errors: [] } : { errors: [] };
}

function errorBodyFromJson(text: string): ErrorBody | undefined {
  if (jsonDepthExceeds(text, MAX_ERROR_JSON_DEPTH)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  const body: ErrorBody = { errors: [] };
  if (typeof json.title === 'string') body.title = bounded(json.title);
  if (typeof json.detail === 'string') body.detail = bounded(json.detail);
  else if (typeof json.error === 'string') body.detail = bounded(json.error);
  else if (typeof json.message === 'string') body.detail = bounded(json.message);
  if (Array.isArray(json.errors)) {
    for (const item of json.errors) {
      if (typeof item === 'string') body.errors.push({ message: bounded(item) });
      else if (isObject(item) && typeof item.message === 'string') {
        const entry: RegistryErrorItem = { message: bounded(item.message) };
        if (typeof item.location === 'string') entry.location = item.location;
        if ('value' in item) entry.value = item.value;
        body.errors.push(entry);
      }
    }
  }
  return body;
}

function firstLine(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const clean = line.replace(/\s+/g, ' ').trim();
    if (clean) return bounded(clean);
  }
  return undefined;
}

function bounded(text: string): string {
  return text.length <= MAX_TEXT_LENGTH ? text : `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
}

/** Parses `Retry-After` (delay seconds or an HTTP date) into whole seconds from `now`. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function parsePublishNamespaces(init: RegistryErrorInit): string[] | undefined {
  const texts = [init.detail, ...(init.errors ?? []).map((e) => e.message)];
  for (const text of texts) {
    if (!text) continue;
    if (/do not have any publish permissions/i.test(text)) return [];
    const match = /You have permission to publish:\s*(.+?)(?:\.\s*Attempting to publish:|\.?\s*$)/is.exec(text);
    if (match) {
      return match[1]
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
    }
  }
  return undefined;
}

function mentions(init: { detail?: string; title?: string; errors?: RegistryErrorItem[] }, pattern: RegExp): boolean {
  return [init.detail, init.title, ...(init.errors ?? []).map((e) => e.message)].some((t) => !!t && pattern.test(t));
}

function composeMessage(init: RegistryErrorInit): string {
  const what = `${init.method} ${pathOf(init.url)}`;
  switch (init.kind) {
    case 'network': {
      const cause = causeOf(init.cause);
      if (isDroppedConnection(init.cause)) {
        return cause === undefined
          ? l10n.t('The connection to the registry dropped before it answered ({0})', what)
          : l10n.t('The connection to the registry dropped before it answered ({0}): {1}', what, cause);
      }
      return cause === undefined ? l10n.t('Could not reach the registry ({0})', what) : l10n.t('Could not reach the registry ({0}): {1}', what, cause);
    }
    case 'cut-off':
      return l10n.t("The registry's answer was cut off ({0}): {1}", what, init.detail ?? l10n.t('it stopped before its end'));
    case 'timeout':
      return l10n.t('The registry did not answer in {0} s ({1})', Math.round((init.timeoutMs ?? 0) / 1000), what);
    case 'cancelled':
      return l10n.t('Cancelled ({0})', what);
    case 'parse':
      return l10n.t('Unexpected response from the registry ({0}): {1}', what, init.detail ?? l10n.t('not understood'));
    case 'redirect':
    case 'insecure':
    case 'too-large':
      return l10n.t('Refused ({0}): {1}', what, init.detail ?? init.kind);
    case 'http': {
      const parts = [init.detail ?? init.title, ...(init.errors ?? []).map((e) => e.message)].filter(
        (t): t is string => !!t,
      );
      const unique = [...new Set(parts)];
      const status = init.status ?? '?';
      return unique.length ? l10n.t('Registry returned {0}: {1}', status, unique.join('; ')) : l10n.t('Registry returned {0} ({1})', status, what);
    }
  }
}

function composeHint(init: RegistryErrorInit, namespaces: string[] | undefined): string | undefined {
  switch (init.kind) {
    case 'network':
      return isDroppedConnection(init.cause)
        ? l10n.t('Retry; if it keeps happening, something between you and the registry (a proxy, a VPN) is closing connections.')
        : l10n.t('Check the registry URL, your network connection and proxy settings.');
    case 'cut-off':
      return init.method === 'GET'
        ? l10n.t('Retry; if it keeps happening, something between you and the registry (a proxy, a VPN) is cutting answers short.')
        : l10n.t('The registry may have made the change before the answer was lost: look the version up before trying again.');
    case 'timeout':
      return l10n.t('The registry is slow or unreachable; try again later.');
    case 'cancelled':
      return undefined;
    case 'parse':
      return l10n.t('Check that the URL points to an MCP Registry (without /v0.1).');
    case 'redirect':
      return l10n.t('Use the registry’s final URL (https, no redirect) in mcpVersions.registries.');
    case 'insecure':
      return l10n.t('Use the registry’s https:// URL in mcpVersions.registries.');
    case 'too-large':
      return l10n.t('The registry sent far more than an MCP Registry answer; check the URL.');
    case 'http':
      return httpHint(init, namespaces);
  }
}

function httpHint(init: RegistryErrorInit, namespaces: string[] | undefined): string | undefined {
  const status = init.status ?? 0;
  if (status === 400 && mentions(init, /duplicate version/i)) {
    return l10n.t('This version already exists in the registry (deleted versions count too). Bump the version in server.json and publish again.');
  }
  if (status === 401) return l10n.t('Sign in again: the registry token is missing, invalid or expired.');
  if (status === 403) {
    if (namespaces === undefined) return l10n.t('Your sign-in does not have permission for this server.');
    if (namespaces.length === 0) return l10n.t('Your sign-in may not publish to any namespace.');
    return l10n.t('Your sign-in may publish to: {0}. Rename the server into one of these namespaces or sign in with an identity that owns it.', namespaces.join(', '));
  }
  if (status === 404) return l10n.t('Not found: the server or version does not exist in this registry (or was deleted).');
  if (status === 422) {
    const isWrite = init.method !== 'GET';
    const inQuery = (init.errors ?? []).some((e) => e.location?.startsWith('query.'));
    if (isWrite && !inQuery) return l10n.t('The registry rejected server.json: run Validate to see every issue.');
    return l10n.t('The registry rejected the request parameters.');
  }
  if (status === 429) {
    return init.retryAfterSeconds === undefined
      ? l10n.t('Rate limited by the registry; wait a moment and retry.')
      : l10n.t('Rate limited by the registry; retry after {0} s.', init.retryAfterSeconds);
  }
  if (status >= 500) return l10n.t('The registry is having trouble; retry later.');
  return undefined;
}

function composeSummary(init: RegistryErrorInit): string {
  switch (init.kind) {
    case 'network': {
      const cause = causeOf(init.cause);
      if (isDroppedConnection(init.cause)) return cause === undefined ? l10n.t('the connection dropped before an answer') : l10n.t('the connection dropped before an answer: {0}', cause);
      return cause === undefined ? l10n.t('could not connect') : l10n.t('could not connect: {0}', cause);
    }
    case 'timeout':
      return l10n.t('no answer in {0} s', Math.round((init.timeoutMs ?? 0) / 1000));
    case 'cancelled':
      return l10n.t('cancelled');
    case 'cut-off':
      return l10n.t('the answer was cut off: {0}', init.detail ?? l10n.t('it stopped before its end'));
    case 'parse':
      return l10n.t('unexpected answer: {0}', init.detail ?? l10n.t('not understood'));
    case 'redirect':
    case 'insecure':
    case 'too-large':
      return l10n.t('refused: {0}', init.detail ?? init.kind);
    case 'http': {
      const said = init.detail ?? init.title;
      return said ? `HTTP ${init.status ?? '?'}: ${said}` : `HTTP ${init.status ?? '?'}`;
    }
  }
}

/** A connection that was open and closed by the other side (or on the way), rather than never made. */
export function isDroppedConnection(cause: unknown): boolean {
  const code = errorCode(cause);
  if (code && /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)) return true;
  const message = cause instanceof Error ? `${cause.message} ${(cause as Error & { cause?: unknown }).cause instanceof Error ? ((cause as Error & { cause: Error }).cause.message) : ''}` : '';
  return /terminated|other side closed|socket hang up/i.test(message);
}

function errorCode(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  const own = (cause as Error & { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const inner = (cause as Error & { cause?: unknown }).cause;
  return inner instanceof Error && typeof (inner as Error & { code?: unknown }).code === 'string' ? String((inner as Error & { code: unknown }).code) : undefined;
}

/** The path and query of a URL, for messages and the request log (never its credentials). */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}

/** The error code or message of what failed underneath, or undefined when there is none. */
function causeOf(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  const inner = (cause as Error & { cause?: unknown }).cause;
  const code = inner instanceof Error && 'code' in inner ? String((inner as { code: unknown }).code) : undefined;
  return code ?? cause.message;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
