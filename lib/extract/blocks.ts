/**
 * Turns Readability's article element into reading-order blocks of whitespace-collapsed text, and
 * remembers, for every character, which Text node and offset it came from.
 */
import { BLOCK_TAGS } from '../text/block-tags.ts';
import { isInvisibleCode, isSpaceCode } from '../text/characters.ts';
import type { ArticleBlock, BlockKind } from '../types.ts';
import type { TextPiece } from './types.ts';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'MATH', 'math']);

function blockKindOf(element: Element): BlockKind {
  const tag = element.tagName.toUpperCase();
  if (/^H[1-6]$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DT' || tag === 'DD') return 'list-item';
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
  if (tag === 'PRE') return 'preformatted';
  if (tag === 'BLOCKQUOTE' || element.closest('blockquote')) return 'blockquote';
  return 'paragraph';
}

function blockOwner(node: Node, root: Element): Element {
  let current = node.parentElement;
  while (current && current !== root) {
    if (BLOCK_TAGS.has(current.tagName.toUpperCase())) return current;
    current = current.parentElement;
  }
  return root;
}

/** A block with the Text nodes (of the element handed in) each character was read from. */
export interface SourcedBlock {
  kind: BlockKind;
  text: string;
  pieces: TextPiece[];
}

/**
 * Builds one block's text in time linear in its length: characters go into an array that is joined once,
 * and whether the text so far ends in a space is a flag. (Appending one character at a time to a string
 * and asking `endsWith(' ')` after each makes V8 flatten the growing string again and again: quadratic,
 * 19 s for one 200 KB paragraph in Node, and a frozen tab in Chromium.)
 */
class BlockBuilder {
  private readonly chars: string[] = [];
  private endsWithSpace = false;
  readonly pieces: TextPiece[] = [];
  private current: TextPiece | null = null;

  constructor(readonly kind: BlockKind) {}

  addText(node: Text): void {
    const data = node.data;
    this.current = null;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (isInvisibleCode(code)) continue;
      if (isSpaceCode(code)) {
        if (this.chars.length === 0 || this.endsWithSpace) continue;
        this.push(node, ' ', i);
      } else {
        this.push(node, data[i]!, i);
      }
    }
  }

  /** <br> inside a block reads as a space. */
  addBreak(): void {
    this.current = null;
    if (this.chars.length > 0 && !this.endsWithSpace) {
      this.chars.push(' ');
      this.endsWithSpace = true;
      // A space with no source character: it belongs to no piece, so no highlight can start on it.
    }
  }

  private push(node: Text, ch: string, rawOffset: number): void {
    const length = this.chars.length;
    if (!this.current || this.current.node !== node || this.current.end !== length) {
      this.current = { node, start: length, end: length, rawOffsets: [] };
      this.pieces.push(this.current);
    }
    this.chars.push(ch);
    this.endsWithSpace = ch === ' ';
    this.current.end += 1;
    this.current.rawOffsets.push(rawOffset);
  }

  finish(): SourcedBlock | null {
    // Whitespace is collapsed as it is read, so the text ends in at most one space.
    if (this.endsWithSpace) {
      this.chars.pop();
      const last = this.pieces.at(-1);
      if (last && last.end > this.chars.length) {
        last.end -= 1;
        last.rawOffsets.pop();
        if (last.end === last.start) this.pieces.pop();
      }
    }
    const text = this.chars.join('');
    return text ? { kind: this.kind, text, pieces: this.pieces } : null;
  }
}

/** Reads `root` in document order into blocks. */
export function readBlocks(root: Element): SourcedBlock[] {
  const blocks: SourcedBlock[] = [];
  let owner: Element | null = null;
  let builder: BlockBuilder | null = null;
  const flush = () => {
    const block = builder?.finish();
    if (block) blocks.push(block);
    builder = null;
  };

  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && SKIPPED_TAGS.has((node as Element).tagName)
        ? 2 /* FILTER_REJECT: skips the subtree */
        : 1 /* FILTER_ACCEPT */,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'BR') builder?.addBreak();
      continue;
    }
    const text = node as Text;
    const nodeOwner = blockOwner(text, root);
    if (nodeOwner !== owner) {
      flush();
      owner = nodeOwner;
    }
    if (!builder) {
      if (!/\S/.test(text.data)) continue;
      builder = new BlockBuilder(blockKindOf(nodeOwner));
    }
    builder.addText(text);
  }
  flush();
  return blocks;
}

/** Lays blocks out as `Analysis.blocks` with their offsets in the joined text. */
export function layoutBlocks(blocks: Array<Pick<ArticleBlock, 'kind' | 'text'>>): {
  blocks: ArticleBlock[];
  text: string;
} {
  let offset = 0;
  const laidOut = blocks.map((b) => {
    const block: ArticleBlock = { kind: b.kind, text: b.text, start: offset };
    offset += b.text.length + 2;
    return block;
  });
  return { blocks: laidOut, text: laidOut.map((b) => b.text).join('\n\n') };
}
