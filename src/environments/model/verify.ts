// After the deploy command finished: poll the endpoint until it reports the target version, or give up.
import type { ProbeResult } from './probe';

/** Time between two probes while verifying a deployment. */
export const DEFAULT_VERIFY_INTERVAL_MS = 1000;

export interface VerifyOptions {
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly signal?: AbortSignal;
  /** Called after each probe (the view shows progress). */
  readonly onProbe?: (result: ProbeResult) => void;
}

export interface VerifyOutcome {
  readonly verified: boolean;
  /** The last version the endpoint reported, if any. */
  readonly lastSeen?: string;
  readonly lastError?: string;
  readonly attempts: number;
  readonly elapsedMs: number;
}

export async function verifyLiveVersion(probe: () => Promise<ProbeResult>, target: string, options: VerifyOptions): Promise<VerifyOutcome> {
  const started = Date.now();
  let attempts = 0;
  let lastSeen: string | undefined;
  let lastError: string | undefined;
  for (;;) {
    if (options.signal?.aborted) break;
    attempts++;
    const result = await probe();
    options.onProbe?.(result);
    if (result.ok) {
      lastSeen = result.version;
      lastError = undefined;
      if (result.version === target) return { verified: true, lastSeen, attempts, elapsedMs: Date.now() - started };
    } else {
      lastError = result.error;
    }
    const remaining = options.timeoutMs - (Date.now() - started);
    if (remaining <= 0) break;
    await sleep(Math.min(options.intervalMs, remaining), options.signal);
  }
  return { verified: false, lastSeen, lastError, attempts, elapsedMs: Date.now() - started };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
