/**
 * Where a piece of startup work spends its time: `phase(name)` closes the phase that began at the previous
 * call (or at creation) under `name`. Read by the activation benchmark (`activation_breakdown`).
 */
export function phases(): { (name: string): void; readonly ms: Readonly<Record<string, number>> } {
  const ms: Record<string, number> = {};
  let last = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    ms[name] = (ms[name] ?? 0) + (now - last);
    last = now;
  };
  return Object.assign(phase, { ms });
}
