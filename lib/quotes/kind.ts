/**
 * Tells speech from a phrase or scare quote. Speech is a clause someone said: introduced by a colon,
 * standing as its own sentence, carrying its own final punctuation, followed by an attribution, or
 * long. A phrase is a few words embedded in the reporter's sentence („fremden Erde“, "a disaster").
 */
import type { QuoteKind } from '../types.ts';

export interface KindContext {
  quoteText: string;
  /** Text of the sentence before the opening mark. */
  before: string;
  /** True when an attribution ("sagte X", "X said") follows the closing mark. */
  attributedAfter: boolean;
  multiParagraph: boolean;
  /** The article's language: German quotes a lower-case clause inside the sentence as speech. */
  lang?: string;
}

/** Letters of scripts written without spaces between words. */
const UNSPACED_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/**
 * Words of a quotation. Chinese and Japanese are written without spaces: there every two letters count
 * as a word (a Chinese word averages about two characters), so "at least 4 words" means 8 characters.
 */
export function quoteWordCount(text: string): number {
  const unspaced = text.match(UNSPACED_LETTER)?.length ?? 0;
  const spaced = text
    .replace(UNSPACED_LETTER, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return spaced + Math.floor(unspaced / 2);
}

/**
 * English introductions that run straight into the words said, without a colon: 'he said "every
 * leader has …"', 'According to Mike Hawes, chief executive of …, "buyers are waiting …"'.
 */
const SAID_BEFORE =
  /(?:\b(?:said|says|added|adds|wrote|writes|asked|asks)\s*,?|\baccording to [^.!?:"“”]{1,100},)\s*$/iu;

export function classifyQuote(context: KindContext): QuoteKind {
  const { quoteText, before, attributedAfter, multiParagraph } = context;
  if (multiParagraph) return 'speech';
  const wordList = quoteText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const words = quoteWordCount(quoteText);
  // A title or a name („Der Herr der Ringe“, "Super Mario Run"): every word capitalised, no clause.
  // Not a word with a comma before "she said" ("“Sleep,” she said."): a title is not attributed.
  const saidWord = attributedAfter && /,$/.test(quoteText);
  const opensSentence = before.trim() === '' || /[.!?…。！？]["“”»«’」』]?\s*$/.test(before);
  // „Unglaublich“, sagte die Französin: a sentence of its own followed by who said it is no title.
  const saidSentence = attributedAfter && opensSentence;
  const titleCase =
    words <= 6 &&
    !saidWord &&
    !saidSentence &&
    wordList.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w)) &&
    !/[.!?…]$/.test(quoteText);
  if (titleCase) return 'phrase';
  // Scripts without capitals (Chinese, Arabic, Korean, …) count as "upper": case cannot tell there.
  const startsUpper = /^[^\p{L}]*[\p{Lu}\p{Lo}]/u.test(quoteText);
  const ownPunctuation = /[.!?…,;:–—\-。！？，；：]$/.test(quoteText);
  const introduced = /[:：]\s*$/.test(before);
  // „…, antwortete der Minister: „Nein.““: a sentence of one word introduced by a colon.
  if (introduced && (words >= 2 || (startsUpper && /[.!?…]$/.test(quoteText)))) return 'speech';
  if (SAID_BEFORE.test(before) && words >= 3) return 'speech';
  if (attributedAfter && (words >= 3 || ownPunctuation)) return 'speech';
  // „Diesmal nicht“, sagt er: a quote that is its own sentence before an attribution is speech, however short.
  if (attributedAfter && opensSentence && startsUpper) return 'speech';
  if (opensSentence && startsUpper && words >= 3) return 'speech';
  // A short sentence of its own, closed inside the marks: "“Which services?” Alden asked. “Name one.”"
  if (opensSentence && startsUpper && words >= 2 && /[.!?…]$/.test(quoteText)) return 'speech';
  if (ownPunctuation && startsUpper && words >= 4) return 'speech';
  if (startsUpper && words >= 8) return 'speech';
  // „…, man habe „alles getan, was in unserer Macht stand, um die Schule zu retten““: in German a quoted
  // clause of eight words or more is someone's speech even when it starts lower-case inside the
  // sentence. Not in English, where long lower-case quotes in the gold set are mostly phrases.
  if (words >= 8 && context.lang === 'de') return 'speech';
  return 'phrase';
}
