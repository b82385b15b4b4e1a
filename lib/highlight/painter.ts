/**
 * Paints highlight spans. Two implementations behind one interface: the CSS Custom Highlight API (no DOM
 * change at all) and, only where that API is missing, <mark> wrapping that is undone exactly: split Text
 * nodes are merged back into the ORIGINAL node object, so frameworks holding references keep working.
 */

import { AFTER_FRAME, type FramedSliced, runToEnd } from '../slicing.ts';
import type { HighlightKind } from '../types.ts';
import { createHighlightNames, type HighlightNames, KIND_PRIORITY } from './kinds.ts';
import type { HighlightSpan } from './spans.ts';
import {
  type AdoptedStyles,
  adoptHighlightStyles,
  highlightStylesInherit,
  markStyle,
  needsScopedStyles,
  scopeSelectors,
} from './styles.ts';

export type PaintMode = 'highlight-api' | 'marks';

export interface Painter {
  readonly mode: PaintMode;
  /** Replaces everything painted with `spans` (only the visible kinds are shown). */
  paint(spans: HighlightSpan[], visible: ReadonlySet<HighlightKind>): void;
  /** paint as sliced work (lib/slicing.ts): what is painted appears when it ends. */
  paintSliced(spans: HighlightSpan[], visible: ReadonlySet<HighlightKind>): FramedSliced<void>;
  /** Shows only `visible` kinds of what was painted last. */
  setVisible(visible: ReadonlySet<HighlightKind>): void;
  /** Marks one range as the current one (keyboard stepping, "next mention"); null removes the mark. */
  setFocus(range: Range | null): void;
  /** Removes every trace. */
  clear(): void;
  /**
   * Readies what painting needs before there is anything to paint: the highlight stylesheet. Adopting a
   * stylesheet restyles the whole document (about 70 ms on a 1 MB page), so it is done while the
   * analysis runs rather than in the frame that shows the highlights. It has no visible effect alone.
   */
  prepare(): void;
  /** Text of every painted range per kind, for diagnostics and tests (reads the live ranges back). */
  paintedText(): Record<string, string[]>;
  /**
   * Puts back what the page took away since the last paint (highlights deleted from `CSS.highlights`,
   * the stylesheet dropped from `adoptedStyleSheets`); true when something had to be put back.
   */
  restore(): boolean;
  /** This page's registry names (Highlight API only), for diagnostics and tests. */
  readonly names: HighlightNames | null;
}

interface HighlightRegistryLike {
  set(name: string, highlight: unknown): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}

/** Constructed empty and filled with add(): spreading 100k ranges into the constructor overflows the stack. */
type HighlightCtor = new () => Set<Range> & { priority: number };

export function supportsHighlightApi(doc: Document): boolean {
  const view = doc.defaultView as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } } | null;
  return typeof view?.Highlight === 'function' && view.CSS?.highlights != null;
}

export interface HighlightApiPainterOptions {
  /**
   * Register each kind's (empty) highlight first and add its ranges to it as painting goes on, instead
   * of adding them all and registering at the end. For Firefox: registering a highlight that holds
   * 5,000 ranges took 106–191 ms in one task on the 10 MB page, adding them to a registered one took
   * 0–6 ms per 250. Not for Chromium: there every change to a registered highlight costs a rendering
   * update over the whole document (40 ms and more there), so ranges added in 20 slices made 20 of them.
   */
  registerBeforeAdding?: boolean;
}

