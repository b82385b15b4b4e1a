/**
 * The one tokeniser and the word-class tests (capitalised, lower-case, punctuation, has a letter) for
 * article text: the NER model's features, the entity table and the quote reader all read these tokens.
 *
 * Tokens carry UTF-16 offsets and are cut the way the training corpora are: punctuation apart, hyphenated compounds whole ("Ukraine-Krieg"), dotted abbreviations whole ("U.S.", "z.B."),
 * a title's or initial's period kept ("Dr.", "J."), and the English possessive split ("Clinton" "'s").
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * The repeated groups are bounded: Firefox's regex engine keeps one backtrack entry per repetition and
 * throws "too much recursion" on a pathological token ("a-a-a-…", "a.a.a.…" over 100k characters). No real
 * compound has more than a dozen parts, nor an abbreviation more than eight letters.
 */
export const MAX_TOKEN_PARTS = 16;
const TOKEN = /(?:\p{L}\.){2,8}|[\p{L}\p{M}\p{N}]+(?:[-'’&/.·][\p{L}\p{M}\p{N}]+){0,15}|\S/gu;

const POSSESSIVE_END = /['’]s$/;

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gen',
  'col',
  'lt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'vs',
  'nr',
  'hr',
  'fr',
  'bzw',
  'ca',
  'vgl',
  'usw',
  'mio',
  'mrd',
]);

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  // exec on the one global regex rather than matchAll, which clones it and allocates an iterator per call.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let word = m[0];
    const start = m.index;
    let end = start + word.length;
    if (text[end] === '.' && /^\p{L}+$/u.test(word)) {
      // "Dr." and initials ("J.") keep their period; a sentence's final period stays apart.
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) {
        word += '.';
        end += 1;
      }
    }
    // The suffix test first: the possessive pattern's backtracking is wasted on nearly every word.
    const possessive = POSSESSIVE_END.test(word) ? /^(.+)(['’]s)$/u.exec(word) : null;
    if (possessive && !/[-'’]/u.test(possessive[1]!)) {
      const head = possessive[1]!;
      tokens.push({ text: head, start: start + offset, end: start + head.length + offset });
      tokens.push({ text: possessive[2]!, start: start + head.length + offset, end: end + offset });
      continue;
    }
    tokens.push({ text: word, start: start + offset, end: end + offset });
  }
  // A period already consumed by an abbreviation must not be matched again.
  return tokens.filter((t, i) => !(t.text === '.' && i > 0 && tokens[i - 1]!.end > t.start));
}

/**
 * The tokens of `text` between `from` and `to` as the quote reader reads them: tokenize's tokens with an
 * English possessive kept on its word ("Clinton's": the quote reader matches names with and without it).
 */
export function tokenizeRange(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (const token of tokenize(text.slice(from, to), from)) {
    const last = tokens.at(-1);
    if (last && last.end === token.start && POSSESSIVE_END.test(token.text) && token.text.length === 2) {
      last.text += token.text;
      last.end = token.end;
    } else tokens.push(token);
  }
  return tokens;
}

/** The first character is an upper-case (or title-case) letter. ASCII is tested by code, the rest by case mapping. */
export function isCapitalised(word: string): boolean {
  const ch = word[0];
  if (!ch) return false;
  const code = ch.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  return ch !== ch.toLowerCase();
}

export const isLowercase = (word: string) => /^\p{Ll}/u.test(word);

/** No letter and no digit: punctuation, symbols. */
export const isPunctuation = (word: string) => !/[\p{L}\p{N}]/u.test(word);

/** At least one character with an upper and a lower case. */
export function hasLetter(word: string): boolean {
  return word.toLowerCase() !== word.toUpperCase();
}
