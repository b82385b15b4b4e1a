/**
 * Article extraction with @mozilla/readability. Readability rewrites the document it is given, so it
 * always works on a clone: the reader's page is never touched.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { runToEnd, type Sliced } from '../slicing.ts';
import { normalizeLangTag } from '../text/language.ts';
import { timedSliced } from '../timing.ts';
import type { PageFacts } from '../types.ts';
import { layoutBlocks, readBlocks } from './blocks.ts';
import {
  cloneForReading,
  countedTextLength,
  depthBeyond,
  leadingText,
  MAX_DEPTH,
  MAX_TEXT_CHARS,
} from './bounds.ts';
import type { BlockAnchor, ExtractedPage, ExtractResult, PageExtractionResult } from './types.ts';

export type { BlockAnchor, ExtractedPage, ExtractResult, TextPiece } from './types.ts';

/** Words a minute for the reading-time estimate (adult silent reading of non-fiction, de and en). */
const WORDS_PER_MINUTE = 220;

/** Pages bigger than this are not handed to Readability: it would freeze the tab. */
export const MAX_ELEMENTS = 30_000;

/**
 * A page of up to this many elements is extracted in one task, without the slicing's pauses (the shared
 * real pages have about 440–2,050; cold, their extraction takes 20–100 ms). Each pause gave the page's other
 * tasks a turn while the popup waited (three pauses a page, 2–14 ms in all on a loaded machine, and in a
 * visible tab a pause may let a frame render); a bigger page is sliced as before, so that its thread is
 * never held for the whole extraction (lib/slicing.ts).
 */
export const ONE_TASK_MAX_ELEMENTS = 3_000;

/** Options for runSliced (lib/slicing.ts) for extracting `doc`: no pauses when the page is small. */
export function extractionSlicing(doc: Document): { budgetMs?: number } {
  return doc.getElementsByTagName('*').length <= ONE_TASK_MAX_ELEMENTS
    ? { budgetMs: Number.POSITIVE_INFINITY }
    : {};
}

/**
 * Below this many words, what Readability returns from a page that does not look like an article (a
 * login form, a cookie wall) is not an article. Readability always returns its best attempt, however
 * small; isProbablyReaderable alone refuses real articles made of many short paragraphs (BBC pages).
 */
const MIN_ARTICLE_WORDS = 30;

export interface ExtractOptions {
  /** Pair article text with the live page's Text nodes (the content script wants this; the CLI doesn't). */
  anchors?: boolean;
  /**
   * The page is the caller's own copy, parsed for this one analysis (the CLI): Readability may read and
   * rewrite it in place instead of a copy. `beforeRewrite` runs first, while the page is still as parsed
   * (the CLI's related-link search). A page too long to read whole is copied as always; the copy's only
   * cost is its time, so the result is the same either way.
   */
  inPlace?: { beforeRewrite: () => void };
}

/** What the paths without an article read of the page, read before Readability rewrites it in place. */
interface Unrewritten {
  facts: ReturnType<typeof basicFacts>;
  readerable: boolean;
  langSample: string;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu)?.length ?? 0;
}

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The page's declared language: <html lang>, else the Open Graph locale or the Content-Language meta. */
function markupLanguage(doc: Document, metas: Element[]): string | null {
  return (
    doc.documentElement?.getAttribute('lang') ||
    metaContent(metas, ['meta[property="og:locale"]', 'meta[http-equiv="content-language" i]'])
  );
}

/**
 * The page's <meta> elements in document order, found once and then asked each question: a server-side
 * DOM walks the whole page for every querySelector (ten walks a page in the CLI before this).
 */
const metasOf = (doc: Document) => Array.from(doc.querySelectorAll('meta'));

