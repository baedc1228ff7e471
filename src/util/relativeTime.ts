// "3 days ago" for publish times; the exact UTC time belongs in the tooltip.

const UNITS: [unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

// Created on first use: building it loads locale data, which activation need not wait for.
let formatter: Intl.RelativeTimeFormat | undefined;
// A long version list repeats the same few phrases ("3 days ago"): each is formatted once.
const phrases = new Map<Intl.RelativeTimeFormatUnit, Map<number, string>>();
const format = {
  format(value: number, unit: Intl.RelativeTimeFormatUnit): string {
    let byValue = phrases.get(unit);
    if (!byValue) phrases.set(unit, (byValue = new Map()));
    let phrase = byValue.get(value);
    if (phrase === undefined) byValue.set(value, (phrase = (formatter ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' })).format(value, unit)));
    return phrase;
  },
};

/** "just now", "5 minutes ago", "yesterday", "3 days ago", "in 2 hours"; empty for an unreadable time. */
export function relativeTime(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(Math.sign(seconds), 'minute');
}

/** "2025-09-20 14:03:07 UTC"; the input when it cannot be read. */
export function exactUtc(iso: string | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
