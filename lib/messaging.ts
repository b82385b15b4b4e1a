/**
 * Every message between popup, background and content script, defined once as a valibot schema: the
 * TypeScript types, the request guards and the reply checkers are all derived from it, so they cannot
 * drift apart. The entrypoints do the sending (browser.* lives there); this module only defines the
 * shapes and checks them, because a message is data from another context and is validated before use,
 * requests by the receiver and replies by the sender.
 *
 * The Analysis inside a message gets a cheap outer-shape check only (analysisShape): it is built by our
 * own background and travels between our own contexts, and a deep check of a long article's entities,
 * quotes and blocks on every message would cost far more than it protects.
 */
import * as v from 'valibot';
import { fromLeanAnalysis, type LeanAnalysis, toLeanAnalysis } from './analysis-lean.ts';
import type { PageExtraction } from './extract/page.ts';
import { type Analysis, ENTITY_KINDS, HIGHLIGHT_KINDS, type RelatedLink } from './types.ts';
import type { CardWikipedia } from './wikipedia/lookup.ts';

/** A reply or request that does not have the shape its type promises. */
export class MessageError extends Error {
  constructor(
    readonly messageType: string,
    detail: string,
  ) {
    super(`${messageType}: ${detail}`);
    this.name = 'MessageError';
  }
}

/** For the `default` of a switch that covers every case: the compiler fails when one is missing. */
export function unhandled(value: never): never {
  throw new MessageError('unhandled', `no case for ${JSON.stringify(value)}`);
}

export const CARD_LIMITS = { name: 200, lang: 12, context: 2000, url: 4000 } as const;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// ── Building blocks ───────────────────────────────────────────────────────────────────────────────

const bounded = (max: number, min = 0) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));
const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const highlightKind = v.picklist(HIGHLIGHT_KINDS);
const highlightKinds = v.array(highlightKind);
const ok = v.object({ ok: v.literal(true) });
const okFlag = v.object({ ok: v.boolean() });
const html = v.nullable(v.object({ html: v.string() }));

const ANALYSIS_STATUSES = ['ok', 'not-readerable', 'no-article', 'too-large'] as const;

/** The outer shape of an Analysis: what the popup and the painter read first. Not a deep check. */
function analysisShape(value: unknown): value is Analysis {
  return (
    isObject(value) &&
    (ANALYSIS_STATUSES as readonly unknown[]).includes(value.status) &&
    typeof value.url === 'string' &&
    typeof value.title === 'string' &&
    typeof value.text === 'string' &&
    typeof value.contentHtml === 'string' &&
    Array.isArray(value.entities) &&
    Array.isArray(value.quotes) &&
    Array.isArray(value.summary) &&
    Array.isArray(value.blocks) &&
    Array.isArray(value.related) &&
    isObject(value.support)
  );
}
const analysis = v.custom<Analysis>(analysisShape, 'not an analysis');

/** The outer shape of a LeanAnalysis (lib/analysis-lean.ts): an Analysis whose entities cite `sentences`. */
function leanAnalysisShape(value: unknown): value is LeanAnalysis {
  return isObject(value) && Array.isArray(value.sentences) && analysisShape(value);
}
const leanAnalysis = v.custom<LeanAnalysis>(leanAnalysisShape, 'not a lean analysis');

/** A related link as the page finds it and the background ranks it; the popup renders these fields only. */
const relatedLink = v.looseObject({ url: v.string(), title: v.string(), host: v.string() });
const relatedLinks = v.custom<RelatedLink[]>(
  (value) => v.is(v.array(relatedLink), value),
  'not a list of related links',
);
const timings = v.record(v.string(), v.number());

/**
 * What the text stages read of a content script's extract reply, checked in full: a crashed or replaced
 * frame answers undefined or something else entirely, and the background must say so rather than throw
 * deep inside the pipeline. Loose objects: the other fields pass through unread.
 */
const pageExtractionShape = v.looseObject({
  status: v.picklist(['ok', 'not-readerable', 'no-article']),
  url: v.string(),
  title: v.string(),
  text: v.string(),
  lang: v.string(),
  contentHtml: v.string(),
  message: v.nullable(v.string()),
  markupLang: v.nullable(v.string()),
  langSample: v.optional(v.string()),
  wordCount: count,
  readingMinutes: count,
  timings: v.record(v.string(), v.unknown()),
  blocks: v.array(v.looseObject({ text: v.string(), start: count, kind: v.string() })),
  relatedCandidates: v.array(relatedLink),
});

export function isPageExtraction(value: unknown): value is PageExtraction {
  return v.is(pageExtractionShape, value);
}
const pageExtraction = v.custom<PageExtraction>(isPageExtraction, 'not an extraction');

// ── Popup (or any extension page) → background ────────────────────────────────────────────────────