/** The content of the first meta matching the first selector that has one (selectors name meta elements). */
function metaContent(metas: Element[], selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = metas
      .find((meta) => meta.matches(selector))
      ?.getAttribute('content')
      ?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * The language as the markup declares it. This is provisional: the text half chooses the page's language
 * once, from `markupLang` and the text (chooseLanguage in lib/text/language.ts), so the content script
 * ships no language detector.
 */
function markupFacts(markupLang: string | null): Pick<ExtractedPage, 'lang' | 'langSource' | 'markupLang'> {
  const lang = normalizeLangTag(markupLang);
  return lang
    ? { lang, langSource: 'markup', markupLang }
    : { lang: 'und', langSource: 'unknown', markupLang };
}

function basicFacts(doc: Document, url: string): PageFacts & Pick<ExtractedPage, 'markupLang'> {
  const metas = metasOf(doc);
  const title =
    metaContent(metas, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    doc.title?.trim() ??
    '';
  return {
    url,
    title,
    byline: metaContent(metas, ['meta[name="author"]']),
    siteName: metaContent(metas, ['meta[property="og:site_name"]']),
    publishedTime: metaContent(metas, ['meta[property="article:published_time"]']),
    ...markupFacts(markupLanguage(doc, metas)),
    excerpt: metaContent(metas, ['meta[name="description"]', 'meta[property="og:description"]']),
    wordCount: 0,
    readingMinutes: 0,
  };
}

function noArticle(
  doc: Document,
  url: string,
  status: Exclude<ExtractResult['page']['status'], 'ok'>,
  message: string,
  unrewritten: Unrewritten | null = null,
): ExtractResult {
  return {
    page: {
      ...(unrewritten?.facts ?? basicFacts(doc, url)),
      // Without an article the language is told from the start of the page's text.
      langSample: unrewritten?.langSample ?? langSampleOf(doc),
      status,
      message,
      blocks: [],
      text: '',
      contentHtml: '',
    },
    anchors: null,
  };
}

const langSampleOf = (doc: Document) => (doc.body ? leadingText(doc.body, 5000) : '');

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  return runToEnd(extractArticleSliced(doc, url, options));
}

/**
 * extractArticle as sliced work (lib/slicing.ts): it pauses while copying the page and between the
 * stages, so that the page's thread is never held for the whole extraction of a long page. Readability's
 * parse is one step; the bounded copy keeps it to the first MAX_TEXT_CHARS characters.
 */
export function* extractArticleSliced(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): Sliced<ExtractResult> {
  if (!doc.body || !doc.documentElement) {
    return noArticle(doc, url, 'no-article', 'The document has no body.');
  }
  const elementCount = doc.getElementsByTagName('*').length;
  if (elementCount > MAX_ELEMENTS) {
    return noArticle(
      doc,
      url,
      'too-large',
      `The page is too large to analyse (${elementCount} elements; the limit is ${MAX_ELEMENTS}).`,
    );
  }
  const depth = depthBeyond(doc.documentElement, MAX_DEPTH);
  if (depth !== null) {
    return noArticle(
      doc,
      url,
      'too-large',
      `The page is nested too deeply to analyse (more than ${MAX_DEPTH} levels).`,
    );
  }
  yield;
  // Only the text Kontext reads is copied: the live page keeps all its text, and Readability never sees
  // more than the first MAX_TEXT_CHARS characters of a 10 MB page (a page within that is cloned whole).
  const inPlace =
    options.inPlace && (yield* countedTextLength(doc, MAX_TEXT_CHARS)) <= MAX_TEXT_CHARS
      ? options.inPlace
      : null;
  let unrewritten: Unrewritten | null = null;
  if (inPlace) {
    unrewritten = {
      facts: basicFacts(doc, url),
      readerable: isProbablyReaderable(doc),
      langSample: langSampleOf(doc),
    };
    inPlace.beforeRewrite();
  }
  const { clone, liveOf, truncated } = inPlace
    ? { clone: doc, liveOf: null, truncated: false }
    : yield* cloneForReading(doc, MAX_TEXT_CHARS, options.anchors === true);
  yield;
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  yield;
  const root = parsed?.content;
  const sourced = root ? readBlocks(root) : [];
  const { blocks, text } = layoutBlocks(sourced);
  yield;
  const words = countWords(text);
  const readerable = () => unrewritten?.readerable ?? isProbablyReaderable(doc);
  if (!parsed || !root || sourced.length === 0 || (words < MIN_ARTICLE_WORDS && !readerable())) {
    return noArticle(doc, url, 'no-article', 'No article text was found on this page.', unrewritten);
  }
  const facts = unrewritten?.facts ?? basicFacts(doc, url);

  let anchors: BlockAnchor[] | null = null;
  if (liveOf) {
    let mapped = 0;
    anchors = sourced.map((block) => ({
      pieces: block.pieces.flatMap((piece) => {
        const node = liveOf.get(piece.node);
        if (!node) return [];
        mapped += piece.end - piece.start;
        return [{ ...piece, node }];
      }),
    }));
    // Readability re-parses its clone from HTML when a first attempt finds too little text; then the
    // pairing is gone and the highlighter has to locate the text itself.
    if (mapped < text.length * 0.5) anchors = null;
  }

  return {
    page: {
      ...facts,
      title: parsed.title?.trim() || facts.title,
      byline: parsed.byline?.trim() || facts.byline,
      siteName: parsed.siteName?.trim() || facts.siteName,
      publishedTime: parsed.publishedTime?.trim() || facts.publishedTime,
      excerpt: parsed.excerpt?.trim() || facts.excerpt,
      ...markupFacts(parsed.lang || facts.markupLang),
      wordCount: words,
      readingMinutes: readingMinutes(words),
      ...(truncated ? { truncated } : {}),
      status: 'ok',
      message: null,
      blocks,
      text,
      contentHtml: root.innerHTML,
    },
    anchors,
  };
}

/**
 * The article as the content script hands it over first, with its working time: the related-link
 * candidates are left empty (lib/extract/page.ts searches them; the content script does so later, from a
 * part of its own, so that the script injected on a first click holds the extraction only).
 */
export function* extractArticleForPage(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): Sliced<PageExtractionResult> {
  const timings: Record<string, number> = {};
  const { page, anchors } = yield* timedSliced(timings, 'extract', extractArticleSliced(doc, url, options));
  return { extraction: { ...page, relatedCandidates: [], timings }, anchors };
}