export function createHighlightApiPainter(
  doc: Document,
  names: HighlightNames = createHighlightNames(),
  options: HighlightApiPainterOptions = {},
): Painter {
  const view = doc.defaultView as unknown as {
    Highlight: HighlightCtor;
    CSS: { highlights: HighlightRegistryLike };
  };
  const registry = view.CSS.highlights;
  const Highlight = view.Highlight;
  let styles: AdoptedStyles | null = null;
  let stylesTried = false;
  /** A huge page (needsScopedStyles): the rules are scoped to the painted ranges (styleRanges). */
  let scoped = false;
  /** Whether highlight styles inherit here (highlightStylesInherit), probed once when first needed. */
  let inherits: boolean | undefined;
  /** The universal rule, adopted early; on a huge page nothing until the ranges are known. */
  const adoptStyles = () => {
    if (stylesTried) return;
    stylesTried = true;
    scoped = needsScopedStyles(doc);
    if (!scoped) styles = adoptHighlightStyles(doc, names);
  };
  /** On a huge page, scopes the rules to the part of the page that holds `ranges`; true when restyled. */
  const styleRanges = (ranges: Iterable<Range>): boolean => {
    if (!scoped) return false;
    const scope = scopeSelectors(doc, ranges, (sample) => {
      inherits ??= highlightStylesInherit(sample, names.focus);
      return inherits;
    });
    if (styles) return styles.setScope(scope);
    styles = adoptHighlightStyles(doc, names, scope);
    return styles !== null;
  };
  const highlights = new Map<HighlightKind | 'focus', Set<Range> & { priority: number }>();
  const paintedRanges = new Map<HighlightKind | 'focus', Range[]>();
  let visibleKinds: ReadonlySet<HighlightKind> = new Set();

  /** Registers the visible kinds' highlights and unregisters the others; true when a set was needed. */
  const register = (): boolean => {
    let changed = false;
    for (const [kind, highlight] of highlights) {
      const name = names[kind];
      if (kind === 'focus' || visibleKinds.has(kind)) {
        if (registry.get(name) !== highlight) {
          registry.set(name, highlight);
          changed = true;
        }
      } else if (registry.get(name) === highlight) {
        registry.delete(name);
      }
    }
    return changed;
  };

  const unregister = () => {
    for (const [kind, highlight] of highlights) {
      const name = names[kind];
      if (registry.get(name) === highlight) registry.delete(name);
    }
  };

  /** Ranges added to the highlights between two pause points of a sliced paint. */
  const RANGES_PER_STEP = 250;

  function* paintSliced(spans: HighlightSpan[], visible: ReadonlySet<HighlightKind>): FramedSliced<void> {
    adoptStyles();
    unregister();
    highlights.clear();
    paintedRanges.clear();
    if (options.registerBeforeAdding) visibleKinds = visible;
    let added = 0;
    for (const span of spans) {
      const ranges = paintedRanges.get(span.kind) ?? [];
      ranges.push(span.range);
      paintedRanges.set(span.kind, ranges);
      let highlight = highlights.get(span.kind);
      if (!highlight) {
        highlight = new Highlight();
        highlight.priority = KIND_PRIORITY[span.kind];
        highlights.set(span.kind, highlight);
        if (options.registerBeforeAdding) register();
      }
      highlight.add(span.range);
      if (++added % RANGES_PER_STEP === 0) yield;
    }
    // On a huge page the browser's rendering update after a stylesheet change walks every element of
    // the document (Chromium: StyleEngine::ScheduleInvalidationsForRuleSets, ~55 ms on the 10 MB page),
    // and so does the one after registering highlights (PrePaint and Paint, ~50–75 ms): done in one frame
    // they made one task of 85–216 ms (scripts/trace-hostile.ts). The highlights are registered a frame
    // after the restyle.
    if (styleRanges(spans.map((span) => span.range))) yield AFTER_FRAME;
    visibleKinds = visible;
    register();
  }

  const createHighlight = (kind: HighlightKind | 'focus', ranges: Range[]) => {
    const highlight = new Highlight();
    for (const range of ranges) highlight.add(range);
    highlight.priority = KIND_PRIORITY[kind];
    return highlight;
  };

  return {
    mode: 'highlight-api',
    names,
    prepare: adoptStyles,
    paint: (spans, visible) => runToEnd(paintSliced(spans, visible)),
    paintSliced,
    setVisible(visible) {
      visibleKinds = visible;
      register();
    },
    setFocus(range) {
      const name = names.focus;
      const existing = highlights.get('focus');
      if (existing && registry.get(name) === existing) registry.delete(name);
      highlights.delete('focus');
      paintedRanges.delete('focus');
      if (range) {
        paintedRanges.set('focus', [range]);
        const focus = createHighlight('focus', [range]);
        highlights.set('focus', focus);
        registry.set(name, focus);
      }
    },
    clear() {
      unregister();
      highlights.clear();
      paintedRanges.clear();
      styles?.remove();
      styles = null;
      stylesTried = false;
      scoped = false;
    },
    restore() {
      const restyled = styles?.restore() ?? false;
      // Scoped rules name elements by position: a page that inserted an element before them moved them.
      if (scoped && styles) styleRanges([...paintedRanges.values()].flat());
      return register() || restyled;
    },
    paintedText() {
      const out: Record<string, string[]> = {};
      // From our own list: a Highlight is a WebIDL setlike, and Firefox's content-script Xrays cannot
      // iterate those.
      for (const [kind, ranges] of paintedRanges) {
        if (kind !== 'focus' && !visibleKinds.has(kind)) continue;
        out[kind] = ranges.map((range) => range.toString());
      }
      return out;
    },
  };
}

/** One Text node as the page had it, and what the fallback turned it into. */
interface SplitRecord {
  original: Text;
  parts: Text[];
  marks: HTMLElement[];
}

interface Segment {
  start: number;
  end: number;
  kind: HighlightKind | 'focus';
}

