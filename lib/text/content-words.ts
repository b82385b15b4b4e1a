/**
 * The one home for content words: the stop words of the languages Kontext reads (function words, and
 * the few news-page words that never say what an article is about) and the two ways the pipeline turns
 * text into content words: topical terms for related links and Wikipedia choices (accent-folded and
 * crudely stemmed, so "Putins" meets "Putin"), and the summariser's sentence terms (as written).
 */
import { foldAccents } from './fold.ts';

/** German and English function words: the summariser's stop list (its ROUGE figures are tuned on it). */
const GERMAN_ENGLISH_FUNCTION_WORDS =
  'der die das den dem des ein eine einer einem eines und oder aber doch sondern denn dass daß als wie ' +
  'wenn ob weil da so auch noch nur schon sehr mehr nicht kein keine keinen keiner ich du er sie es wir ihr ' +
  'man sich mich mir dich dir uns euch ihm ihn ihnen sein seine seiner seinem seinen ihre ihrem ihren ihrer ' +
  'ist sind war waren wird werden wurde wurden hat haben hatte hatten habe sei seien kann können konnte soll ' +
  'sollen sollte muss müssen will wollen wollte im in am an auf aus bei bis durch für gegen mit nach seit ' +
  'über um unter von vor zu zum zur zwischen dies diese dieser dieses diesem diesen jene jener was wer wo ' +
  'hier dort dann nun bereits sowie etwa laut so bisher jedoch damit dabei dazu ' +
  'the a an and or but if then than that this these those is are was were be been being has have had do ' +
  'does did of in on at to for from by with about as into over after before under between out up down ' +
  'it its he him his she her hers they them their theirs we us our you your i me my not no so too very ' +
  'can could will would shall should may might must also just which who whom whose what when where why ' +
  'how all any both each few more most other some such only own same there here said says say mr mrs ms';

/**
 * Words topics leave out besides those: news-page words and counts that never say what an article is
 * about, and a few German function words the summariser's list lacks (adding these to it moved its
 * tuned ROUGE figures, so they stay topical-only).
 */
const TOPIC_ONLY_WORDS =
  'new off now much many one two three first last year years time times day days week news video photos ' +
  'live update updates read review einen vom ohne neue neuen neuer jahr jahre heute';

/** Function words of the other languages related links and Wikipedia read. */
const OTHER_FUNCTION_WORDS = [
  // fr
  'le la les un une des du de et ou mais pas ne est sont été être avoir a au aux dans sur par pour avec sans qui que',
  'quoi ce cette ces son sa ses leur leurs plus comme tout tous très aussi lire',
  // es / pt
  'el los las una unos unas y o pero no es son fue ser del al en con sin por para que como más muy su sus este esta',
  'os as um uma e ou mas não é são foi em no na nos nas do da dos das com sem por para que como mais muito seu sua',
  // cs
  'a i v ve na se je jsou byl byla s z ze do k ke o od po pro za že to ten ta tak jak už ale',
].join(' ');

const SENTENCE_STOP_WORDS = new Set(GERMAN_ENGLISH_FUNCTION_WORDS.split(' '));

/** Topical stop words, accent-folded as topical terms are ("für" is "fur"). */
const TOPIC_STOP_WORDS = new Set(
  [GERMAN_ENGLISH_FUNCTION_WORDS, TOPIC_ONLY_WORDS, OTHER_FUNCTION_WORDS]
    .join(' ')
    .split(' ')
    .map(foldAccents),
);

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;
const NUMBER = /^\d+$/;

/**
 * Strips the commonest inflection endings (English plural/possessive, German/Romance case and number):
 * the longest of -ies/-ern, -es/-en/-er, -s/-n/-e the word ends with. Compared by hand rather than with a
 * regular expression: every word of the article and of every link title is stemmed.
 */
export function stem(word: string): string {
  const length = word.length;
  if (length <= 4) return word;
  if (word.endsWith('ies') || word.endsWith('ern')) return word.slice(0, -3);
  const last = word.charCodeAt(length - 1);
  const before = word.charCodeAt(length - 2);
  // e, then s, n or r after it: -es, -en, -er.
  if (before === 101 && (last === 115 || last === 110 || last === 114)) return word.slice(0, -2);
  // -s, -n, -e.
  if (last === 115 || last === 110 || last === 101) return word.slice(0, -1);
  return word;
}

/**
 * Topical terms of `text` for related links and Wikipedia: lower-cased, accent-folded, words of three
 * letters or more without stop words and numbers, stemmed; in order, duplicates kept. Deliberately
 * language-light: it only has to make titles and article text comparable.
 */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const raw of foldAccents(text.toLowerCase()).split(WORD_SEPARATOR)) {
    if (raw.length < 3 || TOPIC_STOP_WORDS.has(raw) || NUMBER.test(raw)) continue;
    terms.push(stem(raw));
  }
  return terms;
}

/** Two stems refer to the same thing when equal, or when both are long and share a 6-letter prefix. */
export function termsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6);
}

/** The summariser's terms of a sentence: lower-cased words as written, without stop words and numbers. */
export function sentenceTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((w) => w.length > 1 && !SENTENCE_STOP_WORDS.has(w) && !NUMBER.test(w));
}
