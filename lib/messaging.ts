/**
 * Every message between popup, background and content script, typed in one place. The entrypoints do
 * the sending (browser.* lives there); this module only defines the shapes and checks them, because a
 * message is data from another context and is validated before use.
 */
import type { PageExtraction } from './extract/page.ts';
import type { Analysis, EntityKind, QuoteKind } from './types.ts';
import type { CardWikipedia } from './wikipedia/lookup.ts';

export type HighlightKind = EntityKind | QuoteKind;
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = [
  'person',
  'place',
  'organization',
  'speech',
  'phrase',
];

/** Why a tab could not be analysed at all (as opposed to an Analysis whose status says "no article"). */
export type TabFailure =
  | 'restricted' // browser pages, the PDF viewer, extension stores, other extensions' pages
  | 'no-tab' // the tab is gone
  | 'frame' // the page could not be reached in its frame
  | 'timeout'
  | 'error';

export type TabAnalysisResponse =
  | {
      ok: true;
      analysis: Analysis;
      cached: boolean;
      highlightKinds: HighlightKind[];
      /** Milliseconds the background spent per step (tab, cache, inject, extract, analyse, store), for the bench. */
      steps?: Record<string, number>;
    }
  | { ok: false; failure: TabFailure; detail: string };

/** Popup (or any extension page) → background. */
export type BackgroundRequest =
  | { type: 'kontext:analyze-tab'; tabId: number; force?: boolean }
  | { type: 'kontext:set-highlight-kinds'; tabId: number; kinds: HighlightKind[] }
  | { type: 'kontext:sanitized-content'; tabId: number };

/** Background → content script. */
export type ContentRequest =
  | { type: 'kontext:ping' }
  | { type: 'kontext:extract' }
  | { type: 'kontext:show'; analysis: Analysis; kinds: HighlightKind[] }
  | { type: 'kontext:set-kinds'; kinds: HighlightKind[] }
  | { type: 'kontext:sanitized-content' }
  | { type: 'kontext:clear' };

/** Parts of the content script injected only when needed (utils/content-parts.ts). */
export type ContentPart = 'aids' | 'sanitize';
/** The content script's answer to a request whose part is not injected yet: inject it and ask again. */
export interface MissingPart {
  missing: ContentPart;
}

export interface ContentResponses {
  'kontext:ping': { ok: true };
  'kontext:extract': PageExtraction;
  'kontext:show': { ok: true } | MissingPart;
  'kontext:set-kinds': { ok: true } | MissingPart;
  'kontext:sanitized-content': { html: string } | null | MissingPart;
  'kontext:clear': { ok: true };
}

export interface BackgroundResponses {
  'kontext:analyze-tab': TabAnalysisResponse;
  'kontext:set-highlight-kinds': { ok: boolean };
  'kontext:sanitized-content': { html: string } | null;
}

/** What a card shows from Wikipedia; 'off' while the reader has not switched summaries on. */
export type CardWikipediaAnswer = CardWikipedia | { state: 'off' };

/** Saved articles that name an entity (under the one name fold, lib/text/fold.ts). */
export interface SavedMentions {
  total: number;
  /** The newest few, for the card to name. */
  articles: Array<{ id: string; title: string }>;
}

/**
 * Hover card (in a page's content script, or in the reader page) → background. The content script runs
 * inside an untrusted page, so every field is checked and bounded, and nothing here can reach beyond
 * what the card shows: Wikipedia is asked only when the reader switched it on (the background checks).
 */
export type CardRequest =
  | { type: 'kontext:card-wikipedia'; name: string; kind: EntityKind; lang: string; context: string }
  | { type: 'kontext:card-saved'; name: string; url: string }
  /** Opens the saved list in a tab, filtered by `entity`, or at its Wikipedia switch. */
  | { type: 'kontext:open-list'; entity?: string; wikipediaSwitch?: boolean }
  | { type: 'kontext:wikipedia-off' };

