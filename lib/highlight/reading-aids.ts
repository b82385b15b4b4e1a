/**
 * Kontext's reading aids in a live page: highlights of entities and quotes, hover cards, keyboard
 * stepping. Pure DOM code (no browser.* calls): the content script and the reader page both use it.
 *
 * The page's DOM stays as it was. Highlights are CSS Custom Highlights (<mark> wrapping only where the
 * API is missing); the card lives in one host element with a closed shadow root, created on the first
 * card and removed by clear(). Hovering is detected from the caret position under the pointer, so no
 * listener or attribute is added to the page's elements.
 */
import type { BlockAnchor } from '../extract/types.ts';
import { type FramedSliced, runSliced, runToEnd, type SliceOptions } from '../slicing.ts';
import type { Analysis, Entity } from '../types.ts';
import { HIGHLIGHT_KINDS, type HighlightKind } from '../types.ts';
import { MAX_PAINTED_SPANS, paintableCount } from './cap.ts';
import { buildCoOccurrence, buildEntityCard, type CoOccurrence, type EntityCardModel } from './card-model.ts';
import type { HighlightNames } from './kinds.ts';
import { type BlockLocation, locateBlocks } from './locate-blocks.ts';
import {
  createHighlightApiPainter,
  createMarkPainter,
  type Painter,
  type PaintMode,
  supportsHighlightApi,
} from './painter.ts';
import { buildHighlightSpansSliced, type HighlightSpan } from './spans.ts';

export interface CardOpenOptions {
  /** Move keyboard focus into the card (keyboard stepping); hover never steals focus. */
  focus: boolean;
  /** Where the card points: the rectangle of the mention, read when (re)positioning. */
  anchor: () => DOMRect | null;
  onNextMention: () => void;
  onClose: () => void;
}

/** The hover card as the reading aids drive it; components/hover-card implements it. */
export interface CardPresenter {
  open(model: EntityCardModel, options: CardOpenOptions): void;
  close(): void;
  isOpen(): boolean;
  /** True when `target` is the card's host (events from a closed shadow root are retargeted to it). */
  owns(target: EventTarget | null): boolean;
  reposition(): void;
  /** Removes the host element. */
  destroy(): void;
  /** The open card's visible text, for diagnostics and tests; null when closed. */
  text(): string | null;
}

export type CardFactory = (doc: Document) => CardPresenter;

export interface ReadingAidsOptions {
  signal: AbortSignal;
  createCard?: CardFactory;
  /** 'auto' uses the Highlight API where present, <mark> wrapping elsewhere. */
  mode?: 'auto' | PaintMode;
  hoverDelayMs?: number;
  /**
   * Alt+Shift+N / Alt+Shift+P step to the next / previous entity while highlights are shown (default
   * true). Matched by physical key (KeyboardEvent.code), so layouts and macOS Option characters agree.
   */
  keyboardShortcuts?: boolean;
  mutationDebounceMs?: number;
  /** How often to check that the page has not removed the highlights (ms). */
  watchIntervalMs?: number;
  /**
   * Paint in slices that give the page's thread back between them (the content script: 5,000 ranges
   * on a long page held it for 0.5 s). Without it, show() paints before it returns.
   */
  slicing?: Omit<SliceOptions, 'signal'>;
  /** Highlight API painting: see HighlightApiPainterOptions (Firefox registers before adding). */
  registerBeforeAdding?: boolean;
}

export interface ReadingAidsSnapshot {
  mode: PaintMode;
  active: boolean;
  /** Painted ranges' text per visible kind, read back from the live ranges. */
  painted: Record<string, string[]>;
  blocksLocated: number;
  blocksTotal: number;
  /** Milliseconds of the last show()/repaint, from analysis to highlights registered. */
  lastPaintMs: number;
  /** Spans left unpainted by MAX_PAINTED_SPANS in the last paint. */
  spansDropped: number;
  /** This page's random highlight names (Highlight API only). */
  highlightNames: HighlightNames | null;
  /** How many times highlights or their stylesheet were put back after the page removed them. */
  restored: number;
  card: { entityId: string; text: string; focused: boolean } | null;
}

export interface ReadingAidsController {
  /** Paints `analysis`; settles once it is painted (or replaced by a later paint, or cleared). */
  show(analysis: Analysis, anchors: BlockAnchor[] | null): Promise<void>;
  setKinds(kinds: HighlightKind[]): void;
  clear(): void;
  focusNextEntity(direction: 1 | -1): void;
  inspect(): ReadingAidsSnapshot;
}

interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** Alt+Shift+N (next entity) or Alt+Shift+P (previous). */
function isStepShortcut(event: KeyboardEvent): boolean {
  return (
    event.altKey &&
    event.shiftKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    (event.code === 'KeyN' || event.code === 'KeyP')
  );
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

const SLACK = 2;

function rectsContain(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i]!;
    if (
      x >= rect.left - SLACK &&
      x <= rect.right + SLACK &&
      y >= rect.top - SLACK &&
      y <= rect.bottom + SLACK
    ) {
      return true;
    }
  }
  return false;
}

export function createReadingAids(doc: Document, options: ReadingAidsOptions): ReadingAidsController {
  const view = doc.defaultView;
  const hoverDelay = options.hoverDelayMs ?? 300;
  const debounce = options.mutationDebounceMs ?? 250;
  const watchInterval = options.watchIntervalMs ?? 1000;
  const wantedMode = options.mode ?? 'auto';
  const useApi = wantedMode === 'highlight-api' || (wantedMode === 'auto' && supportsHighlightApi(doc));
  const painter: Painter = useApi
    ? createHighlightApiPainter(doc, undefined, { registerBeforeAdding: options.registerBeforeAdding })
    : createMarkPainter(doc);

  let analysis: Analysis | null = null;
  let anchors: BlockAnchor[] | null = null;
  let location: BlockLocation | null = null;
  let spans: HighlightSpan[] = [];
  let visible = new Set<HighlightKind>(HIGHLIGHT_KINDS);
  let lastPaintMs = 0;
  let spansDropped = 0;
  let restored = 0;
  let watchTimer: ReturnType<typeof setInterval> | undefined;
  let coOccurrence: CoOccurrence | null = null;
  let card: CardPresenter | null = null;
  let cardSpan: HighlightSpan | null = null;
  let cardFocused = false;
  let stepIndex = -1;
  let attached = false;
  const removers: Array<() => void> = [];
  let observer: MutationObserver | null = null;
  let mutationTimer: ReturnType<typeof setTimeout> | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingSpan: HighlightSpan | null = null;
  let pointerFrame = 0;
  let lastPointer: { x: number; y: number; target: EventTarget | null } | null = null;
  let repositionFrame = 0;

  const now = () => view?.performance.now() ?? Date.now();
  const reducedMotion = () => view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  function* paintSteps(): FramedSliced<void> {
    if (!analysis) return;
    const started = now();
    observer?.disconnect();
    // The fallback must unpaint before locating: its marks split the Text nodes the anchors point at.
    if (painter.mode === 'marks') painter.clear();
    location = locateBlocks(doc, analysis.blocks, anchors);
    yield;
    // Past the cap only the first MAX_PAINTED_SPANS in reading order are made into Ranges at all.
    const built = yield* buildHighlightSpansSliced(doc, analysis, location, MAX_PAINTED_SPANS);
    spans = built.sort((a, b) => a.start - b.start || b.end - a.end);
    const paintable = paintableCount(analysis);
    spansDropped = paintable > MAX_PAINTED_SPANS ? paintable - spans.length : 0;
    yield* painter.paintSliced(spans, visible);
    if (cardSpan) {
      const same = spans.find(
        (s) => s.entityId === cardSpan!.entityId && s.mentionIndex === cardSpan!.mentionIndex,
      );
      if (same) cardSpan = same;
      else closeCard();
    }
    lastPaintMs = now() - started;
    observe();
  }

  /** The paint under way, stopped when a newer paint starts or everything is cleared. */
  let painting: AbortController | null = null;
  const paint = (): Promise<void> => {
    painting?.abort();
    painting = null;
    if (!options.slicing) {
      runToEnd(paintSteps());
      return Promise.resolve();
    }
    const controller = new AbortController();
    painting = controller;
    return runSliced(paintSteps(), { ...options.slicing, signal: controller.signal }).catch(
      (error: unknown) => {
        if (!controller.signal.aborted) throw error;
      },
    );
  };

  const entityById = (id: string | null): Entity | undefined =>
    id ? analysis?.entities.find((e) => e.id === id) : undefined;

  const anchorRect = (span: HighlightSpan) => () => {
    if (!span.range.startContainer.isConnected || typeof span.range.getClientRects !== 'function')
      return null;
    return span.range.getClientRects()[0] ?? span.range.getBoundingClientRect();
  };

  function closeCard() {
    clearTimeout(closeTimer);
    card?.close();
    cardSpan = null;
    cardFocused = false;
    painter.setFocus(null);
  }

  const openCard = (span: HighlightSpan, focus: boolean) => {
    const entity = entityById(span.entityId);
    if (!entity || !analysis || !options.createCard) return;
    clearTimeout(closeTimer);
    coOccurrence ??= buildCoOccurrence(analysis);
    card ??= options.createCard(doc);
    cardSpan = span;
    cardFocused = focus;
    card.open(buildEntityCard(analysis, entity, coOccurrence, span.mentionIndex), {
      focus,
      anchor: anchorRect(span),
      onNextMention: () => goToMention(span.entityId!, 1),
      onClose: () => {
        cardSpan = null;
        cardFocused = false;
        painter.setFocus(null);
      },
    });
  };

  const scrollToRange = (range: Range) => {
    // jsdom and detached ranges have no geometry; there is nothing to scroll to then.
    if (!view || typeof range.getBoundingClientRect !== 'function' || !range.startContainer.isConnected)
      return;
    const rect = range.getBoundingClientRect();
    const margin = view.innerHeight * 0.25;
    if (rect.top >= margin && rect.bottom <= view.innerHeight - margin) return;
    view.scrollBy({ top: rect.top - view.innerHeight / 2, behavior: reducedMotion() ? 'instant' : 'smooth' });
  };

  /** Moves to the entity's next (or previous) painted mention, wrapping around. */
  const goToMention = (entityId: string, direction: 1 | -1) => {
    const mine = spans.filter((s) => s.entityId === entityId);
    if (mine.length === 0) return;
    const at = cardSpan?.entityId === entityId ? mine.indexOf(cardSpan) : -1;
    const next = mine[(at + direction + mine.length) % mine.length]!;
    scrollToRange(next.range);
    painter.setFocus(next.range);
    openCard(next, cardFocused || at < 0);
  };

  const entitySpanAt = (x: number, y: number): HighlightSpan | null => {
    const caret = caretAt(doc, x, y);
    if (!caret) return null;
    let best: HighlightSpan | null = null;
    for (const span of spans) {
      if (!span.entityId || !visible.has(span.kind)) continue;
      let inside = false;
      try {
        inside = span.range.comparePoint(caret.node, caret.offset) === 0;
      } catch {
        inside = false;
      }
      // Shortest containing span wins ("Kim" inside "Kim Jong Un" cannot happen, but nested kinds can).
      if (
        inside &&
        (!best || span.end - span.start < best.end - best.start) &&
        rectsContain(span.range, x, y)
      ) {
        best = span;
      }
    }
    return best;
  };

  const scheduleClose = () => {
    if (!card?.isOpen() || cardFocused) return;
    clearTimeout(closeTimer);
    closeTimer = setTimeout(closeCard, hoverDelay);
  };

  const handlePointer = () => {
    pointerFrame = 0;
    const pointer = lastPointer;
    if (!pointer || !analysis) return;
    if (card?.owns(pointer.target)) {
      clearTimeout(closeTimer);
      return;
    }
    const span = entitySpanAt(pointer.x, pointer.y);
    if (
      span &&
      cardSpan &&
      span.entityId === cardSpan.entityId &&
      span.mentionIndex === cardSpan.mentionIndex
    ) {
      clearTimeout(closeTimer);
      return;
    }
    if (span !== pendingSpan) {
      clearTimeout(openTimer);
      pendingSpan = span;
      if (span) openTimer = setTimeout(() => span === pendingSpan && openCard(span, false), hoverDelay);
    }
    if (!span) scheduleClose();
  };

  const needsRepaint = (records: MutationRecord[]): boolean => {
    if (!location) return true;
    if (location.blocks.some((b) => b === null)) return true;
    if (location.region && !location.region.isConnected) return true;
    const region = location.region;
    for (const record of records) {
      if (record.type === 'childList' && (!region || region.contains(record.target))) return true;
      if (record.type === 'characterData' && (!region || region.contains(record.target))) return true;
    }
    return false;
  };

  function observe() {
    if (!view || !doc.body || typeof view.MutationObserver !== 'function') return;
    observer ??= new view.MutationObserver((records) => {
      if (!needsRepaint(records)) return;
      clearTimeout(mutationTimer);
      mutationTimer = setTimeout(() => void paint(), debounce);
    });
    // Kontext's host hangs off <html>, outside <body>: its own changes are never observed.
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  }

  /**
   * Listeners are removed one by one rather than through an AbortSignal: the signal would have to come
   * from the page's realm (jsdom, Firefox's content-script sandbox), which the caller's may not be.
   */
  const listen = (target: EventTarget, type: string, handler: (event: Event) => void, capture: boolean) => {
    target.addEventListener(type, handler, { capture, passive: type !== 'keydown' });
    removers.push(() => target.removeEventListener(type, handler, { capture }));
  };

  const attach = () => {
    if (attached) return;
    attached = true;
    listen(
      doc,
      'pointermove',
      (event) => {
        const pointer = event as PointerEvent;
        lastPointer = { x: pointer.clientX, y: pointer.clientY, target: pointer.target };
        if (!pointerFrame) pointerFrame = view?.requestAnimationFrame(handlePointer) ?? 0;
      },
      true,
    );
    listen(
      doc,
      'keydown',
      (event) => {
        // A page can dispatch Alt+Shift+N itself; obeying it would reveal Kontext and move the reader.
        if (!event.isTrusted) return;
        const key = event as KeyboardEvent;
        if (isStepShortcut(key) && options.keyboardShortcuts !== false) {
          key.preventDefault();
          key.stopPropagation();
          stepEntity(key.code === 'KeyN' ? 1 : -1);
          return;
        }
        // Esc closes a card opened by hover (one opened from the keyboard has focus and handles Esc itself).
        if (key.key === 'Escape' && card?.isOpen() && !card.owns(event.target)) closeCard();
      },
      true,
    );
    const reposition = () => {
      if (!card?.isOpen() || repositionFrame) return;
      repositionFrame =
        view?.requestAnimationFrame(() => {
          repositionFrame = 0;
          card?.reposition();
        }) ?? 0;
    };
    if (view) {
      listen(view, 'scroll', reposition, true);
      listen(view, 'resize', reposition, false);
    }
    // The registry and adoptedStyleSheets are the page's: it can delete Kontext's highlights at any time,
    // and no event says so. A few map look-ups a second put them back.
    watchTimer = setInterval(() => {
      if (painter.restore()) restored++;
    }, watchInterval);
  };

  const detach = () => {
    for (const remove of removers.splice(0)) remove();
    attached = false;
    observer?.disconnect();
    observer = null;
    clearTimeout(mutationTimer);
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    clearInterval(watchTimer);
    watchTimer = undefined;
    if (pointerFrame) view?.cancelAnimationFrame(pointerFrame);
    if (repositionFrame) view?.cancelAnimationFrame(repositionFrame);
    pointerFrame = 0;
    repositionFrame = 0;
    pendingSpan = null;
  };

  function stepEntity(direction: 1 | -1) {
    if (!analysis) return;
    const order: string[] = [];
    for (const span of spans) {
      if (span.entityId && visible.has(span.kind) && !order.includes(span.entityId))
        order.push(span.entityId);
    }
    if (order.length === 0) return;
    stepIndex =
      stepIndex < 0 && direction < 0
        ? order.length - 1
        : (stepIndex + direction + order.length) % order.length;
    const first = spans.find((s) => s.entityId === order[stepIndex]);
    if (!first) return;
    scrollToRange(first.range);
    painter.setFocus(first.range);
    openCard(first, true);
  }

  const clear = () => {
    painting?.abort();
    painting = null;
    detach();
    closeCard();
    card?.destroy();
    card = null;
    painter.clear();
    analysis = null;
    anchors = null;
    location = null;
    spans = [];
    coOccurrence = null;
    stepIndex = -1;
  };

  options.signal.addEventListener('abort', clear, { once: true });
  // Created when the content script arrives, i.e. when the reader asked for an analysis: the stylesheet's
  // restyle happens while the analysis runs, not between its result and the painted highlights.
  if (!options.signal.aborted) painter.prepare();

  return {
    show(nextAnalysis, nextAnchors) {
      if (options.signal.aborted) return Promise.resolve();
      if (analysis !== nextAnalysis) {
        closeCard();
        coOccurrence = null;
        stepIndex = -1;
      }
      analysis = nextAnalysis;
      anchors = nextAnchors;
      attach();
      return paint();
    },
    setKinds(kinds) {
      visible = new Set(kinds);
      if (cardSpan && !visible.has(cardSpan.kind)) closeCard();
      if (!analysis) return;
      if (painter.mode === 'marks') void paint();
      else painter.setVisible(visible);
    },
    clear,
    focusNextEntity: (direction) => stepEntity(direction),
    inspect() {
      return {
        mode: painter.mode,
        active: analysis !== null,
        painted: painter.paintedText(),
        blocksLocated: location?.blocks.filter(Boolean).length ?? 0,
        blocksTotal: analysis?.blocks.length ?? 0,
        lastPaintMs,
        spansDropped,
        highlightNames: painter.names,
        restored,
        card:
          cardSpan && card?.isOpen()
            ? { entityId: cardSpan.entityId ?? '', text: card.text() ?? '', focused: cardFocused }
            : null,
      };
    },
  };
}
