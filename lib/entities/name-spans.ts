/**
 * Names kept whole and named once, before the entity table groups mentions (issue 14):
 * - a person's name runs on over its particles: the tagger stops at "von" in "Ursula von der Leyen"
 *   and at "bin" in "Osama bin Laden"; the mention is extended over the particles and the capitalised
 *   word after them;
 * - a leading title is not part of a name, whatever kind the tagger gave the whole ("Justice Eleanor
 *   Marsh" → the person "Eleanor Marsh");
 * - "South Carolina", "New Zealand", „Nordrhein" are one place even though each word is a place of its
 *   own (`isPlacePrefix`: the table does not cut such a name into its places);
 * - an organisation's name runs on over "on"/"for"/"of" after its head noun ("Intergovernmental Panel"
 *   + "on" + "Climate Change", "Institute for Fiscal Studies"), over a plural's apostrophe before a
 *   head noun ("Transport and General Workers" + "' Union"), and over a place coordinated before it
 *   when the organisation itself starts with a place ("England and Wales Cricket Board", "Avon and
 *   Somerset Police"): one organisation, not a place and a cut-off body;
 * - a firm named for two people is one organisation when the text names the pair twice ("Marks and
 *   Spencer", where the tagger sees a person "Spencer");
 * - German case forms of one name share a key („der Deutschen Bahn" = „die Deutsche Bahn", „des
 *   Islamischen Staates" = „der Islamische Staat") and the nominative-looking form names the entity.
 */

import { opensSentence } from '../text/sentences.ts';
import type { Token } from '../text/tokens.ts';
import type { EntityKind } from '../types.ts';
import { isOrganisationHead } from './kinds.ts';
import { isRoleWord } from './roles.ts';

/** Lower-case particles inside person names (Dutch, German, Arabic, Romance). */
const NAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'zu',
  'ten',
  'ter',
]);

const ARABIC_PARTICLES = new Set(['bin', 'ibn']);

/** Capitalised words a particle run must not end on: "Leyen" yes, a weekday or month no. */
const NOT_NAME_AFTER_PARTICLE =
  /^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|June|July|October|December)$/;

export interface SpanMention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  sentence: number;
}

/**
 * A person mention followed by one to three name particles and a capitalised word that is not a known
 * common noun is extended over them ("Ursula" + "von der Leyen"), within its sentence.
 * `tokens` are the article's tokens in order; `text` the article text.
 */
export function extendOverParticles<M extends SpanMention>(
  mentions: readonly M[],
  tokens: ReadonlyArray<Token & { sentence: number }>,
  text: string,
  isCommonNoun: (word: string) => boolean = () => false,
): M[] {
  const byEnd = new Map(tokens.map((t, i) => [t.end, i]));
  return mentions.map((m) => {
    if (m.kind !== 'person') return m;
    const last = byEnd.get(m.end);
    if (last === undefined) return m;
    let k = last + 1;
    let particles = 0;
    while (
      particles < 3 &&
      tokens[k] &&
      NAME_PARTICLES.has(tokens[k]!.text) &&
      tokens[k]!.sentence === m.sentence
    ) {
      k++;
      particles++;
    }
    const name = tokens[k];
    if (particles === 0 || !name || name.sentence !== m.sentence) return m;
    if (!/^\p{Lu}\p{Ll}/u.test(name.text) || NOT_NAME_AFTER_PARTICLE.test(name.text)) return m;
    // German nouns are capitalised too: "Anna von der Stadtverwaltung" is Anna from the council. After
    // "bin"/"ibn", which German prose does not use, the word is a name even if it is a noun ("Laden").
    const arabic = ARABIC_PARTICLES.has(tokens[last + 1]!.text);
    if (!arabic && isCommonNoun(name.text)) return m;
    // The capitalised word may itself be tagged ("Laden" as a place): dropCovered removes that mention.
    const end = name.end;
    return { ...m, end, text: text.slice(m.start, end) };
  });
}

/**
 * A place mention right after a capitalised place prefix is extended over it: the headline "South
 * Carolina lawmakers…" where the sentence-initial "South" was left out.
 */