/** Why a tab could not be analysed at all (as opposed to an Analysis whose status says "no article"). */
export const TAB_FAILURES = [
  'restricted', // browser pages, the PDF viewer, extension stores, other extensions' pages
  'no-tab', // the tab is gone
  'timeout',
  'error',
] as const;
export type TabFailure = (typeof TAB_FAILURES)[number];

/**
 * The analysis crosses to the popup in the lean shape the CLI writes (lib/analysis-lean.ts): each cited
 * sentence once, no `paragraphs` (and the article's HTML stays in the page): tabAnalysisToWire and
 * tabAnalysisFromWire convert at the two ends.
 */
const tabAnalysisWire = v.variant('ok', [
  v.object({
    ok: v.literal(true),
    analysis: leanAnalysis,
    cached: v.boolean(),
    highlightKinds,
    /** Milliseconds the background spent per step (tab, cache, inject, extract, analyse), for the bench. */
    steps: v.optional(timings),
    /**
     * The page's related links come later: `analysis.related` is empty until then, and the popup asks
     * for them with kontext:related-links (the page searches its links while the background analyses).
     */
    relatedPending: v.optional(v.boolean()),
  }),
  // A failure this version does not know (an older or newer background) is shown as a plain error.
  v.object({
    ok: v.literal(false),
    failure: v.fallback(v.picklist(TAB_FAILURES), 'error'),
    detail: v.string(),
  }),
]);
export type TabAnalysisWire = v.InferOutput<typeof tabAnalysisWire>;
type Failed = TabAnalysisWire & { ok: false };
export type TabAnalysisResponse =
  | Failed
  | (Omit<TabAnalysisWire & { ok: true }, 'analysis'> & { analysis: Analysis });

export const tabAnalysisToWire = (response: TabAnalysisResponse): TabAnalysisWire =>
  response.ok ? { ...response, analysis: toLeanAnalysis(response.analysis) } : response;

/** Throws (a RangeError) on an entity that cites a sentence the answer does not hold. */
export const tabAnalysisFromWire = (wire: TabAnalysisWire): TabAnalysisResponse =>
  wire.ok ? { ...wire, analysis: fromLeanAnalysis(wire.analysis) } : wire;

const backgroundRequest = v.variant('type', [
  v.object({ type: v.literal('kontext:analyze-tab'), tabId, force: v.optional(v.boolean()) }),
  v.object({ type: v.literal('kontext:set-highlight-kinds'), tabId, kinds: highlightKinds }),
  v.object({ type: v.literal('kontext:sanitized-content'), tabId }),
  v.object({ type: v.literal('kontext:related-links'), tabId }),
]);
export type BackgroundRequest = v.InferOutput<typeof backgroundRequest>;

const backgroundResponses = {
  'kontext:analyze-tab': tabAnalysisWire,
  'kontext:set-highlight-kinds': okFlag,
  'kontext:sanitized-content': html,
  /** The tab's ranked related links (empty when there is no analysis); `timings`: related, related-rank. */
  'kontext:related-links': v.object({ related: relatedLinks, timings }),
} satisfies Record<BackgroundRequest['type'], v.GenericSchema>;
export type BackgroundResponses = Replies<typeof backgroundResponses>;

/** Parts of the content script injected only when needed (utils/content-parts.ts). */
export const CONTENT_PARTS = ['aids', 'sanitize', 'related'] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];
/** The content script's answer to a request whose part is not injected yet: inject it and ask again. */
const missingPart = v.object({ missing: v.picklist(CONTENT_PARTS) });
export type MissingPart = v.InferOutput<typeof missingPart>;
export const isMissingPart = (value: unknown): value is MissingPart => v.is(missingPart, value);

// ── Background → content script ───────────────────────────────────────────────────────────────────

const contentRequest = v.variant('type', [
  v.object({ type: v.literal('kontext:ping') }),
  /** The article; its related-link candidates (left empty) come with a later kontext:related. */
  v.object({ type: v.literal('kontext:extract') }),
  v.object({ type: v.literal('kontext:related') }),
  v.object({ type: v.literal('kontext:show'), analysis, kinds: highlightKinds }),
  v.object({ type: v.literal('kontext:set-kinds'), kinds: highlightKinds }),
  v.object({ type: v.literal('kontext:sanitized-content') }),
  v.object({ type: v.literal('kontext:clear') }),
]);
export type ContentRequest = v.InferOutput<typeof contentRequest>;

const contentResponses = {
  'kontext:ping': ok,
  'kontext:extract': pageExtraction,
  /** The candidates of the page extracted last (none before an extraction), and the search's ms. */
  'kontext:related': v.union([v.object({ candidates: relatedLinks, ms: v.number() }), missingPart]),
  'kontext:show': v.union([ok, missingPart]),
  'kontext:set-kinds': v.union([ok, missingPart]),
  'kontext:sanitized-content': v.union([html, missingPart]),
  'kontext:clear': ok,
} satisfies Record<ContentRequest['type'], v.GenericSchema>;
export type ContentResponses = Replies<typeof contentResponses>;

