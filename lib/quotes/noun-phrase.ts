/**
 * Reads the noun phrase that names a speaker next to a speech verb: a pronoun ("er", "she"), a name
 * ("Kim", "Mr. Smith", "Olaf Scholz"), or a role ("den Machthaber", "the prime minister",
 * "Regierungssprecher Steffen Hebestreit").
 */

import { isCapitalised, isLowercase, type Token } from '../text/tokens.ts';
import { genderOfFirstName } from './gender.ts';
import {
  ADVERBS,
  CAPITALISED_FUNCTION_WORDS,
  DEMONYM,
  DETERMINERS,
  GERMAN_DEMONYM,
  NAME_PARTICLES,
  PERSON_NOUN,
  PRONOUNS,
  ROLE_NOUN,
  SPEECH_VERBS,
  TITLES,
} from './lexicon.ts';

export type NounPhraseKind = 'pronoun' | 'name' | 'role';

export interface NounPhrase {
  kind: NounPhraseKind;
  start: number;
  end: number;
  /** The tokens that make the name (titles, roles and determiners left out). */
  nameTokens: string[];
  /** The role or head noun of a description ("Machthaber", "52-Jährige"), when there is one. */
  role: string | null;
  /** 'definite' for "der/the …", 'indefinite' for "ein/a …", null without a determiner. */
  article: 'definite' | 'indefinite' | null;
  /** Index of the token after the phrase (forward reads) or before it (backward reads). */
  next: number;
}

