/**
 * A saved article seen as an Analysis, so code written for live pages (the highlighter, hover cards)
 * works on the reader page unchanged. Offsets are the saved ones: text and blocks are stored as analysed.
 */
import { languageSupport } from '../language-support.ts';
import type { Analysis, ArticleBlock } from '../types.ts';
import type { SavedArticle } from './types.ts';

/** Blocks from the text when the record has none (saved before blocks were stored). */
function blocksOf(article: SavedArticle): ArticleBlock[] {
  if (article.blocks.length > 0) return article.blocks;
  let start = 0;
  return article.text.split('\n\n').map((text) => {
    const block: ArticleBlock = { kind: 'paragraph', text, start };
    start += text.length + 2;
    return block;
  });
}

export function analysisOfSaved(article: SavedArticle): Analysis {
  const blocks = blocksOf(article);
  return {
    status: 'ok',
    message: null,
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: null,
    lang: article.lang,
    langSource: 'markup',
    excerpt: article.excerpt,
    wordCount: article.text.split(/\s+/).filter(Boolean).length,
    readingMinutes: article.readingMinutes,
    text: article.text,
    paragraphs: blocks.map((b) => b.text),
    blocks,
    contentHtml: article.contentHtml,
    entities: article.entities,
    quotes: article.quotes,
    summary: article.summary,
    related: article.related,
    support: languageSupport(article.lang),
    timings: {},
  };
}
