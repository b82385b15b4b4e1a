/**
 * Turns the analysis' entity mentions and quotes (offsets into Analysis.text) into live DOM Ranges.
 * Every Range is read back and kept only when its text is the analysed text, so a highlight never lands
 * on the wrong words, even when the page changed between analysis and painting.
 */

import { runToEnd, type Sliced } from '../slicing.ts';
import { toAnalysisText } from '../text/characters.ts';
import type { Analysis, HighlightKind } from '../types.ts';
import type { BlockLocation, LivePoint } from './locate-blocks.ts';

export interface HighlightSpan {
  kind: HighlightKind;
  range: Range;
  /** Offsets in Analysis.text. */
  start: number;
  end: number;
  entityId: string | null;
  /** Index into the entity's mentions. */
  mentionIndex: number;
  quoteId: string | null;
}

/** Index of the block containing text offset `offset`, or -1 (offsets in the '\n\n' joins belong to none). */
export function blockIndexAt(analysis: Pick<Analysis, 'blocks'>, offset: number): number {
  const blocks = analysis.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.start + block.text.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function startPoint(
  location: BlockLocation,
  analysis: Analysis,
  start: number,
  end: number,
): LivePoint | null {
  for (let offset = start; offset < end; offset++) {
    const b = blockIndexAt(analysis, offset);
    const located = b >= 0 ? location.blocks[b] : null;
    if (!located) continue;
    const point = located.pointAt(offset - analysis.blocks[b]!.start);
    if (point) return point;
  }
  return null;
}

function endPoint(location: BlockLocation, analysis: Analysis, start: number, end: number): LivePoint | null {
  for (let offset = end - 1; offset >= start; offset--) {
    const b = blockIndexAt(analysis, offset);
    const located = b >= 0 ? location.blocks[b] : null;
    if (!located) continue;
    const point = located.pointAt(offset - analysis.blocks[b]!.start);
    if (point) return { node: point.node, offset: point.offset + 1 };
  }
  return null;
}

/**
 * Equality as the analysis reads text: the page may break a line where the analysis has a space, and
 * put a soft hyphen or a zero-width space inside a word the analysis reads whole.
 */
function sameText(a: string, b: string): boolean {
  return toAnalysisText(a).trim() === toAnalysisText(b).trim();
}

function makeRange(
  doc: Document,
  location: BlockLocation,
  analysis: Analysis,
  start: number,
  end: number,
): Range | null {
  if (end <= start) return null;
  const from = startPoint(location, analysis, start, end);
  const to = endPoint(location, analysis, start, end);
  if (!from || !to) return null;
  const range = doc.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null;
  }
  if (range.collapsed) return null;
  return sameText(range.toString(), analysis.text.slice(start, end)) ? range : null;
}

export function buildHighlightSpans(
  doc: Document,
  analysis: Analysis,
  location: BlockLocation,
): HighlightSpan[] {
  return runToEnd(buildHighlightSpansSliced(doc, analysis, location));
}

/** Ranges made between two pause points of the sliced build. */
const RANGES_PER_STEP = 250;

interface Candidate {
  kind: HighlightKind;
  start: number;
  end: number;
  entityId: string | null;
  mentionIndex: number;
  quoteId: string | null;
}

/** Every mention (possible names left out) and quote, entities first, in the analysis' order. */
function candidatesOf(analysis: Analysis): Candidate[] {
  const candidates: Candidate[] = [];
  for (const entity of analysis.entities) {
    // Below the confidence threshold: listed in the popup as a possible name, not painted.
    if (entity.possible) continue;
    for (const [mentionIndex, mention] of entity.mentions.entries()) {
      candidates.push({
        kind: entity.kind,
        start: mention.start,
        end: mention.end,
        entityId: entity.id,
        mentionIndex,
        quoteId: null,
      });
    }
  }
  for (const quote of analysis.quotes) {
    candidates.push({
      kind: quote.kind,
      start: quote.start,
      end: quote.end,
      entityId: null,
      mentionIndex: -1,
      quoteId: quote.id,
    });
  }
  return candidates;
}

/**
 * buildHighlightSpans as sliced work (lib/slicing.ts): it may pause every RANGES_PER_STEP ranges. With
 * more than `limit` mentions and quotes, only the first `limit` spans in reading order are made (earliest
 * start first, the longer of two at one start first): on a page of 140k mentions the rest never become
 * Range objects at all.
 */
export function* buildHighlightSpansSliced(
  doc: Document,
  analysis: Analysis,
  location: BlockLocation,
  limit = Number.POSITIVE_INFINITY,
): Sliced<HighlightSpan[]> {
  const candidates = candidatesOf(analysis);
  if (candidates.length > limit) candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  yield;
  const spans: HighlightSpan[] = [];
  let made = 0;
  for (const candidate of candidates) {
    if (spans.length >= limit) break;
    if (++made % RANGES_PER_STEP === 0) yield;
    const range = makeRange(doc, location, analysis, candidate.start, candidate.end);
    if (range) spans.push({ ...candidate, range });
  }
  return spans;
}
