/**
 * The one typed result of Kontext's analysis, shared by the CLI, the background, the content script,
 * the popup and storage. Everything here is plain serialisable data (it crosses message boundaries).
 *
 * Offsets: `text` is `blocks.map(b => b.text).join('\n\n')`; every `start`/`end` below is a UTF-16
 * offset into `text` (end exclusive).
 */

/**
 * The kinds of thing Kontext highlights, listed once: entity kinds, quote kinds and both together (the
 * order is the popup's and the toggles'). Messages, stored records, the painter and the popup all check
 * and list kinds with these.
 */
export const ENTITY_KINDS = ['person', 'place', 'organization'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const QUOTE_KINDS = ['speech', 'phrase'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];
export const HIGHLIGHT_KINDS = [...ENTITY_KINDS, ...QUOTE_KINDS] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (list as readonly string[]).includes(value);

export const isEntityKind: (value: unknown) => value is EntityKind = isOneOf(ENTITY_KINDS);
export const isQuoteKind: (value: unknown) => value is QuoteKind = isOneOf(QUOTE_KINDS);
export const isHighlightKind: (value: unknown) => value is HighlightKind = isOneOf(HIGHLIGHT_KINDS);

/**
 * Kinds of article block. 'credit' (photo credits, bylines, contributor and reporting lines) and
 * 'boilerplate' (newsletter sign-ups, teasers of other articles, "Trending" boxes, "Reuse this content")
 * are page furniture that Readability leaves inside the article: they stay in `text` so offsets and the
 * reader view keep them, but no stage reads them as content (see `isContentBlock`).
 */
export const BLOCK_KINDS = [
  'heading',
  'paragraph',
  'list-item',
  'blockquote',
  'caption',
  'preformatted',
  'credit',
  'boilerplate',
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Whether entities, quotes and the summary read this block at all (captions are read, but never lead). */
export function isContentBlock(kind: BlockKind): boolean {
  return kind !== 'credit' && kind !== 'boilerplate';
}

/** One block of the extracted article, in reading order, with whitespace collapsed. */
export interface ArticleBlock {
  kind: BlockKind;
  text: string;
  /** Offset of this block in `Analysis.text`. */
  start: number;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** Stable within one analysis: kind + normalised canonical name. */
  id: string;
  /** The fullest mention: "Kim Jong Un" rather than "Kim"; "Nordkorea" rather than "Nordkoreas". */
  name: string;
  kind: EntityKind;
  count: number;
  /** Surface forms seen other than `name`. */
  aliases: string[];
  firstSentence: string;
  sentences: string[];
  mentions: Mention[];
  /**
   * How sure the recogniser is that this is a name of this kind, 0–1 (lib/entities/confidence.ts).
   * Absent on entities not made by the recogniser (tests, older saved analyses).
   */
  confidence?: number;
  /**
   * Below the confidence threshold: listed in the popup under "Possible names" but not painted in the
   * page. Absent or false: painted.
   */
  possible?: boolean;
}

export interface Quote {
  id: string;
  /** The quoted words without the quotation marks. */
  text: string;
  kind: QuoteKind;
  /** Span of `text` inside `Analysis.text` (inside the marks). */
  start: number;
  end: number;
  /** Speaker as named (canonical entity name where one matches), or null when unknown. */
  speaker: string | null;
  speakerEntityId: string | null;
  /**
   * True when an attribution was found but too unsure to name (a pronoun or description with no
   * fitting person): the popup and card say "speaker unclear" rather than risk a wrong name.
   */
  speakerUnclear?: boolean;
  /**
   * With `speakerUnclear`: the entity the unsure attribution pointed to. Never shown as the speaker;
   * that entity's hover card lists the quote marked "speaker unclear" so the reader can judge.
   */
  speakerCandidateId?: string;
}

export interface SummarySentence {
  text: string;
  start: number;
  end: number;
}

export type RelatedSource = 'block' | 'in-text' | 'pingback';

export interface RelatedLink {
  url: string;
  title: string;
  host: string;
  source: RelatedSource;
  /** Topical overlap with the article; higher ranks first. */
  score: number;
}

export type LangSource = 'markup' | 'text' | 'override' | 'unknown';

export interface PageFacts {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** ISO 639-1 code such as 'de' or 'en'; 'und' when unknown. */
  lang: string;
  langSource: LangSource;
  excerpt: string | null;
  wordCount: number;
  readingMinutes: number;
  /** True when the page was longer than Kontext reads: the figures and the analysis cover a prefix. */
  truncated?: boolean;
}

/** How far a feature works for a language: as for German and English, in a reduced form, or not at all. */
export type FeatureSupport = 'full' | 'partial' | 'none';

/**
 * What Kontext can do for the page's language, from the language alone (`languageSupport` in
 * lib/language-support.ts), so the popup and the CLI can say plainly why a section is empty.
 */
export interface LanguageSupport {
  /** People, places and organisations: 'full' where an entity model exists (German, English), else 'none'. */
  names: FeatureSupport;
  /** Who said a quote: needs the names and the language's speech verbs; 'full' or 'none' like names. */
  speakers: FeatureSupport;
  /**
   * 'full': every quotation with its kind. 'partial': only quotations whose typography is unambiguous
   * (paired marks around several words, see lib/quotes/unambiguous.ts), without speakers.
   */
  quotes: FeatureSupport;
  /**
   * 'full': tuned for the language (German, English). 'partial': the same extractive summariser without
   * the language's stop words; it may find no sentence at all (for example in scripts without spaces).
   */
  summary: FeatureSupport;
}

/**
 * 'ok': an article was found. 'no-article': extraction ran and found no article text. 'too-large': the
 * page was too big to hand to Readability. 'not-readerable' is no longer produced (extraction always runs
 * on a click); it stays for analyses cached or saved before, and reads like 'no-article'.
 */
export type AnalysisStatus = 'ok' | 'not-readerable' | 'no-article' | 'too-large';

export interface Analysis extends PageFacts {
  status: AnalysisStatus;
  /** Why there is no article (English, for logs and the CLI); the UI localises by `status`. */
  message: string | null;
  text: string;
  paragraphs: string[];
  blocks: ArticleBlock[];
  /** Readability's article HTML, NOT sanitised: sanitise with DOMPurify before rendering or storing. */
  contentHtml: string;
  entities: Entity[];
  quotes: Quote[];
  summary: SummarySentence[];
  related: RelatedLink[];
  /** Which of the above the page's language allows (names, speakers, quotes, summary). */
  support: LanguageSupport;
  /** Milliseconds per pipeline stage, for benchmarks and diagnostics. */
  timings: Record<string, number>;
}
