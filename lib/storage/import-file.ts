/**
 * Importing a JSON export into the library: validate the whole file first, sanitise every article's
 * HTML (the file is untrusted, whatever made it), then merge in one transaction. Any failure before or
 * during the merge leaves the library exactly as it was.
 *
 * A large file (100,000 entries) takes a while: parsing (readLibraryFileInSteps), checking and sanitising
 * run in chunks with a pause for the page between them, and progress is reported through both phases, so
 * the page can show it.
 */
import { checkArticle, readLibraryFileInSteps } from './export-json.ts';
import type { Library } from './library.ts';
import { nextTask } from './search-index.ts';
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

/**
 * Articles checked and sanitised between two pauses: about ten milliseconds of work (at 200, a
 * 20,000-entry import held the page for ~220 ms at a time).
 */
const CHECK_CHUNK = 50;
/** Articles checked between two progress reports. */
const REPORT_EVERY = 200;

export async function importLibraryFile(
  library: Library,
  fileText: string,
  sanitize: HtmlSanitizer,
  options: ImportOptions = {},
): Promise<MergeReport> {
  const { onProgress } = options;
  const raw = await readLibraryFileInSteps(fileText, nextTask);
  const total = raw.length;
  const articles: SavedArticle[] = [];
  for (let start = 0; start < total; start += CHECK_CHUNK) {
    for (let i = start; i < Math.min(total, start + CHECK_CHUNK); i++) {
      const article = checkArticle(raw[i], i);
      articles.push({ ...article, contentHtml: sanitize(article.contentHtml, article.url) });
    }
    if (articles.length % REPORT_EVERY === 0 || articles.length === total) {
      onProgress?.({ phase: 'checking', done: articles.length, total });
    }
    if (articles.length < total) await nextTask();
  }
  return library.importArticles(articles, {
    onProgress: (done) => onProgress?.({ phase: 'saving', done, total }),
  });
}