/** The [start, end) slices of each Text node a range covers. */
function textSlices(range: Range): Array<{ node: Text; start: number; end: number }> {
  const slices: Array<{ node: Text; start: number; end: number }> = [];
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    slices.push({ node: startContainer as Text, start: startOffset, end: endOffset });
    return slices;
  }
  const root = range.commonAncestorContainer;
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === startContainer ? startOffset : 0;
    const end = node === endContainer ? endOffset : text.length;
    if (end > start) slices.push({ node: text, start, end });
  }
  return slices;
}

/** A range's boundaries frozen at paint time; marks move live Range boundaries, these stay put. */
interface FrozenSpan {
  kind: HighlightKind;
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

/**
 * The fallback for browsers without the Highlight API. It changes the DOM while active, so it repaints
 * from boundaries frozen before the first mark went in (unpainting restores exactly those nodes).
 * The focus mark is not drawn in this mode.
 */
export function createMarkPainter(doc: Document): Painter {
  let records: SplitRecord[] = [];
  let frozen: FrozenSpan[] = [];
  let visibleKinds: ReadonlySet<HighlightKind> = new Set();
  const markToKind = new WeakMap<HTMLElement, HighlightKind>();
  const dark = () => doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

  const unpaint = () => {
    // Reverse order: a node split later may be a part of one split earlier.
    for (const record of [...records].reverse()) {
      for (const mark of record.marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
      }
      const { original, parts } = record;
      const merged = parts.map((p) => p.data).join('');
      for (const part of parts) if (part !== original) part.parentNode?.removeChild(part);
      if (original.data !== merged) original.data = merged;
    }
    records = [];
  };

  const paintNow = () => {
    const byNode = new Map<Text, Segment[]>();
    const range = doc.createRange();
    for (const span of frozen) {
      if (!visibleKinds.has(span.kind)) continue;
      try {
        range.setStart(span.startContainer, span.startOffset);
        range.setEnd(span.endContainer, span.endOffset);
      } catch {
        continue;
      }
      for (const slice of textSlices(range)) {
        const list = byNode.get(slice.node) ?? [];
        list.push({ start: slice.start, end: slice.end, kind: span.kind });
        byNode.set(slice.node, list);
      }
    }
    range.detach();
    const isDark = dark();
    for (const [node, segments] of byNode) {
      const cuts = new Set<number>([0, node.length]);
      for (const s of segments) {
        cuts.add(s.start);
        cuts.add(s.end);
      }
      const points = [...cuts].sort((a, b) => a - b);
      // Split from the end so earlier offsets stay valid; the original node keeps the first piece.
      const pieces: Array<{ text: Text; start: number; end: number }> = [];
      for (let i = points.length - 2; i >= 0; i--) {
        const start = points[i]!;
        const text = start === 0 ? node : node.splitText(start);
        pieces.unshift({ text, start, end: points[i + 1]! });
      }
      const record: SplitRecord = { original: node, parts: pieces.map((p) => p.text), marks: [] };
      for (const piece of pieces) {
        let best: HighlightKind | null = null;
        for (const s of segments) {
          const covers = s.start <= piece.start && s.end >= piece.end;
          if (covers && s.kind !== 'focus' && (!best || KIND_PRIORITY[s.kind] > KIND_PRIORITY[best]))
            best = s.kind;
        }
        if (!best || !piece.text.parentNode) continue;
        const mark = doc.createElement('mark');
        mark.setAttribute('data-kontext', best);
        mark.setAttribute('style', markStyle(best, isDark));
        piece.text.parentNode.insertBefore(mark, piece.text);
        mark.appendChild(piece.text);
        markToKind.set(mark, best);
        record.marks.push(mark);
      }
      records.push(record);
    }
  };

  return {
    mode: 'marks',
    names: null,
    prepare() {},
    // Marks are the page's DOM; a page that removes them has re-rendered, which the MutationObserver sees.
    restore: () => false,
    // Marks change the page's DOM: they are put in all at once (after one pause point), never half.
    *paintSliced(spans, visible) {
      yield;
      this.paint(spans, visible);
    },
    paint(spans, visible) {
      unpaint();
      frozen = spans.map(({ kind, range }) => ({
        kind,
        startContainer: range.startContainer,
        startOffset: range.startOffset,
        endContainer: range.endContainer,
        endOffset: range.endOffset,
      }));
      visibleKinds = visible;
      paintNow();
    },
    setVisible(visible) {
      unpaint();
      visibleKinds = visible;
      paintNow();
    },
    setFocus() {},
    clear() {
      unpaint();
      frozen = [];
    },
    paintedText() {
      const out: Record<string, string[]> = {};
      for (const record of records) {
        for (const mark of record.marks) {
          const kind = markToKind.get(mark);
          if (!kind) continue;
          const list = out[kind] ?? [];
          list.push(mark.textContent ?? '');
          out[kind] = list;
        }
      }
      return out;
    },
  };
}
