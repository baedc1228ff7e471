import type { Node } from 'jsonc-parser';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type BuildNode = Mutable<Node>;

/**
 * Builds a jsonc-parser-compatible node tree for text that `JSON.parse` has already accepted
 * (several times faster than `parseTree` on large documents). Returns undefined on anything unexpected.
 */
export function strictJsonTree(text: string): Node | undefined {
  const builder = new TreeBuilder(text);
  try {
    builder.skipWhitespace();
    const root = builder.value(undefined);
    builder.skipWhitespace();
    return builder.position === text.length ? root : undefined;
  } catch {
    return undefined;
  }
}

const QUOTE = 34;
const BACKSLASH = 92;

class TreeBuilder {
  position = 0;
  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    const text = this.text;
    let position = this.position;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === 32 || code === 10 || code === 13 || code === 9) position++;
      else break;
    }
    this.position = position;
  }

  value(parent: Node | undefined): Node {
    const code = this.text.charCodeAt(this.position);
    if (code === 123) return this.object(parent);
    if (code === 91) return this.array(parent);
    if (code === QUOTE) return this.string(parent);
    return this.literal(parent);
  }

  private object(parent: Node | undefined): Node {
    const node: BuildNode = { type: 'object', offset: this.position, length: 0, parent, children: [] };
    this.position++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) !== 125) {
      for (;;) {
        const property: BuildNode = { type: 'property', offset: this.position, length: 0, parent: node, children: [] };
        const key = this.string(property);
        this.skipWhitespace();
        this.expect(58);
        property.colonOffset = this.position - 1;
        this.skipWhitespace();
        const value = this.value(property);
        property.children!.push(key, value);
        property.length = value.offset + value.length - property.offset;
        node.children!.push(property);
        this.skipWhitespace();
        if (this.text.charCodeAt(this.position) !== 44) break;
        this.position++;
        this.skipWhitespace();
      }
    }
    this.expect(125);
    node.length = this.position - node.offset;
    return node;
  }

  private array(parent: Node | undefined): Node {
    const node: BuildNode = { type: 'array', offset: this.position, length: 0, parent, children: [] };
    this.position++;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.position) !== 93) {
      for (;;) {
        node.children!.push(this.value(node));
        this.skipWhitespace();
        if (this.text.charCodeAt(this.position) !== 44) break;
        this.position++;
        this.skipWhitespace();
      }
    }
    this.expect(93);
    node.length = this.position - node.offset;
    return node;
  }

  private string(parent: Node | undefined): Node {
    const text = this.text;
    const start = this.position;
    this.expect(QUOTE);
    let escaped = false;
    let position = this.position;
    for (;;) {
      const code = text.charCodeAt(position);
      if (code === QUOTE) break;
      if (Number.isNaN(code)) throw new Error('unterminated string');
      if (code === BACKSLASH) {
        escaped = true;
        position++;
      }
      position++;
    }
    this.position = position + 1;
    const raw = text.slice(start, this.position);
    const value = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    return { type: 'string', offset: start, length: this.position - start, parent, value };
  }

  private literal(parent: Node | undefined): Node {
    const text = this.text;
    const start = this.position;
    let position = start;
    for (;;) {
      const code = text.charCodeAt(position);
      const isLiteralChar = (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code === 45 || code === 43 || code === 46 || code === 69;
      if (!isLiteralChar) break;
      position++;
    }
    this.position = position;
    const raw = text.slice(start, position);
    if (raw === 'true' || raw === 'false') return { type: 'boolean', offset: start, length: raw.length, parent, value: raw === 'true' };
    if (raw === 'null') return { type: 'null', offset: start, length: 4, parent, value: null };
    const value = Number(raw);
    if (raw === '' || Number.isNaN(value)) throw new Error('unexpected literal');
    return { type: 'number', offset: start, length: raw.length, parent, value };
  }

  private expect(code: number): void {
    if (this.text.charCodeAt(this.position) !== code) throw new Error(`expected ${String.fromCharCode(code)}`);
    this.position++;
  }
}