export interface CardResponses {
  'kontext:card-wikipedia': CardWikipediaAnswer;
  'kontext:card-saved': SavedMentions;
  'kontext:open-list': { ok: boolean };
  'kontext:wikipedia-off': { ok: boolean };
}

export const CARD_LIMITS = { name: 200, lang: 12, context: 2000, url: 4000 } as const;

const ENTITY_KINDS: readonly EntityKind[] = ['person', 'place', 'organization'];

const boundedString = (value: unknown, max: number, min = 0): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;

export function isCardRequest(value: unknown): value is CardRequest {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'kontext:card-wikipedia':
      return (
        boundedString(value.name, CARD_LIMITS.name, 1) &&
        ENTITY_KINDS.includes(value.kind as EntityKind) &&
        boundedString(value.lang, CARD_LIMITS.lang) &&
        boundedString(value.context, CARD_LIMITS.context)
      );
    case 'kontext:card-saved':
      return boundedString(value.name, CARD_LIMITS.name, 1) && boundedString(value.url, CARD_LIMITS.url);
    case 'kontext:open-list':
      return (
        (value.entity === undefined || boundedString(value.entity, CARD_LIMITS.name, 1)) &&
        (value.wikipediaSwitch === undefined || typeof value.wikipediaSwitch === 'boolean')
      );
    case 'kontext:wikipedia-off':
      return true;
    default:
      return false;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isHighlightKindList(value: unknown): value is HighlightKind[] {
  return Array.isArray(value) && value.every((k) => HIGHLIGHT_KINDS.includes(k as HighlightKind));
}

const isTabId = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'kontext:analyze-tab':
      return isTabId(value.tabId) && (value.force === undefined || typeof value.force === 'boolean');
    case 'kontext:set-highlight-kinds':
      return isTabId(value.tabId) && isHighlightKindList(value.kinds);
    case 'kontext:sanitized-content':
      return isTabId(value.tabId);
    default:
      return false;
  }
}

export function isContentRequest(value: unknown): value is ContentRequest {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'kontext:ping':
    case 'kontext:extract':
    case 'kontext:clear':
    case 'kontext:sanitized-content':
      return true;
    case 'kontext:set-kinds':
      return isHighlightKindList(value.kinds);
    case 'kontext:show':
      return isObject(value.analysis) && isHighlightKindList(value.kinds);
    default:
      return false;
  }
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';
const isCount = (value: unknown): boolean => Number.isFinite(value) && (value as number) >= 0;

/**
 * Whether a content script's extract reply has the shape the text stages read. A crashed or replaced
 * frame answers undefined or something else entirely, and the background must say so rather than throw
 * deep inside the pipeline.
 */
export function isPageExtraction(value: unknown): value is PageExtraction {
  if (!isObject(value)) return false;
  if (!['ok', 'not-readerable', 'no-article'].includes(value.status as string)) return false;
  if (!isString(value.url) || !isString(value.title) || !isString(value.text) || !isString(value.lang))
    return false;
  if (!isString(value.contentHtml) || !isNullableString(value.message)) return false;
  if (!isNullableString(value.markupLang) || !(value.langSample === undefined || isString(value.langSample)))
    return false;
  if (!isCount(value.wordCount) || !isCount(value.readingMinutes) || !isObject(value.timings)) return false;
  if (!Array.isArray(value.blocks) || !Array.isArray(value.relatedCandidates)) return false;
  return (
    value.blocks.every(
      (block) => isObject(block) && isString(block.text) && isCount(block.start) && isString(block.kind),
    ) &&
    value.relatedCandidates.every(
      (link) => isObject(link) && isString(link.url) && isString(link.title) && isString(link.host),
    )
  );
}

/** URLs no extension may script: the popup explains instead of trying. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false;
  return (
    /^(chrome|edge|brave|opera|vivaldi|about|view-source|devtools|chrome-extension|moz-extension|resource|chrome-search):/i.test(
      url,
    ) ||
    /^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/i.test(
      url,
    ) ||
    /\.pdf([?#].*)?$/i.test(url)
  );
}
