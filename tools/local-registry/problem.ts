// RFC 9457 problem details as the official registry (Huma) sends them, and the reply type handlers return.

export interface ProblemErrorDetail {
  message: string;
  location?: string;
  value?: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON-serialisable value, or a pre-rendered string body. */
  body?: unknown;
  contentType?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  421: 'Misdirected Request',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusTitle(status: number): string {
  return TITLES[status] ?? `HTTP ${status}`;
}

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: ProblemErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export function problemReply(status: number, detail: string, errors?: ProblemErrorDetail[], headers?: Record<string, string>): Reply {
  const body: Record<string, unknown> = { title: statusTitle(status), status, detail };
  if (errors && errors.length > 0) body.errors = errors;
  return { status, body, headers, contentType: 'application/problem+json' };
}

export function jsonReply(body: unknown, status = 200): Reply {
  return { status, body, contentType: 'application/json' };
}

/** Huma-style 422 for request-shape violations. */
export function validationFailed(errors: ProblemErrorDetail[]): ProblemError {
  return new ProblemError(422, 'validation failed', errors);
}
