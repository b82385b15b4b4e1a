/**
 * Turns Readability's article element into reading-order blocks of whitespace-collapsed text, and
 * remembers, for every character, which Text node and offset it came from.
 */
import { BLOCK_TAGS } from '../text/block-tags.ts';
import { isSpaceCode } from '../text/characters.ts';
import type { ArticleBlock, BlockKind } from '../types.ts';
import { furnitureKind } from './block-kinds.ts';
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
 * Runs of characters the analysis does not read as they stand: whitespace (as `\s` defines it, which
 * lib/text/characters.ts isSpaceCode follows) and the invisible characters of isInvisibleCode.
 */
const SPECIAL_RUN = /[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g;

/**
 * Builds one block's text in time linear in its length: each Text node is read chunk by chunk (the
 * stretches between runs of whitespace and invisible characters, found with one regular expression),
 * the chunks go into an array that is joined once, and whether the text so far ends in a space is a
 * flag. (Appending one character at a time to a string and asking `endsWith(' ')` after each makes V8
 * flatten the growing string again and again: quadratic, 19 s for one 200 KB paragraph in Node, and a
 * frozen tab in Chromium.) Text, pieces and raw offsets are those of reading character by character with
 * isInvisibleCode and isSpaceCode (tests/unit/blocks-chunked.test.ts compares both).
 */
class BlockBuilder {
  private readonly chunks: string[] = [];
  /** Characters in `chunks`. */
  private length = 0;
  private endsWithSpace = false;
  readonly pieces: TextPiece[] = [];

  constructor(readonly kind: BlockKind) {}

  /** Non-space characters read, and how many of them sat inside a link. */
  private visibleChars = 0;
  private linkedChars = 0;

  addText(node: Text, insideLink: boolean): void {
    const data = node.data;
    const before = this.visibleChars;
    // Everything one call adds is contiguous in the block's text: one piece at most.
    let piece: TextPiece | null = null;
    const add = (chunk: string, rawStart: number, space: boolean) => {
      if (!piece) {
        piece = { node, start: this.length, end: this.length, rawOffsets: [] };
        this.pieces.push(piece);
      }
      this.chunks.push(chunk);
      this.length += chunk.length;
      piece.end = this.length;
      if (space) piece.rawOffsets.push(rawStart);
      else for (let i = rawStart; i < rawStart + chunk.length; i++) piece.rawOffsets.push(i);
      this.endsWithSpace = space;
    };
    let position = 0;
    SPECIAL_RUN.lastIndex = 0;
    for (let run = SPECIAL_RUN.exec(data); ; run = SPECIAL_RUN.exec(data)) {
      const runStart = run ? run.index : data.length;
      if (runStart > position) {
        add(data.slice(position, runStart), position, false);
        this.visibleChars += runStart - position;
      }
      if (!run) break;
      position = runStart + run[0].length;
      if (this.length === 0 || this.endsWithSpace) continue;
      // The run reads as one space, sourced at its first whitespace character (it may hold none: a
      // soft hyphen alone inside a word is dropped).
      for (let i = runStart; i < position; i++) {
        if (isSpaceCode(data.charCodeAt(i))) {
          add(' ', i, true);
          break;
        }
      }
    }
    if (insideLink) this.linkedChars += this.visibleChars - before;
  }

  /** Share of the block's visible characters that sit inside links. */
  linkedShare(): number {
    return this.visibleChars === 0 ? 0 : this.linkedChars / this.visibleChars;
  }

  /** <br> inside a block reads as a space. */
  addBreak(): void {
    if (this.length > 0 && !this.endsWithSpace) {
      this.chunks.push(' ');
      this.length += 1;
      this.endsWithSpace = true;
      // A space with no source character: it belongs to no piece, so no highlight can start on it.
    }
  }

  finish(): SourcedBlock | null {
    // Whitespace is collapsed as it is read, so the text ends in at most one space, a chunk of its own.
    if (this.endsWithSpace) {
      this.chunks.pop();
      this.length -= 1;
      const last = this.pieces.at(-1);
      if (last && last.end > this.length) {
        last.end -= 1;
        last.rawOffsets.pop();
        if (last.end === last.start) this.pieces.pop();
      }
    }
    const text = this.chunks.join('');
    return text ? { kind: this.kind, text, pieces: this.pieces } : null;
  }
}

/** Reads `root` in document order into blocks. */
export function readBlocks(root: Element): SourcedBlock[] {
  const blocks: SourcedBlock[] = [];
  let owner: Element | null = null;
  let builder = null as BlockBuilder | null; // (assigned in closures: no narrowing to null)
  const flush = () => {
    const block = builder?.finish();
    if (block && owner) {
      block.kind = furnitureKind(block.kind, owner, root, block.text, builder!.linkedShare());
      blocks.push(block);
    }
    builder = null;
  };

  // Text nodes of one element share its block and whether a link holds them: asked once per element.
  const contexts = new Map<Element, { owner: Element; insideLink: boolean }>();
  const readText = (text: Text) => {
    const parent = text.parentElement;
    let context = parent ? contexts.get(parent) : undefined;
    if (!context) {
      context = { owner: blockOwner(text, root), insideLink: parent?.closest('a') != null };
      if (parent) contexts.set(parent, context);
    }
    const nodeOwner = context.owner;
    if (nodeOwner !== owner) {
      flush();
      owner = nodeOwner;
    }
    if (!builder) {
      if (!/\S/.test(text.data)) return;
      builder = new BlockBuilder(blockKindOf(nodeOwner));
    }
    builder.addText(text, context.insideLink);
  };

  // Document order, walked in script rather than with a filtered TreeWalker: the filter is a call from
  // the browser into script for every node. Skipped elements are passed over with their subtrees.
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = true;
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (SKIPPED_TAGS.has(tag)) descend = false;
      else if (tag.toUpperCase() === 'BR') builder?.addBreak();
    } else if (node.nodeType === 3) {
      readText(node as Text);
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) node = node.parentNode!;
    node = node === root ? null : node.nextSibling;
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
