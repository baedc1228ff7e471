/** The longest wait between two checks of an endpoint that is down (unless the interval itself is longer). */
export const MAX_BACKOFF_SECONDS = 300;

/** Seconds until the next check: the interval, doubled per consecutive failure, at most 5 minutes. */
export function nextPollSeconds(intervalSeconds: number, consecutiveFailures: number): number {
  const base = Math.max(1, intervalSeconds);
  if (consecutiveFailures <= 0) return base;
  return Math.min(base * 2 ** Math.min(consecutiveFailures, 20), Math.max(MAX_BACKOFF_SECONDS, base));
}
