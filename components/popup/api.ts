import type { BackgroundResponses, TabAnalysisResponse } from '../../lib/messaging.ts';
import type { RankedSaved } from '../../lib/related/saved.ts';
import type { Analysis, HighlightKind } from '../../lib/types.ts';

/** What the popup needs from the browser; main.tsx wires it to browser.*, tests pass a fake. */
export interface PopupApi {
  analyzeTab(tabId: number, force?: boolean): Promise<TabAnalysisResponse>;
  /** The tab's related links, asked for when an analysis came with `relatedPending`. */
  relatedLinks(tabId: number): Promise<BackgroundResponses['kontext:related-links']>;
  setHighlightKinds(tabId: number, kinds: HighlightKind[]): Promise<void>;
  /** The saved record for this URL, if any (its id). */
  findSaved(url: string): Promise<{ id: string } | undefined>;
  save(analysis: Analysis): Promise<{ id: string }>;
  unsave(id: string): Promise<void>;
  /** Saved articles about the same people, places and organisations. */
  savedRelated(analysis: Pick<Analysis, 'entities' | 'url'>): Promise<RankedSaved[]>;
  /** Address of the reader page for a saved article. */
  readerHref(id: string): string;
}