// ── Hover card (a page's content script, or the reader page) → background ─────────────────────────

/**
 * The content script runs inside an untrusted page, so every field is checked and bounded, and nothing
 * here can reach beyond what the card shows: Wikipedia is asked only when the reader switched it on (the
 * background checks).
 */
const cardRequest = v.variant('type', [
  v.object({
    type: v.literal('kontext:card-wikipedia'),
    name: bounded(CARD_LIMITS.name, 1),
    kind: v.picklist(ENTITY_KINDS),
    lang: bounded(CARD_LIMITS.lang),
    context: bounded(CARD_LIMITS.context),
  }),
  v.object({
    type: v.literal('kontext:card-saved'),
    name: bounded(CARD_LIMITS.name, 1),
    url: bounded(CARD_LIMITS.url),
  }),
  /** Opens the saved list in a tab, filtered by `entity`, or at its Wikipedia switch. */
  v.object({
    type: v.literal('kontext:open-list'),
    entity: v.optional(bounded(CARD_LIMITS.name, 1)),
    wikipediaSwitch: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal('kontext:wikipedia-off') }),
]);
export type CardRequest = v.InferOutput<typeof cardRequest>;

const link = v.object({ title: v.string(), url: v.string() });
/** What a card shows from Wikipedia; 'off' while the reader has not switched summaries on. */
const cardWikipediaAnswer = v.variant('state', [
  v.object({
    state: v.literal('summary'),
    summary: v.looseObject({ title: v.string(), extract: v.string(), url: v.string() }),
  }),
  v.object({ state: v.literal('several'), links: v.array(link) }),
  v.object({ state: v.literal('none') }),
  v.object({ state: v.literal('off') }),
]);
export type CardWikipediaAnswer = CardWikipedia | { state: 'off' };

/** Saved articles that name an entity (under the one name fold, lib/text/fold.ts). */
const savedMentions = v.object({
  total: count,
  /** The newest few, for the card to name. */
  articles: v.array(v.object({ id: v.string(), title: v.string() })),
});
export type SavedMentions = v.InferOutput<typeof savedMentions>;

const cardResponses = {
  'kontext:card-wikipedia': v.custom<CardWikipediaAnswer>((value) => v.is(cardWikipediaAnswer, value)),
  'kontext:card-saved': savedMentions,
  'kontext:open-list': okFlag,
  'kontext:wikipedia-off': okFlag,
} satisfies Record<CardRequest['type'], v.GenericSchema>;
export type CardResponses = Replies<typeof cardResponses>;

// ── Guards and checkers ───────────────────────────────────────────────────────────────────────────

type Replies<S extends Record<string, v.GenericSchema>> = { [K in keyof S]: v.InferOutput<S[K]> };

export const isBackgroundRequest = (value: unknown): value is BackgroundRequest =>
  v.is(backgroundRequest, value);
export const isContentRequest = (value: unknown): value is ContentRequest => v.is(contentRequest, value);
export const isCardRequest = (value: unknown): value is CardRequest => v.is(cardRequest, value);

/** Checks the reply to a `type` request; a MessageError names what is wrong with it. */
function replyChecker<S extends Record<string, v.GenericSchema>>(schemas: S) {
  return <K extends keyof S & string>(type: K, reply: unknown): Replies<S>[K] => {
    const result = v.safeParse(schemas[type] as S[K], reply);
    if (!result.success) throw new MessageError(type, `malformed reply (${result.issues[0].message})`);
    return result.output as Replies<S>[K];
  };
}

export const checkBackgroundResponse = replyChecker(backgroundResponses);
export const checkContentResponse = replyChecker(contentResponses);
export const checkCardResponse = replyChecker(cardResponses);

/** Who sent a message, as runtime.onMessage reports it. */
export interface MessageSender {
  id?: string;
  url?: string;
}

export type InboundRequest =
  | { from: 'card'; request: CardRequest }
  | { from: 'page'; request: BackgroundRequest };

/**
 * What the background may do for a message, or null to ignore it. Only this extension is heard. Hover
 * cards ask from our content script (inside an untrusted page) or from the reader page: their requests
 * are checked and bounded and can only do what a card shows. Background requests (analysing a tab) are
 * heard only from our own extension pages (popup, list, reader), whose URLs start with `pagesOrigin`.
 */
export function inboundRequest(
  message: unknown,
  sender: MessageSender,
  self: { id: string; pagesOrigin: string },
): InboundRequest | null {
  if (sender.id !== self.id) return null;
  if (isCardRequest(message)) return { from: 'card', request: message };
  if (!sender.url?.startsWith(self.pagesOrigin)) return null;
  return isBackgroundRequest(message) ? { from: 'page', request: message } : null;
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
