/**
 * Importing a JSON export into the library: validate the whole file first, sanitise every article's
 * HTML (the file is untrusted, whatever made it), then merge in one transaction. Any failure before or
 * during the merge leaves the library exactly as it was.
 *
 * A large file (100,000 entries) takes a while: parsing (readLibraryFileInSteps), checking and sanitising
 * run in chunks with a pause for the page between them, and progress is reported through both phases, so
 * the page can show it.
 */
import { quickTask } from '../slicing.ts';
import { checkArticle, readLibraryFileInSteps } from './export-json.ts';
import type { Library } from './library.ts';
import { timeSlice } from './search-index.ts';
import type { MergeReport, SavedArticle } from './types.ts';

/** Sanitises one article's HTML; pages pass (html, base) => sanitizeArticleHtml(html, window, { baseUrl: base }). */
export type HtmlSanitizer = (html: string, baseUrl: string) => string;

export interface ImportProgress {
  /** 'checking': validating and sanitising the file's articles; 'saving': writing them. */
  phase: 'checking' | 'saving';
  done: number;
  total: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** Articles checked between two progress reports. */
const REPORT_EVERY = 200;

export async function importLibraryFile(
  library: Library,
  fileText: string,
  sanitize: HtmlSanitizer,
  options: ImportOptions = {},
): Promise<MergeReport> {
  const { onProgress } = options;
  // Pauses without timers (quickTask): thousands of them, each clamped to 4 ms as a timer.
  const raw = await readLibraryFileInSteps(fileText, quickTask);
  const total = raw.length;
  const articles: SavedArticle[] = [];
  // A pause every SLICE_MS of work (at a fixed 200 articles, a 20,000-entry import held the page ~220 ms).
  const sliceOver = timeSlice();
  for (let i = 0; i < total; i++) {
    const article = checkArticle(raw[i], i);
    articles.push({ ...article, contentHtml: sanitize(article.contentHtml, article.url) });
    if (articles.length % REPORT_EVERY === 0 || articles.length === total) {
      onProgress?.({ phase: 'checking', done: articles.length, total });
    }
    if (articles.length < total && sliceOver()) await quickTask();
  }
  return library.importArticles(articles, {
    onProgress: (done) => onProgress?.({ phase: 'saving', done, total }),
  });
}