/** Indefinite articles, and first-person possessives: „mein Partner“, "our source" name nobody in the story. */
const INDEFINITE = new Set([
  'ein',
  'eine',
  'einer',
  'einem',
  'eines',
  'a',
  'an',
  'one',
  'mein',
  'meine',
  'meiner',
  'meinem',
  'unser',
  'unsere',
  'my',
  'our',
]);
/** Prepositions that attach a phrase to the noun before it ("Jan Wirth von der Universität"). */
const PREPOSITIONS = new Set([
  'von',
  'vom',
  'aus',
  'bei',
  'beim',
  'in',
  'im',
  'of',
  'from',
  'at',
  'for',
  'with',
  'outside',
  'inside',
  'near',
]);
const QUOTE_MARK = /^["'„“”‚‘’»«›‹]$/;
/** A description head that is not capitalised: "der 52-Jährige", "the 45-year-old". */
const NUMBER_HEAD = /^\d+-\p{L}/u;

const isNameWord = (word: string) =>
  isCapitalised(word) && !CAPITALISED_FUNCTION_WORDS.has(word) && !DETERMINERS.has(word.toLowerCase());

function isPronoun(word: string): boolean {
  return PRONOUNS.has(word.toLowerCase());
}

/**
 * A German feminine person noun („Expertin“, „Sozialarbeiterin“) written before a name, which the
 * role list may not know: never a first name („Martina“), which the -in ending would not tell apart.
 */
export const isFeminineDescription = (word: string) =>
  /\p{Ll}in$/u.test(word) && PERSON_NOUN.test(word) && genderOfFirstName(word) === null;

/** Collects name tokens from index i on: capitalised words, titles, particles between names. */
function readNameForward(tokens: Token[], i: number): number {
  let j = i;
  while (j < tokens.length && j - i < 6) {
    const word = tokens[j]!.text;
    if (TITLES.has(word) || isNameWord(word)) j++;
    else if (j > i && NAME_PARTICLES.has(word) && tokens[j + 1] && isNameWord(tokens[j + 1]!.text)) j++;
    else break;
  }
  return j;
}

function build(tokens: Token[], from: number, to: number, next: number): NounPhrase | null {
  if (to <= from) return null;
  const words = tokens.slice(from, to).map((t) => t.text);
  const determiner = words.find((w) => DETERMINERS.has(w.toLowerCase()) || INDEFINITE.has(w.toLowerCase()));
  const article = determiner ? (INDEFINITE.has(determiner.toLowerCase()) ? 'indefinite' : 'definite') : null;
  const content = words.filter(
    (w) =>
      !DETERMINERS.has(w.toLowerCase()) &&
      !INDEFINITE.has(w.toLowerCase()) &&
      !TITLES.has(w) &&
      !QUOTE_MARK.test(w),
  );
  // "the Dane", "the Spaniard": a nationality with "the" describes someone, like a role noun.
  // „der Schwede“, „die Französin“ likewise.
  const isRole = (w: string) =>
    ROLE_NOUN.test(w) || (article === 'definite' && (DEMONYM.test(w) || GERMAN_DEMONYM.test(w)));
  const nameTokens = content.filter((w) => isNameWord(w) && !isRole(w));
  let role = content.find(isRole) ?? null;
  // „Die Expertin Ute Sommer“: a person noun before a full name describes them.
  if (!role && nameTokens.length >= 3 && isFeminineDescription(nameTokens[0]!)) role = nameTokens.shift()!;
  // A description without a known role word still names someone met before when its head is a
  // person noun: "der 52-Jährige", "der Mittelfeldspieler" (but not "die Stadt", "the city").
  // Not after a neuter „das“: „das Papier“, „das Ministerium“ are no one.
  const neuter = words.some((w) => w.toLowerCase() === 'das');
  if (!role && article && !neuter && nameTokens.length <= 1) {
    role = content.find((w) => NUMBER_HEAD.test(w) || PERSON_NOUN.test(w)) ?? null;
    if (role && nameTokens.length === 1 && nameTokens[0] === role) nameTokens.length = 0;
  }
  const kind: NounPhraseKind = nameTokens.length > 0 ? 'name' : 'role';
  if (kind === 'role' && !role) return null;
  return { kind, start: tokens[from]!.start, end: tokens[to - 1]!.end, nameTokens, role, article, next };
}

/** Reads a speaker phrase starting at token i. */
export function readNounPhraseForward(tokens: Token[], i: number): NounPhrase | null {
  const first = tokens[i];
  if (!first) return null;
  if (isPronoun(first.text)) {
    return {
      kind: 'pronoun',
      start: first.start,
      end: first.end,
      nameTokens: [],
      role: null,
      article: null,
      next: i + 1,
    };
  }
  let j = i;
  const lowerFirst = first.text.toLowerCase();
  const hasDeterminer = DETERMINERS.has(lowerFirst) || INDEFINITE.has(lowerFirst);
  if (hasDeterminer) {
    j++;
    // Adjectives and, in English, lower-case role nouns: "der stellvertretende Sprecher", "the prime minister".
    let lower = 0;
    while (
      j < tokens.length &&
      lower < 3 &&
      isLowercase(tokens[j]!.text) &&
      !DETERMINERS.has(tokens[j]!.text)
    ) {
      // "the mayor said": the verb ends the phrase.
      if (PREPOSITIONS.has(tokens[j]!.text) || SPEECH_VERBS.has(tokens[j]!.text)) break;
      j++;
      lower++;
    }
    // German head noun (capitalised or "52-Jährige"), or the English lower-case role already read.
    const head = tokens[j]?.text ?? '';
    if ((isCapitalised(head) && !CAPITALISED_FUNCTION_WORDS.has(head)) || NUMBER_HEAD.test(head)) j++;
  } else {
    // English roles before a name without an article: "said chief executive Anna Lindqvist".
    let k = i;
    while (
      k < tokens.length &&
      k - i < 3 &&
      isLowercase(tokens[k]!.text) &&
      !PREPOSITIONS.has(tokens[k]!.text)
    )
      k++;
    if (k > i && tokens[k] && isNameWord(tokens[k]!.text)) j = k;
  }
  const nameEnd = readNameForward(tokens, j);
  if (nameEnd === i || (hasDeterminer && nameEnd === i + 1)) return null;
  return build(tokens, i, nameEnd, nameEnd);
}

/** Reads a speaker phrase ending at token i (reading leftwards), skipping sentence adverbs. */
export function readNounPhraseBackward(tokens: Token[], i: number): NounPhrase | null {
  let end = i;
  let skipped = 0;
  while (end >= 0 && skipped < 2 && ADVERBS.has(tokens[end]!.text)) {
    end--;
    skipped++;
  }
  const last = tokens[end];
  if (!last) return null;
  if (isPronoun(last.text)) {
    return {
      kind: 'pronoun',
      start: last.start,
      end: last.end,
      nameTokens: [],
      role: null,
      article: null,
      next: end - 1,
    };
  }
  let j = end;
  while (j >= 0 && end - j < 8) {
    const word = tokens[j]!.text;
    // Quote marks around a name are part of it: Der «Tages-Anzeiger» kommentierte.
    if (TITLES.has(word) || isNameWord(word) || QUOTE_MARK.test(word) || NUMBER_HEAD.test(word)) j--;
    else if (j < end && NAME_PARTICLES.has(word) && tokens[j - 1] && isNameWord(tokens[j - 1]!.text)) j--;
    else break;
  }
  // English lower-case roles ("the prime minister said") and German adjectives ("der neue Trainer").
  let k = j;
  while (k >= 0 && end - k < 6 && isLowercase(tokens[k]!.text) && !DETERMINERS.has(tokens[k]!.text)) {
    if (PREPOSITIONS.has(tokens[k]!.text)) break;
    k--;
  }
  const before = tokens[k]?.text.toLowerCase() ?? '';
  const hasDeterminer = k >= 0 && (DETERMINERS.has(before) || INDEFINITE.has(before));
  const from = hasDeterminer ? k : j + 1;
  const preceding = tokens[from - 1]?.text ?? '';
  // "Jan Wirth von der Universität Bayreuth spricht": the phrase after the preposition is attached
  // to the speaker before it.
  if (PREPOSITIONS.has(preceding))
    return readNounPhraseBackward(tokens, from - 2) ?? build(tokens, from, end + 1, from - 1);
  // "Ein Sprecher des Aussendepartements sagte": a genitive attaches to the head noun before it.
  if ((before === 'des' || before === 'der') && hasDeterminer && isNameWord(preceding)) {
    const head = readNounPhraseBackward(tokens, from - 1);
    if (head) return head;
  }
  return build(tokens, from, end + 1, from - 1);
}
