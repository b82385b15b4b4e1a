/**
 * Content-script glue for the reading aids: highlights and hover cards in the live page. The logic is in
 * lib/highlight (shared with the reader page); this file only binds it to the content script's lifetime.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createHoverCard } from '../../components/hover-card/mount.ts';
import type { BlockAnchor } from '../../lib/extract/types.ts';
import { createReadingAids, type ReadingAidsSnapshot } from '../../lib/highlight/reading-aids.ts';
import type { Analysis, HighlightKind } from '../../lib/types.ts';
import { provideBrowserCardServices } from '../../utils/card-services.ts';

export interface ReadingAids {
  /** Paints in slices; settles once painted. */
  show(analysis: Analysis, anchors: BlockAnchor[] | null): Promise<void>;
  /** Which kinds are visible; [] = all off. */
  setKinds(kinds: HighlightKind[]): void;
  /** Removes every trace. */
  clear(): void;
  /** Keyboard stepping; opens the card for the current entity. */
  focusNextEntity(direction: 1 | -1): void;
  /** What is painted and shown right now (ranges read back, card text); for diagnostics and e2e tests. */
  inspect(): ReadingAidsSnapshot;
}

/**
 * Name of the content-script global holding the mounted aids' inspect(). It lives in the extension's
 * isolated world (Chromium) / content-script sandbox (Firefox): page scripts cannot see it. E2E tests read
 * it with scripting.executeScript from an extension page, which runs in that same world.
 */
export const INSPECT_GLOBAL = '__kontextReadingAidsInspect';

export function mountReadingAids(ctx: ContentScriptContext): ReadingAids {
  provideBrowserCardServices(() => location.href);
  const aids = createReadingAids(document, {
    signal: ctx.signal,
    createCard: (doc) => createHoverCard(doc, { language: navigator.language }),
    // A long page's 5,000 ranges in one task held the page for 0.5 s.
    slicing: {},
    // Firefox registers a highlight holding thousands of ranges in one long task (lib/highlight/painter.ts).
    registerBeforeAdding: import.meta.env.FIREFOX,
  });
  const scope = globalThis as unknown as Record<string, unknown>;
  scope[INSPECT_GLOBAL] = () => aids.inspect();
  ctx.onInvalidated(() => {
    if (scope[INSPECT_GLOBAL]) delete scope[INSPECT_GLOBAL];
  });
  return aids;
}
