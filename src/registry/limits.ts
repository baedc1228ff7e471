// Bounds for text a registry (or any server) sends us: how deep JSON nests, and HTML error pages turned
// into text. Both run in one pass over the text, whatever it contains.

/** Whether the JSON text nests arrays/objects deeper than `maxDepth` (strings are skipped, escapes honoured). */
export function jsonDepthExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/**
 * Whether the text is the beginning of a JSON object or array that stops before it ends (an open string
 * or bracket at the end, no bracket closed out of order): an answer cut off in transit, not another format.
 */
export function endsMidJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  const open: number[] = [];
  let inString = false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) open.push(c);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (open.pop() !== (c === 0x7d ? 0x7b : 0x5b)) return false;
      if (open.length === 0) return false;
    }
  }
  return inString || open.length > 0;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/**
 * The text of an HTML page, tags replaced by line breaks, `<script>` and `<style>` contents dropped.
 * Linear: every search starts where the previous one ended, and an unclosed tag ends the text.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, open), '\n');
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    const raw = /^(script|style)\b/.exec(lower.slice(open + 1, open + 8));
    if (raw) {
      const end = lower.indexOf(`</${raw[1]}`, close + 1);
      if (end < 0) break;
      const endClose = html.indexOf('>', end);
      if (endClose < 0) break;
      i = endClose + 1;
    } else {
      i = close + 1;
    }
  }
  return out.join('').replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}
