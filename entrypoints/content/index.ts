/**
 * Content script, injected on demand by the background (never declared for all pages). It extracts
 * the article from the live page (on a clone), starting as soon as it is injected, and shows and clears
 * the reading aids. It answers only its own extension: nothing a page posts is read. The related-link
 * search, the reading aids and the sanitiser are separate scripts (utils/content-parts.ts): a request
 * that needs one before it is injected is answered `{ missing }`, and the background injects it and asks
 * again. This script is the extraction only, so the first click's injection is quick.
 */
import { extractArticleForPage, extractionSlicing } from '@/lib/extract/index.ts';
import type { BlockAnchor, ExtractedPage, PageExtractionResult } from '@/lib/extract/types.ts';
import { type ContentResponses, isContentRequest, unhandled } from '@/lib/messaging.ts';
import { runSliced } from '@/lib/slicing.ts';
import type { Analysis, HighlightKind } from '@/lib/types.ts';
import { loadedPart } from '@/utils/content-parts.ts';
import type { ReadingAids } from './highlights.ts';

/** Set on the isolated world's global, so a second injection into the same page does not mount twice. */
const LOADED = Symbol.for('kontext.content-script');

export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main(ctx) {
    const scope = globalThis as { [LOADED]?: boolean };
    if (scope[LOADED]) return;
    scope[LOADED] = true;
    ctx.onInvalidated(() => {
      scope[LOADED] = false;
    });

    let aids: ReadingAids | null = null;
    /** The mounted aids, mounting them once their script is there; null until then. */
    const readingAids = (): ReadingAids | null => {
      if (!aids) aids = loadedPart('aids')?.(ctx) ?? null;
      return aids;
    };
    let anchors: BlockAnchor[] | null = null;
    let contentHtml = '';
    let extracted: ExtractedPage | null = null;

    const extract = () =>
      // In slices on a big page (a 10 MB page held the page's thread for 1.3–1.9 s in one task); a small
      // page in one go (extractionSlicing).
      runSliced(extractArticleForPage(document, location.href, { anchors: true }), {
        ...extractionSlicing(document),
        signal: ctx.signal,
      });
    // The background injects this script only to ask for the extraction next (an analysis, or a save,
    // which analyses first): it starts now, while the background learns that the injection finished and
    // sends its request, which takes this one. Later requests extract afresh (the page may have changed).
    let injected: Promise<PageExtractionResult> | null = extract();
    injected.catch(() => undefined);

    let shown: Analysis | null = null;
    let painted = false;
    // Switching every kind off clears the page completely (no stylesheet, no card host); switching one
    // back on paints the same analysis again.
    const showKinds = (kinds: HighlightKind[]): ContentResponses['kontext:set-kinds'] => {
      if (kinds.length === 0) {
        aids?.clear();
        painted = false;
        return { ok: true };
      }
      const mounted = readingAids();
      if (!mounted) return shown ? { missing: 'aids' } : { ok: true };
      if (!painted && shown) {
        void mounted.show(shown, anchors);
        painted = true;
      }
      mounted.setKinds(kinds);
      return { ok: true };
    };

    const handle = async (
      message: unknown,
    ): Promise<ContentResponses[keyof ContentResponses] | undefined> => {
      if (!isContentRequest(message)) return undefined;
      switch (message.type) {
        case 'kontext:ping':
          return { ok: true };
        case 'kontext:extract': {
          // The related links are asked for on their own (kontext:related), after this reply.
          const early = injected;
          injected = null;
          const result = await (early ?? extract());
          anchors = result.anchors;
          contentHtml = result.extraction.contentHtml;
          extracted = result.extraction;
          // The article's HTML stays here, for a save's sanitiser (kontext:sanitized-content): neither the
          // background nor the popup read it, and it was about 40% of the reply.
          return { ...result.extraction, contentHtml: '' };
        }
        case 'kontext:related': {
          // Asked right after the extraction: the page searches its links while the background analyses.
          if (!extracted) return { candidates: [], ms: 0 };
          const search = loadedPart('related');
          if (!search) return { missing: 'related' };
          const start = performance.now();
          const candidates = search(document, extracted.url, extracted);
          return { candidates, ms: performance.now() - start };
        }
        case 'kontext:show':
          shown = message.analysis;
          painted = false;
          return showKinds(message.kinds);
        case 'kontext:set-kinds':
          return showKinds(message.kinds);
        case 'kontext:sanitized-content': {
          if (!contentHtml) return null;
          const sanitize = loadedPart('sanitize');
          return sanitize ? { html: sanitize(contentHtml) } : { missing: 'sanitize' };
        }
        case 'kontext:clear':
          aids?.clear();
          painted = false;
          shown = null;
          return { ok: true };
        default:
          return unhandled(message);
      }
    };

    const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
      // Only our own background asks; the page (and other extensions) can't reach this listener, but
      // the sender is checked anyway and the message is validated like any other untrusted data.
      if (sender.id !== browser.runtime.id) return undefined;
      if (!isContentRequest(message)) return undefined;
      return handle(message);
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(listener);
      aids?.clear();
    });
  },
});
