/**
 * Turns a finished analysis into the record the library stores. The HTML must already be sanitised
 * (sanitizeArticleHtml where there is a DOM; the content script does it for a background save).
 */
import type { Analysis } from '../types.ts';
import { sameArticleKey } from '../url.ts';
import { newArticleId } from './library.ts';
import type { SavedArticle } from './types.ts';

export function savedArticleFromAnalysis(
  analysis: Analysis,
  sanitizedHtml: string,
  now: Date = new Date(),
): SavedArticle {
  return {
    id: newArticleId(),
    url: analysis.url,
    normalizedUrl: sameArticleKey(analysis.url),
    title: analysis.title,
    byline: analysis.byline,
    siteName: analysis.siteName,
    lang: analysis.lang,
    savedAt: now.toISOString(),
    readingMinutes: analysis.readingMinutes,
    excerpt: analysis.excerpt,
    summary: analysis.summary,
    entities: analysis.entities,
    quotes: analysis.quotes,
    related: analysis.related,
    tags: [],
    read: false,
    contentHtml: sanitizedHtml,
    text: analysis.text,
    blocks: analysis.blocks,
  };
}
