/**
 * Which quotations to show on a page in a language without speaker support (`support.quotes` is
 * 'partial': every language but German and English). Without the language's speech verbs Kontext
 * cannot tell speech from a scare quote or a name set in quotation marks — Russian puts all three in
 * «…»: «так называемый», «Газпром», «Мы продолжим работу» — so only what the typography alone makes
 * unambiguous is kept:
 *
 * 1. The marks are double: „…“ „…” »…« «…» “…” 「…」 『…』, and straight "…", which many sites type
 *    for every quote (all the Czech, Portuguese and Spanish speech on the real test pages in
 *    ../shared/data/pages/readability); an inch sign cannot open a quote there, since marks.ts opens
 *    none after a digit. Single marks ' ‚…‘ ‘…’ ‹…› are left out: they are apostrophes as often as
 *    quotation marks, and the usual marks of scare quotes and of quotes inside quotes.
 * 2. The quotation is more than a name or a scare-quoted phrase: at least MIN_WORDS words. A name or
 *    title in marks is one to three words («Единая Россия», “一带一路”); a scare quote one or two.
 *
 * Rule 2 costs short real quotes («Нет», “Sì, certo”); showing less is the point: a reader who sees
 * junk listed as quotes stops trusting the list. Speakers are never guessed in these languages.
 */
import { quoteWordCount } from './kind.ts';
import type { QuotedSpan } from './marks.ts';

const UNAMBIGUOUS_OPENERS = new Set(['„', '»', '«', '“', '"', '「', '『']);

/** Fewer words than this is a name, a title or a scare quote as often as it is speech. */
export const MIN_WORDS = 4;

export function isUnambiguousQuote(span: QuotedSpan, quoteText: string): boolean {
  return UNAMBIGUOUS_OPENERS.has(span.openMark) && quoteWordCount(quoteText) >= MIN_WORDS;
}
