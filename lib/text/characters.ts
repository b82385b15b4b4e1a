/**
 * Kontext's one text model at the character level. Extraction reads page text through it, and the
 * highlighter reads the live page through it, so a block's text and the page it came from agree.
 *
 * - Invisible characters (soft hyphen, zero-width space/non-joiner/joiner, word joiner, byte-order
 *   mark) carry no reading content; news sites put them inside words ("Nord&shy;korea"), where they
 *   would split a name. They are dropped.
 * - Every whitespace character (including NBSP and narrow NBSP) is a space, and runs collapse to one.
 *
 * Code-unit switches rather than a regular expression per character: extraction reads every character
 * of the article, and multi-megabyte blocks exist.
 */

/** Whether `code` (a UTF-16 code unit) is dropped from analysed text. */
export function isInvisibleCode(code: number): boolean {
  return (
    code === 0x00ad || // soft hyphen
    code === 0x200b || // zero-width space
    code === 0x200c || // zero-width non-joiner
    code === 0x200d || // zero-width joiner
    code === 0x2060 || // word joiner
    code === 0xfeff // byte-order mark / zero-width no-break space
  );
}

/** Whether `code` is whitespace as JavaScript's `\s` defines it (minus U+FEFF, which is invisible). */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}
