/**
 * Importing a JSON export into the library: validate the whole file first, sanitise every article's
 * HTML (the file is untrusted, whatever made it), then merge in one transaction. Any failure before or
 * during the merge leaves the library exactly as it was.
 */
import { parseLibraryJson } from './export-json.ts';
import type { Library } from './library.ts';
import type { MergeReport } from './types.ts';

/** Sanitises one article's HTML; pages pass (html, base) => sanitizeArticleHtml(html, window, { baseUrl: base }). */
export type HtmlSanitizer = (html: string, baseUrl: string) => string;

export async function importLibraryFile(
  library: Library,
  fileText: string,
  sanitize: HtmlSanitizer,
): Promise<MergeReport> {
  const articles = parseLibraryJson(fileText).map((a) => ({
    ...a,
    contentHtml: sanitize(a.contentHtml, a.url),
  }));
  return library.importArticles(articles);
}
