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
}

export function classifyQuote(context: KindContext): QuoteKind {
  const { quoteText, before, attributedAfter, multiParagraph } = context;
  if (multiParagraph) return 'speech';
  const wordList = quoteText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const words = wordList.length;
  // A title or a name („Der Herr der Ringe“, "Super Mario Run"): every word capitalised, no clause.
  const titleCase =
    words <= 6 && wordList.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w)) && !/[.!?…]$/.test(quoteText);
  if (titleCase) return 'phrase';
  const startsUpper = /^[^\p{L}]*\p{Lu}/u.test(quoteText);
  const ownPunctuation = /[.!?…,;:–—-]$/.test(quoteText);
  const introduced = /:\s*$/.test(before);
  const opensSentence = before.trim() === '' || /[.!?…]["“”»«’]?\s*$/.test(before);
  if (introduced && words >= 2) return 'speech';
  if (attributedAfter && (words >= 3 || ownPunctuation)) return 'speech';
  if (opensSentence && startsUpper && words >= 3) return 'speech';
  if (ownPunctuation && startsUpper && words >= 4) return 'speech';
  if (startsUpper && words >= 8) return 'speech';
  return 'phrase';
}
