/**
 * Parsing a large JSON export without blocking the page: one JSON.parse of a 70 MB file holds the page
 * for hundreds of milliseconds. This scans the text a slice per task, finds the elements of the top-level
 * object's one `"articles"` array, and parses them a group per task; the rest of the object (the
 * "envelope") is parsed with that array replaced by a marker.
 *
 * Only for the plain shape Kontext writes: for anything else (not an object, damaged, cut off, no or
 * several `"articles"` arrays, a key written with escapes) it returns null and the caller parses the
 * whole text at once, so every error reads exactly as before.
 */

/**
 * Characters scanned between two pauses: a few milliseconds. (A megabyte was one 44–102 ms task of
 * scanning in a trace of a 20,000-entry import, scripts/trace-library.ts.)
 */
const SCAN_SLICE = 1 << 18;
/** Characters of articles parsed between two pauses. */
const GROUP_CHARS = 256 * 1024;
const MARKER = '"kontext-articles-parsed-in-steps"';

export interface SteppedJson {
  /** The top-level object, its `articles` array still holding only the marker (see isMarked). */
  envelope: Record<string, unknown>;
  articles: unknown[];
}

/** The character codes the scan looks at. */
const QUOTE = '"'.charCodeAt(0);
const BACKSLASH = '\\'.charCodeAt(0);
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, COMMA] = [...'{}[],'].map((c) =>
  c.charCodeAt(0),
);

export async function parseArticlesInSteps(
  text: string,
  pause: () => Promise<void>,
): Promise<SteppedJson | null> {
  if (text.charCodeAt(0) !== OPEN_BRACE) return null;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  /** The last string closed at depth 1: the key of a value that opens next. */
  let keyStart = -1;
  let keyEnd = -1;
  let arrayStart = -1;
  let arrayEnd = -1;
  let inArticles = false;
  let groupStart = -1;
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && i % SCAN_SLICE === 0) await pause();
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 1) {
          keyStart = stringStart;
          keyEnd = i;
        }
      }
    } else if (c === QUOTE) {
      inString = true;
      stringStart = i;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (c === OPEN_BRACKET && depth === 1 && text.slice(keyStart, keyEnd + 1) === '"articles"') {
        if (arrayStart >= 0) return null;
        arrayStart = i;
        groupStart = i + 1;
        inArticles = true;
      }
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth < 0) return null;
      if (inArticles && depth === 1) {
        inArticles = false;
        arrayEnd = i;
        groups.push([groupStart, i]);
      }
    } else if (c === COMMA && inArticles && depth === 2 && i - groupStart >= GROUP_CHARS) {
      groups.push([groupStart, i]);
      groupStart = i + 1;
    }
  }
  if (depth !== 0 || inString || arrayEnd < 0) return null;
  try {
    const envelope: unknown = JSON.parse(`${text.slice(0, arrayStart + 1)}${MARKER}${text.slice(arrayEnd)}`);
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return null;
    // A later duplicate "articles" key (escaped, so the scan did not see it) wins in JSON.parse too.
    if (!isMarked((envelope as { articles?: unknown }).articles)) return null;
    const articles: unknown[] = [];
    for (const [start, end] of groups) {
      // `[a, ]` split at its comma would parse as two groups: JSON.parse refuses it whole.
      if (groups.length > 1 && text.slice(start, end).trim() === '') return null;
      await pause();
      for (const article of JSON.parse(`[${text.slice(start, end)}]`) as unknown[]) articles.push(article);
    }
    return { envelope: envelope as Record<string, unknown>, articles };
  } catch {
    return null;
  }
}

function isMarked(value: unknown): boolean {
  return Array.isArray(value) && value.length === 1 && value[0] === JSON.parse(MARKER);
}
