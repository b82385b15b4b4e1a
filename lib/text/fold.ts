/** Any character outside ASCII (which decomposition leaves as it is). */
const NON_ASCII = /[^\0-\x7f]/;

/** Accents and other combining marks removed ("Erdoğan" → "Erdogan"); case and spacing kept. */
export function foldAccents(text: string): string {
  // ASCII text has nothing to decompose: returned as it is, without the two passes over it.
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
}

/**
 * The lightest fold: a key for "the same string up to case and spacing" (Unicode NFC, lower case, runs of
 * white space as one space, trimmed). Accents are kept, so it never merges two names a reader would
 * tell apart by their marks; the entity table keys its groups and ids with it.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A search term's fold: accents go, ß is ss, case goes ("Straße" = "strasse"). */
export function foldTerm(term: string): string {
  return foldAccents(term).replace(/ß/g, 'ss').toLowerCase();
}

/**
 * The one name fold: two spellings of a name that a reader would call the same name fold to the same
 * key. Accents go ("Erdoğan" = "Erdogan"), ß is ss, case goes, and hyphens, dashes, apostrophes, dots
 * and runs of spaces all become one space ("Kim Jong-un" = "Kim Jong Un", "St. Pölten" = "St Polten").
 * Letters are otherwise kept as they are: a fold that merged different names would show a reader
 * articles about someone else.
 */
export function foldName(name: string): string {
  return foldTerm(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the two names fold to the same key. */
export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}