export function extendOverPlacePrefix<M extends SpanMention>(
  mentions: readonly M[],
  tokens: ReadonlyArray<Token & { sentence: number }>,
  text: string,
): M[] {
  const byStart = new Map(tokens.map((t, i) => [t.start, i]));
  return mentions.map((m) => {
    if (m.kind !== 'place') return m;
    const first = byStart.get(m.start);
    const before = first === undefined ? undefined : tokens[first - 1];
    if (!before || before.sentence !== m.sentence || before.end !== m.start - 1) return m;
    if (!/^\p{Lu}/u.test(before.text) || !isPlacePrefix(before.text)) return m;
    return { ...m, start: before.start, text: text.slice(before.start, m.end) };
  });
}

const ORGANISATION_LINK = /^ (?:on|for|of) (?:the )?$/u;
/** Heads after a plural's apostrophe: "Farmers' Union", "Writers' Guild" ("union" alone is no head: "Soviet Union"). */
const isPluralsHead = (word: string) =>
  isOrganisationHead(word) || /^(?:Union|Guild|Federation)$/u.test(word);

/** A capitalised word right after a mention, then a lower-case word or punctuation. */
const WORD_AFTER = /^ (\p{Lu}\p{Ll}+)(?=[\s,.;:!?)]\s*(?:\p{Ll}|$)|[,.;:!?)]?$)/u;

/**
 * A place or organisation mention runs over an untagged organisation head noun right after it: "Columbia
 * Records" tagged as the place "Columbia", "Hennepin Healthcare" cut after "Hennepin". A title-case line
 * ("Texas Schools Close Early") is left alone: the word after the head must not be capitalised.
 */
function withHeadAfter<M extends SpanMention>(order: M[], text: string): M[] {
  return order.map((m, i) => {
    if (m.kind === 'person') return m;
    const head = WORD_AFTER.exec(text.slice(m.end, m.end + 40));
    if (!head || !isOrganisationHead(head[1]!)) return m;
    const next = order[i + 1];
    const end = m.end + 1 + head[1]!.length;
    if (next && next.start < end) return m;
    return { ...m, end, text: text.slice(m.start, end), kind: 'organization' };
  });
}

/**
 * Joins organisation mentions with what the tagger cut off them (see the module comment): an
 * organisation whose last word is a head noun, "on"/"for"/"of" and the capitalised mention after it;
 * a place mention, "and", and an organisation of two or more words whose first word is a place
 * (`isPlace`). Mentions must be in one sentence; the result is sorted by start.
 */
