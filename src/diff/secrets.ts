// Secret values in the JSON diff documents: masked, so they never show on screen (pure, no `vscode`).

export const SECRET_MASK = '<secret: hidden>';

/** A copy where `value`/`default` of every input marked `isSecret` (and of its variables) is masked. */
export function maskSecrets(value: unknown, insideSecret = false): unknown {
  if (Array.isArray(value)) return value.map((entry) => maskSecrets(entry));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const secret = insideSecret || record.isSecret === true;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(record)) {
    let next: unknown;
    if (secret && (key === 'value' || key === 'default') && entry !== undefined) next = SECRET_MASK;
    else if (key === 'variables' && typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
      next = Object.fromEntries(Object.entries(entry as Record<string, unknown>).map(([name, input]) => [name, maskSecrets(input, secret)]));
    } else next = maskSecrets(entry);
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
