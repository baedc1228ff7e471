/**
 * Go string semantics the registry's checks depend on, where JavaScript differs.
 */

/** Go's unicode.IsSpace (used by strings.TrimSpace); unlike JS trim() it includes U+0085 and excludes U+FEFF. */
export function isGoSpace(char: string): boolean {
  switch (char) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case '\u0085':
    case '\u00a0':
    case '\u1680':
    case '\u2028':
    case '\u2029':
    case '\u202f':
    case '\u205f':
    case '\u3000':
      return true;
    default:
      return char >= '\u2000' && char <= '\u200a';
  }
}

/** Go's strings.TrimSpace. */
export function goTrimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text[start])) start++;
  while (end > start && isGoSpace(text[end - 1])) end--;
  return text.slice(start, end);
}

/** Length in Unicode code points, as JSON Schema `maxLength` and PostgreSQL VARCHAR(n) count it. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