export function joinOrganisationParts<M extends SpanMention>(
  mentions: readonly M[],
  text: string,
  isPlace: (word: string) => boolean,
): M[] {
  const order = withHeadAfter(
    [...mentions].sort((a, b) => a.start - b.start),
    text,
  );
  const out: M[] = [];
  for (let i = 0; i < order.length; i++) {
    const m = order[i]!;
    const next = order[i + 1];
    const last = out[out.length - 1];
    const between = next ? text.slice(m.end, next.start) : '';
    if (
      next &&
      m.kind === 'organization' &&
      next.sentence === m.sentence &&
      /^\p{Lu}/u.test(next.text) &&
      ((isOrganisationHead(m.text.split(' ').pop()!) && ORGANISATION_LINK.test(between)) ||
        (/s$/.test(m.text) && /^['’] $/u.test(between) && isPluralsHead(next.text.split(' ').pop()!)))
    ) {
      out.push({ ...m, end: next.end, text: text.slice(m.start, next.end) });
      i++;
      continue;
    }
    const words = m.text.split(' ');
    if (
      last &&
      last.kind === 'place' &&
      m.kind === 'organization' &&
      last.sentence === m.sentence &&
      words.length > 1 &&
      isPlace(words[0]!) &&
      text.slice(last.end, m.start) === ' and '
    ) {
      out[out.length - 1] = { ...m, start: last.start, text: text.slice(last.start, m.end) };
      continue;
    }
    out.push(m);
  }
  return out;
}

const AND_BEFORE = /(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}+) (and|&) $/u;

/**
 * A firm named for two people ("Marks and Spencer", "Barnes & Noble"): a one-word mention after a
 * capitalised word that no mention covers and "and"/"&", when the text writes the same pair at least
 * twice, becomes one organisation mention of the pair. Two people coordinated are two mentions
 * ("Starmer and Reeves": the tagger tags both).
 */
export function joinFirmPairs<M extends SpanMention>(mentions: readonly M[], text: string): M[] {
  const covered = (start: number, end: number) => mentions.some((o) => start < o.end && end > o.start);
  return mentions.map((m) => {
    if (m.text.includes(' ')) return m;
    const before = AND_BEFORE.exec(text.slice(Math.max(0, m.start - 30), m.start));
    if (!before) return m;
    const start = m.start - before[0].length;
    if (covered(start, start + before[1]!.length)) return m;
    const pair = `${before[1]} ${before[2]} ${m.text}`;
    if (text.split(pair).length - 1 < 2) return m;
    return { ...m, start, text: pair, kind: 'organization' };
  });
}

/**
 * Drops mentions that a longer mention covers (an extended mention's old parts). One sweep in start
 * order: a long article has thousands of mentions.
 */
export function dropCovered<M extends SpanMention>(mentions: readonly M[]): M[] {
  const order = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const dropped = new Set<M>();
  let reach: M | null = null;
  for (const m of order) {
    if (reach && (reach.end > m.end || (reach.end === m.end && reach.start < m.start))) dropped.add(m);
    if (!reach || m.end > reach.end) reach = m;
  }
  return dropped.size === 0 ? [...mentions] : mentions.filter((m) => !dropped.has(m));
}

/**
 * A leading title or role word before a name of two or more words is cut off, and what is left is a
 * person ("Justice Eleanor Marsh", "Governor Ray Dalton" tagged as an organisation). A title before one
 * word is left alone: "Queen Mary" may be a ship; so is one before a lower-case word ("Governor of Texas").
 */
export function stripLeadingTitle<M extends SpanMention>(m: M): M {
  // Titles come in runs ("Shadow Chancellor Fiona Lett", "Deputy Mayor Ann Cole"): each is cut while two
  // capitalised words are left.
  let out = m;
  for (;;) {
    const words = out.text.split(' ');
    if (words.length < 3 || !/^\p{Lu}/u.test(words[1]!)) return out;
    const first = words[0]!.replace(/\.$/, '').toLowerCase();
    if (!isRoleWord(first) && !ENGLISH_TITLES.has(first)) return out;
    const cut = words[0]!.length + 1;
    out = { ...out, start: out.start + cut, text: out.text.slice(cut), kind: 'person' };
  }
}

/**
 * A capitalised common word opening a sentence before a person's name is cut off ("Volunteer Simon
 * Okafor said …" → "Simon Okafor"): the mention opens the sentence, has three or more words, its first
 * word is not a given name and its second is.
 */
export function stripOpeningWord<M extends SpanMention>(
  m: M,
  text: string,
  isGivenName: ((word: string) => boolean) | undefined,
): M {
  if (m.kind !== 'person' || !isGivenName) return m;
  const words = m.text.split(' ');
  if (words.length < 3 || isGivenName(words[0]!) || !isGivenName(words[1]!)) return m;
  if (!opensSentence(text, m.start)) return m;
  const cut = words[0]!.length + 1;
  return { ...m, start: m.start + cut, text: m.text.slice(cut) };
}

/**
 * An English article that only opens the sentence is not part of a name of three or more words ("The
 * Office for National Statistics said …" → "Office for National Statistics"). Mid-sentence, a capital
 * "The" belongs to the name ("at The Hague", "in The New York Times"), and "The Hague" alone stays whole.
 */
export function stripOpeningArticle<M extends SpanMention>(m: M, text: string): M {
  if (m.kind === 'person' || !m.text.startsWith('The ') || m.text.split(' ').length < 3) return m;
  if (!opensSentence(text, m.start)) return m;
  return { ...m, start: m.start + 4, text: m.text.slice(4) };
}

/** British post-nominal letters after a name ("Jonathan Reeve KC", "Ann Lee MP"): honours and offices, not the name. */
const POST_NOMINALS = new Set([
  'KC',
  'QC',
  'MP',
  'MSP',
  'MS',
  'MEP',
  'OBE',
  'MBE',
  'CBE',
  'KBE',
  'DBE',
  'FRS',
]);

/** Post-nominal letters after a name of two or more words are cut off ("Jonathan Reeve KC" → "Jonathan Reeve"). */
export function stripPostNominal<M extends SpanMention>(m: M): M {
  const words = m.text.split(' ');
  const last = words[words.length - 1]!;
  if (words.length < 3 || !POST_NOMINALS.has(last)) return m;
  const text = words.slice(0, -1).join(' ');
  return { ...m, end: m.start + text.length, text };
}

/** Titles the role list (roles.ts) leaves out because they also start organisations' names elsewhere. */
const ENGLISH_TITLES = new Set([
  'justice',
  'judge',
  'governor',
  'senator',
  'dr',
  'professor',
  'prof',
  'sir',
  // Offices and ranks written before a name in English news ("Mayor Jacob Frey", "Superintendent
  // Gregory Alston", "Shadow Chancellor Fiona Lett", "Detective Sergeant Ann Lee").
  'mayor',
  'superintendent',
  'councillor',
  'councilman',
  'councilwoman',
  'commissioner',
  'sheriff',
  'detective',
  'inspector',
  'sergeant',
  'lieutenant',
  'colonel',
  'admiral',
  'bishop',
  'archbishop',
  'rabbi',
  'reverend',
  'rev',
  'representative',
  'congressman',
  'congresswoman',
  'shadow',
  'deputy',
  'acting',
  'former',
]);

/** First words that make one place with the place after them: "South Carolina", "New Zealand". */
const PLACE_PREFIXES = new Set([
  'north',
  'south',
  'east',
  'west',
  'new',
  'upper',
  'lower',
  'great',
  'greater',
  'central',
  'saint',
  'st.',
  'san',
  'santa',
  'los',
  'las',
  'nord',
  'süd',
  'ost',
  'neu',
  'groß',
  'bad',
]);

export function isPlacePrefix(word: string): boolean {
  return PLACE_PREFIXES.has(word.toLowerCase());
}

/** German adjective endings of a name's non-final words (Deutsche, Deutschen, Deutscher, Deutsches, Deutschem). */
const ADJECTIVE_END = /(?<=\p{Ll}{2})(?:e|en|er|es|em)$/u;
/** A German genitive ending on the last word of a multiword name ("Staates", "Instituts", "Bundestages"). */
const GENITIVE_END = /(?<=\p{Ll}{3}[^s])(?:es|s)$/u;

/**
 * The key under which case forms of one German name meet: adjective endings off the words before the
 * last, a genitive ending off the last word of a multiword name, then the one name fold's lower case.
 * Single words and English names are keyed as written (lower-cased, spaces collapsed).
 */
export function nameKey(name: string, lang: string, fold: (s: string) => string): string {
  const words = name.split(/\s+/);
  if (lang !== 'de' || words.length < 2) return fold(name);
  const keyed = words.map((w, k) => {
    if (k === words.length - 1) return w.replace(GENITIVE_END, '');
    return /^\p{Lu}/u.test(w) ? w.replace(ADJECTIVE_END, '') : w;
  });
  return fold(keyed.join(' '));
}

/**
 * How nominative a German surface form looks: its capitalised adjectives end in -e, -er or -es rather
 * than -en or -em, and its last word carries no genitive -s. Higher is more nominative.
 */
export function nominativeScore(name: string, lang: string): number {
  const words = name.split(' ');
  if (lang !== 'de' || words.length < 2) return 0;
  let score = 0;
  words.forEach((w, k) => {
    if (k === words.length - 1) {
      if (!GENITIVE_END.test(w)) score++;
    } else if (/^\p{Lu}/u.test(w) && /(?:en|em)$/.test(w)) score--;
  });
  return score;
}
