/**
 * Maps each analysed block to the live page's Text nodes. Extraction anchors are used when they still
 * describe the page (nodes attached, text unchanged); otherwise the block's text is searched in the
 * article region's collapsed text, in reading order.
 */
import type { BlockAnchor, TextPiece } from '../extract/types.ts';
import { isSpaceCode, toAnalysisText } from '../text/characters.ts';
import type { ArticleBlock } from '../types.ts';
import { createSkipPredicate, findArticleRegion } from './article-region.ts';
import { indexRegionText, type RegionText } from './text-index.ts';

/** A point in the live DOM. */
export interface LivePoint {
  node: Text;
  offset: number;
}

/** Where one block's characters live; `pointAt(i)` is null for characters with no live counterpart. */
export interface LocatedBlock {
  source: 'anchor' | 'search';
  length: number;
  pointAt(index: number): LivePoint | null;
  /** Every live Text node the block's text was read from. */
  nodes(): Text[];
}

export interface BlockLocation {
  /** Same index as Analysis.blocks; null where the block was not found in the live page. */
  blocks: Array<LocatedBlock | null>;
  /** The article root the search used (or the anchors' common ancestor). */
  region: Element | null;
}

const isSpace = (ch: string | undefined) => ch !== undefined && isSpaceCode(ch.charCodeAt(0));

function anchorMatches(block: ArticleBlock, anchor: BlockAnchor | undefined): boolean {
  if (!anchor || anchor.pieces.length === 0) return false;
  for (const piece of anchor.pieces) {
    if (!piece.node.isConnected) return false;
    const data = piece.node.data;
    if (piece.rawOffsets.length !== piece.end - piece.start) return false;
    for (let i = 0; i < piece.rawOffsets.length; i++) {
      const expected = block.text[piece.start + i];
      const actual = data[piece.rawOffsets[i]!];
      if (expected !== actual && !(isSpace(expected) && isSpace(actual))) return false;
    }
  }
  return true;
}

function fromAnchor(block: ArticleBlock, anchor: BlockAnchor): LocatedBlock {
  const pieces: TextPiece[] = [...anchor.pieces].sort((a, b) => a.start - b.start);
  return {
    source: 'anchor',
    length: block.text.length,
    pointAt(index) {
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const piece = pieces[mid]!;
        if (index < piece.start) hi = mid - 1;
        else if (index >= piece.end) lo = mid + 1;
        else return { node: piece.node, offset: piece.rawOffsets[index - piece.start]! };
      }
      return null;
    },
    nodes: () => [...new Set(pieces.map((p) => p.node))],
  };
}

function fromSearch(block: ArticleBlock, region: RegionText, base: number): LocatedBlock {
  return {
    source: 'search',
    length: block.text.length,
    pointAt(index) {
      const at = base + index;
      const nodeIndex = region.nodeOf[at];
      if (nodeIndex === undefined || nodeIndex < 0) return null;
      return { node: region.nodes[nodeIndex]!, offset: region.offsetOf[at]! };
    },
    nodes() {
      const seen = new Set<Text>();
      for (let i = base; i < base + block.text.length; i++) {
        const nodeIndex = region.nodeOf[i]!;
        if (nodeIndex >= 0) seen.add(region.nodes[nodeIndex]!);
      }
      return [...seen];
    },
  };
}

/**
 * Finds the blocks in `region`'s text in order. Returns, per block, its start in the collapsed text or -1.
 * A block found out of order (the page repeats a sentence earlier, e.g. a teaser) is searched from the start.
 */
function searchBlocks(blocks: ArticleBlock[], wanted: boolean[], region: RegionText): number[] {
  const found = blocks.map(() => -1);
  let cursor = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (!wanted[i]) continue;
    const key = toAnalysisText(blocks[i]!.text);
    if (!key.trim()) continue;
    let at = region.text.indexOf(key, cursor);
    if (at < 0) at = region.text.indexOf(key);
    if (at >= 0) {
      found[i] = at;
      cursor = at + key.length;
    }
  }
  return found;
}

function commonAncestor(a: Node, b: Node): Element | null {
  const range = a.ownerDocument!.createRange();
  range.setStart(a, 0);
  range.setEnd(b, 0);
  const ancestor = range.commonAncestorContainer;
  return ancestor.nodeType === 1 ? (ancestor as Element) : ancestor.parentElement;
}

export function locateBlocks(
  doc: Document,
  blocks: ArticleBlock[],
  anchors: BlockAnchor[] | null,
): BlockLocation {
  const located: Array<LocatedBlock | null> = blocks.map((block, i) => {
    const anchor = anchors?.[i];
    return anchors && anchors.length === blocks.length && anchor && anchorMatches(block, anchor)
      ? fromAnchor(block, anchor)
      : null;
  });
  const missing = located.map((b, i) => b === null && blocks[i]!.text.trim().length > 0);

  let region: Element | null = null;
  if (missing.some(Boolean)) {
    const guess = findArticleRegion(doc);
    const candidates = guess && guess !== doc.body ? [guess, doc.body] : [doc.body];
    let bestFound: number[] = [];
    let bestIndex: RegionText | null = null;
    for (const candidate of candidates) {
      if (!candidate) continue;
      const index = indexRegionText(candidate, createSkipPredicate(candidate));
      const found = searchBlocks(blocks, missing, index);
      const hits = found.filter((f) => f >= 0).length;
      if (hits > bestFound.filter((f) => f >= 0).length) {
        bestFound = found;
        bestIndex = index;
        region = candidate;
      }
      // Stay in the narrower region when it holds most of the missing blocks.
      if (hits >= missing.filter(Boolean).length * 0.8) break;
    }
    if (bestIndex) {
      for (let i = 0; i < blocks.length; i++) {
        const at = bestFound[i] ?? -1;
        if (missing[i] && at >= 0) located[i] = fromSearch(blocks[i]!, bestIndex, at);
      }
    }
  }

  if (!region) {
    const first = located.find((b) => b !== null)?.nodes()[0];
    const last = [...located]
      .reverse()
      .find((b) => b !== null)
      ?.nodes()
      .at(-1);
    region = first && last ? commonAncestor(first, last) : null;
  }
  return { blocks: located, region };
}
