/** Saved articles: storage, search, sanitising, export and import. See each module for the why. */

export { analysisOfSaved } from './as-analysis.ts';
export type { ImportErrorCode, LibraryErrorCode } from './errors.ts';
export { ImportError, LibraryError } from './errors.ts';
export { articlesToNetscapeBookmarks } from './export-bookmarks.ts';
export { EXPORT_VERSION, exportLibraryJson, parseLibraryJson } from './export-json.ts';
export { articleToMarkdown, libraryToMarkdown } from './export-markdown.ts';
export { savedArticleFromAnalysis } from './from-analysis.ts';
export type { HtmlSanitizer } from './import-file.ts';
export { importLibraryFile } from './import-file.ts';
export type { Library, LibraryChange, OpenLibraryOptions } from './library.ts';
export { LIBRARY_CHANNEL, onLibraryChange, openLibrary } from './library.ts';
export { sanitizeArticleHtml, sanitizedFragment } from './sanitize.ts';
export type * from './types.ts';
