/**
 * Finds who said a quote from the words around it: after the quote ("…“, sagte X / so X / zitierte
 * X den Y; …," X said / said X), or before it in the same sentence (X sagte: „…“ / Dazu erklärte X:
 * / laut X / X zufolge / according to X / X told reporters: "…").
 */
import { isPunctuation, type Token } from '../text/tokens.ts';
import { AUDIENCE_VERBS, AUXILIARIES, DETERMINERS, SAYING_NOUN, SPEECH_VERBS } from './lexicon.ts';
import { type NounPhrase, readNounPhraseBackward, readNounPhraseForward } from './noun-phrase.ts';
import type { Speaker, SpeakerResolver } from './resolve.ts';

const isSpeechVerb = (word: string) => SPEECH_VERBS.has(word.toLowerCase()) || word === 'so';

function resolveFirst(resolver: SpeakerResolver, phrases: Array<NounPhrase | null>): Speaker | null {
  for (const phrase of phrases) {
    if (!phrase) continue;
    const speaker = resolver.resolve(phrase);
    if (speaker) return speaker;
  }
  return null;
}

/**
 * A German verb in the plural (sagen, erklärten; not the participle geschrieben) has a plural subject:
 * „Die Leute sagen uns“, „sagten die Anwohner“ describe several people, none of them the speaker.
 */
const isPluralVerb = (word: string) => /^\p{Ll}+en$/u.test(word) && !word.startsWith('ge');

/** The subject phrase unless a plural verb makes a description or pronoun of it several people. */
function singular(phrase: NounPhrase | null, verb: string): NounPhrase | null {
  return phrase && phrase.kind !== 'name' && isPluralVerb(verb) ? null : phrase;
}

/**
 * The subject opening a clause that introduces a quote („Die Ministerin hat selbst gesagt:“), unless
 * its speech verb is plural and the subject a description („Die Leute sagen uns:“).
 */
export function clauseSubject(tokens: Token[]): NounPhrase | null {
  const verb = tokens.find((t) => isSpeechVerb(t.text))?.text ?? '';
  return singular(readNounPhraseForward(tokens, 0), verb);
}

/** Longest apposition or relative clause skipped between a speaker and the verb ("X, who serves as …, said"). */
const INSERT_MAX = 20;

/** Index of the comma opening the apposition that ends with the comma at i, or -1. */
function appositionStart(tokens: Token[], i: number): number {
  if (tokens[i]?.text !== ',') return -1;
  for (let k = i - 1; k >= 0 && i - k <= INSERT_MAX; k--) {
    if (tokens[k]!.text === ',') return k;
    if (/^[.!?;:]$/.test(tokens[k]!.text)) return -1;
  }
  return -1;
}

/**
 * The speaker before a verb when an apposition stands between: "Der Chef von Volkswagen, Oliver Blume,
 * erklärte" — the person inside the commas is the speaker, not Volkswagen; "X, deputy administrator
 * of …, said" / "X, who serves as …, said" — the phrase before the commas is.
 */
function speakerBeforeApposition(tokens: Token[], comma: number, resolver: SpeakerResolver): Speaker | null {
  const open = appositionStart(tokens, comma);
  if (open < 0) return null;
  const inner = readNounPhraseBackward(tokens, comma - 1);
  if (inner && inner.kind === 'name' && inner.next >= open) {
    const speaker = resolver.resolve(inner);
    if (speaker && resolver.isPerson(speaker)) return speaker;
  }
  const head = readNounPhraseBackward(tokens, open - 1);
  const speaker = head ? resolver.resolve(head) : null;
  if (speaker) return speaker;
  return inner ? resolver.resolve(inner) : null;
}

/** Words between a verb and its subject: „erinnerte sich der Schauspieler“, „So formulierte es X“. */
const BEFORE_SUBJECT = new Set(['sich', 'es', 'auch', 'dann', 'nun', 'noch']);

/** Index of the subject after a verb at i - 1, past a reflexive „sich“, an expletive „es“, an adverb. */
function subjectStart(tokens: Token[], i: number): number {
  let k = i;
  while (k < i + 2 && BEFORE_SUBJECT.has(tokens[k]?.text ?? '')) k++;
  return k;
}

/** Words that attach a complement to a description: „die Vorsitzende des Vereins“, "head of the club". */
const COMPLEMENT = new Set(['des', 'der', 'von', 'vom', 'of']);

/**
 * „sagte der neue Eigentümer, Vorstandschef Markus Stodden“, „sagte die Vorsitzende des Vereins, Doris
 * Lemke“: a description followed by a name between commas is that person, named; the name is the
 * surer link.
 */
function namedInApposition(tokens: Token[], subject: NounPhrase | null): NounPhrase | null {
  if (subject?.kind !== 'role') return null;
  let comma = subject.next;
  if (COMPLEMENT.has(tokens[comma]?.text ?? '')) {
    while (comma < subject.next + 6 && tokens[comma] && !/^[,.;:!?]$/.test(tokens[comma]!.text)) comma++;
  }
  if (tokens[comma]?.text !== ',') return null;
  const named = readNounPhraseForward(tokens, comma + 1);
  if (named?.kind !== 'name') return null;
  const close = tokens[named.next]?.text;
  return close === undefined || /^[,.;:!?]$/.test(close) ? named : null;
}

/** "Pakistan-based", "Berlin-born": a capitalised place joined to a lowercase participle. */
const MODIFIER = /^\p{Lu}\p{L}*-(?:based|born|bred|raised)$/u;

/**
 * „…“, lautet das Fazit von Prof. Anja Brückner / so die Einschätzung von X: the words are the
 * summing up of the person after „von“.
 */
function sayerOf(tokens: Token[], i: number): NounPhrase | null {
  if (!/^(?:lautet|lautete|so)$/u.test(tokens[i]?.text ?? '')) return null;
  for (let k = i + 1; k <= i + 5 && k < tokens.length - 1; k++) {
    if (SAYING_NOUN.test(tokens[k]!.text) && /^(?:von|vom)$/u.test(tokens[k + 1]!.text)) {
      return readNounPhraseForward(tokens, k + 2);
    }
  }
  return null;
}

/**
 * „…“, wie Baudezernent Otto Lenz am Dienstag sagte / „…“, wie es die Ministerin formulierte: a
 * clause with the verb last whose subject follows „wie“; the verb closes the clause.
 */
function asSaid(tokens: Token[], i: number): NounPhrase | null {
  if (tokens[i]?.text.toLowerCase() !== 'wie') return null;
  const subject = readNounPhraseForward(tokens, subjectStart(tokens, i + 1));
  if (!subject) return null;
  for (let k = subject.next; k < tokens.length && k - subject.next < 8; k++) {
    const word = tokens[k]!.text;
    if (/^[,.;:!?]$/.test(word)) return null;
    if (isSpeechVerb(word) && word !== 'so') return singular(subject, word);
  }
  return null;
}

/** German finite auxiliaries that open an attribution whose verb of saying comes last. */
const AUXILIARY_FIRST = new Set([
  'hat',
  'hatte',
  'habe',
  'hätte',
  'soll',
  'sollte',
  'will',
  'wollte',
  'wird',
]);

/**
 * „…“, hat die Kanzlerin einst gesagt / „…“, soll er gerufen haben: an auxiliary right after the
 * quote, its subject, and the verb of saying at the clause's end.
 */
function perfectSaid(tokens: Token[], i: number): NounPhrase | null {
  if (!AUXILIARY_FIRST.has(tokens[i]?.text ?? '')) return null;
  const subject = readNounPhraseForward(tokens, subjectStart(tokens, i + 1));
  // „soll er gerufen haben“: hearsay about someone the pronoun may not name (a suspect, a caller).
  if (!subject || (subject.kind === 'pronoun' && /^soll/u.test(tokens[i]!.text))) return null;
  for (let k = subject.next; k < tokens.length && k - subject.next < 8; k++) {
    const word = tokens[k]!.text;
    if (/^[,.;:!?]$/.test(word)) return null;
    if (isSpeechVerb(word) && word !== 'so') return subject;
  }
  return null;
}

/** Attribution in the words right after the closing mark (same sentence). */
export function speakerAfter(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  let i = 0;
  while (i < tokens.length && /^[,–—-]$/.test(tokens[i]!.text)) i++;
  if (i === 0 && tokens[0] && isPunctuation(tokens[0].text)) return null; // "…“. Next sentence" or "…”"
  const first = tokens[i];
  if (!first) return null;
  const saying = sayerOf(tokens, i);
  if (saying) return resolveFirst(resolver, [saying]);
  const as = asSaid(tokens, i) ?? perfectSaid(tokens, i);
  if (as) return resolveFirst(resolver, [namedInApposition(tokens, as), as]);
  if (isSpeechVerb(first.text)) {
    const subject = readNounPhraseForward(tokens, subjectStart(tokens, i + 1));
    // "said Hartwig Fischer’s successor as director, Nicholas Cullinan": a possessive names someone
    // else; the speaker is the apposition after the comma.
    if (subject && /['’]s$/u.test(tokens[subject.next - 1]?.text ?? '')) {
      const comma = tokens.findIndex(
        (t, k) => k >= subject.next && k - subject.next <= INSERT_MAX && t.text === ',',
      );
      const named = comma > 0 ? readNounPhraseForward(tokens, comma + 1) : null;
      return named ? resolveFirst(resolver, [named]) : null;
    }
    if (subject && AUDIENCE_VERBS.has(first.text.toLowerCase())) {
      // "zitierte KCNA den Machthaber": the agency quotes; the one quoted is the speaker.
      const quoted = DETERMINERS.has(tokens[subject.next]?.text.toLowerCase() ?? '')
        ? readNounPhraseForward(tokens, subject.next)
        : null;
      if (quoted) return resolveFirst(resolver, [quoted, subject]);
    }
    return resolveFirst(resolver, [namedInApposition(tokens, subject), singular(subject, first.text)]);
  }
  // "…," Pakistan-based developer Ammar Askar wrote: a place-based modifier is not the subject.
  if (MODIFIER.test(tokens[i]?.text ?? '') && /^\p{Ll}/u.test(tokens[i + 1]?.text ?? '')) i++;
  // English order: "…," Smith said / he added / the minister told reporters / Smith, 45, said.
  const subject = readNounPhraseForward(tokens, i);
  if (!subject) return null;
  let v = subject.next;
  if (tokens[v]?.text === ',') {
    for (let k = v + 1; k < tokens.length && k - v <= INSERT_MAX; k++) {
      if (tokens[k]!.text === ',') {
        v = k + 1;
        break;
      }
    }
  }
  // "Kim was quoted as saying", "Smith later told", "er hat gesagt".
  for (let n = 0; n < 4 && tokens[v] && AUXILIARIES.has(tokens[v]!.text.toLowerCase()); n++) v++;
  if (tokens[v] && isSpeechVerb(tokens[v]!.text))
    return resolveFirst(resolver, [singular(subject, tokens[v]!.text)]);
  return null;
}

/** Whether words after a quote hold a verb of saying at all (whoever its subject). */
export const hasSpeechVerb = (tokens: Token[]) => tokens.some((t) => isSpeechVerb(t.text));

const INDEFINITE_WORDS = new Set(['ein', 'eine', 'einer', 'a', 'an', 'one']);

/**
 * "…“, sagte ein Polizeisprecher" / "…," a spokesman said: the attribution names nobody. The quote is
 * someone's, so it does not continue the previous speaker's words.
 */
export function anonymousAfter(tokens: Token[]): boolean {
  let i = 0;
  while (i < tokens.length && /^[,–—-]$/.test(tokens[i]!.text)) i++;
  if (i === 0) return false;
  const word = (k: number) => tokens[k]?.text.toLowerCase() ?? '';
  if (isSpeechVerb(tokens[i]?.text ?? '') && INDEFINITE_WORDS.has(word(i + 1))) return true;
  // „…“, sagten die Anwohner: several people (unless named, when the attribution found them first).
  if (isSpeechVerb(tokens[i]?.text ?? '') && isPluralVerb(tokens[i]!.text)) {
    if (readNounPhraseForward(tokens, subjectStart(tokens, i + 1))) return true;
  }
  if (!INDEFINITE_WORDS.has(word(i))) return false;
  return tokens.slice(i + 1, i + 5).some((t) => isSpeechVerb(t.text) && t.text !== 'so');
}

/** Possessives opening a subject: „Ihr Chef“, "his lawyer" are someone related, never that person. */
const POSSESSIVE_WORDS = new Set('sein seine seiner seinem ihr ihre ihrer ihrem his her their'.split(' '));

/**
 * „Ihr Chef habe gesagt: …“, "A neighbour said: …": a colon introduction whose subject (before the
 * verb) names nobody. The quote is that someone's, so it does not continue the previous speaker's.
 */
export function anonymousBefore(tokens: Token[]): boolean {
  if (tokens.at(-1)?.text !== ':') return false;
  let verb = tokens.length - 2;
  while (verb >= 0 && !isSpeechVerb(tokens[verb]!.text)) verb--;
  if (verb < 0 || verb < tokens.length - 4) return false;
  for (let k = Math.max(0, verb - 4); k < verb; k++) {
    const word = tokens[k]!.text.toLowerCase();
    const opens = k === 0 || isPunctuation(tokens[k - 1]!.text);
    if (opens && (POSSESSIVE_WORDS.has(word) || INDEFINITE_WORDS.has(word))) return true;
  }
  return false;
}

/**
 * "…“, um das zu sagen, meint Berg" / "…” in that law, Azzouz said": an attribution closing the
 * sentence after the quote's own words run on outside the marks.
 */
export function speakerLaterAfter(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i - 1]!.text === ',' && isSpeechVerb(tokens[i]!.text) && tokens[i]!.text !== 'so') {
      const speaker = resolveFirst(resolver, [readNounPhraseForward(tokens, i + 1)]);
      if (speaker) return speaker;
    }
  }
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.text !== ',') continue;
    const speaker = speakerAfter(tokens.slice(i), resolver);
    if (speaker) return speaker;
  }
  return null;
}

const BACK_REFERENCES = new Set(['das', 'dies', 'so', 'that', 'this']);

/** „Mit diesen Worten“: the next sentence says whose words they were, whatever its verb. */
const WITH_THESE_WORDS = /^mit (?:diesen|den|jenen|solchen) worten$/;

/**
 * «…» Das sagte Konzernchefin Anna Keller / So formulierte es der Eigentümer, Markus Stodden / Mit
 * diesen Worten hat Elena Schuster die Belegschaft beruhigt: the next sentence points back and names
 * the speaker right after its verb.
 */
export function speakerNextSentence(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  let verb = 1;
  const opening = tokens
    .slice(0, 3)
    .map((t) => t.text.toLowerCase())
    .join(' ');
  if (WITH_THESE_WORDS.test(opening)) verb = 3;
  else if (!BACK_REFERENCES.has(tokens[0]?.text.toLowerCase() ?? '')) return null;
  const word = tokens[verb]?.text ?? '';
  if (verb === 1 && (!isSpeechVerb(word) || word === 'so')) return null;
  if (verb === 3 && !/^\p{Ll}/u.test(word)) return null;
  const subject = readNounPhraseForward(tokens, subjectStart(tokens, verb + 1));
  return resolveFirst(resolver, [namedInApposition(tokens, subject), subject]);
}

/** „Nach den Worten von X“, „nach Ansicht des Y“, „nach Einschätzung von Z“: the person's view. */
const ACCORDING_NOUN = /^(?:Worten|Ansicht|Einschätzung|Meinung|Auffassung|Überzeugung|Darstellung)$/u;

/** „nach Ansicht“, „Nach den Worten“: the noun at i follows „nach“ (an article between at most). */
const afterNach = (tokens: Token[], i: number) =>
  [tokens[i - 1], tokens[i - 2]].some((t) => t?.text.toLowerCase() === 'nach');

/** Attribution earlier in the sentence that holds the opening mark. */
export function speakerBefore(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = tokens[i]!.text;
    const lower = word.toLowerCase();
    let speaker: Speaker | null = null;
    if (lower === 'laut' || (lower === 'to' && tokens[i - 1]?.text.toLowerCase() === 'according')) {
      speaker = resolveFirst(resolver, [readNounPhraseForward(tokens, i + 1)]);
    } else if (lower === 'zufolge') {
      speaker = resolveFirst(resolver, [readNounPhraseBackward(tokens, i - 1)]);
    } else if (word !== 'so' && isSpeechVerb(word)) {
      const appositive = speakerBeforeApposition(tokens, i - 1, resolver);
      if (appositive) return appositive;
      const backward = readNounPhraseBackward(tokens, i - 1);
      // "told reporters": after these verbs comes the audience, not the speaker.
      let forward =
        AUDIENCE_VERBS.has(lower) && lower.startsWith('t') ? null : readNounPhraseForward(tokens, i + 1);
      // English puts the speaker after the verb only in "said Smith:"; in "suggested the U.S. might
      // be …" the phrase after the verb starts the reported clause.
      if (forward && !resolver.lang.startsWith('de') && !/^[,:]$/.test(tokens[forward.next]?.text ?? '')) {
        forward = null;
      }
      // „Die Opposition kritisierte Minister Jan Kessler scharf:“: with a subject before the verb
      // (a nominative article opens it; not „Dem „Handelsblatt“ sagte er“), the phrase after the
      // verb is its object.
      const nominative = /^(?:der|die)$/iu.test(tokens[0]?.text ?? '');
      if (backward?.article && backward.next < 0 && nominative && resolver.lang.startsWith('de'))
        forward = null;
      // „Dem „Handelsblatt“ sagte er“: a dative or accusative before the verb is the audience.
      const german = resolver.lang.startsWith('de');
      const audience = german && /^(?:dem|den)$/iu.test(tokens[(backward?.next ?? -2) + 1]?.text ?? '');
      speaker = resolveFirst(resolver, [
        audience ? null : singular(backward, word),
        namedInApposition(tokens, forward),
        singular(forward, word),
      ]);
    } else if (ACCORDING_NOUN.test(word) && afterNach(tokens, i) && resolver.lang.startsWith('de')) {
      // „Nach den Worten von Bischof Georg Bätzing“, „nach Ansicht des Ökonomen Lars Feld“: a person.
      const next = tokens[i + 1]?.text ?? '';
      const from = /^(?:von|vom)$/u.test(next) ? i + 2 : /^(?:des|der)$/u.test(next) ? i + 1 : -1;
      const said = from > 0 ? resolveFirst(resolver, [readNounPhraseForward(tokens, from)]) : null;
      if (said && resolver.isPerson(said)) speaker = said;
    }
    if (speaker) return speaker;
  }
  return null;
}

/**
 * The sentence's subject when it opens the sentence and names a person or an institution: "Okafor
 * verweist auf Wien:".
 */
export function subjectOf(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  // "His sister, Claire Reilly, read it:": the name in apposition to a description opening the sentence.
  const comma = tokens.findIndex((t, k) => k > 0 && k <= 4 && t.text === ',');
  const named = comma > 0 ? readNounPhraseForward(tokens, comma + 1) : null;
  const apposition = named?.kind === 'name' && tokens[named.next]?.text === ',';
  const subject = apposition ? named : readNounPhraseForward(tokens, 0);
  if (!subject || subject.kind === 'role' || subject.article === 'indefinite') return null;
  const speaker = resolver.resolve(subject);
  // „Der Bund Naturschutz beruhigte: …“: an institution speaks for itself too.
  return speaker && (resolver.isPerson(speaker) || resolver.isInstitution(speaker)) ? speaker : null;
}

/**
 * The person a sentence introducing a quote is about, wherever its subject stands: a definite
 * description opening it („Der 54-Jährige ist enttäuscht:“, „Die Landrätin zeigte sich erschüttert.“),
 * else the one person it names at all, before or after its verb („Ähnlich sieht es Verbandschefin
 * Doris Kern:“, „Auch Kämmerer Jochen Frey sieht das so:“, „Kritik kommt von der Abgeordneten Lisa
 * Paus.“, „Und Dennis Kraft?“). Two people named, or one of them a description, and it is unclear;
 * a sentence opening with a subject that is no person („Die Polizei nahm X fest.“) names no speaker.
 */
export function introducingSubject(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  const first = tokens[0];
  const last = tokens.at(-1);
  // „Ihr Chef habe gesagt:“, „Ein Insider verrät:“: someone not named.
  if (!first || !last || anonymousBefore(tokens)) return null;
  const opening = readNounPhraseForward(tokens, 0);
  if (opening && /^(?:der|die|das|the)$/iu.test(first.text)) {
    const described = resolver.resolve(opening);
    if (described && resolver.isPerson(described)) return described;
    // „Die Polizei nahm Max Huber fest.“: the subject opening the sentence is no person, so the
    // one person named is its object, not the speaker.
    return null;
  }
  return resolver.onlyPersonIntroducing(first.start, last.end);
}

/**
 * „Sie leidet bis heute unter den Folgen. „…““, „Danach wirkte er nachdenklich. „…““: a sentence with
 * a personal pronoun for its subject
 * before an unattributed quote hands the words to the person the pronoun stands for. Not a plural
 * verb („Sie fordern“, „Sie sind“, „Sie haben“): German „sie“ is also "they".
 */
export function pronounSubject(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  // „Ob sie an Rücktritt denke, wollte ein Reporter wissen. „Nein.““: the one asked answers.
  if (/^ob$/iu.test(tokens[0]?.text ?? '') && /^(?:er|sie)$/u.test(tokens[1]?.text ?? '')) {
    const asked = readNounPhraseForward(tokens, 1);
    return asked ? resolver.resolve(asked) : null;
  }
  // The subject opens the sentence („Sie leidet“) or follows its verb („Danach wirkte er nachdenklich“).
  let at = 0;
  if (readNounPhraseForward(tokens, 0)?.kind !== 'pronoun') {
    at = tokens.findIndex((t, k) => k > 0 && k <= 6 && /^(?:er|sie)$/u.test(t.text));
    // Not inside a clause before it („Als sie kam, …“): no comma before the pronoun.
    if (at < 0 || tokens.slice(0, at).some((t) => t.text === ',')) return null;
  }
  const subject = readNounPhraseForward(tokens, at);
  const verb = tokens[at === 0 ? 1 : at - 1]?.text ?? '';
  const plural = isPluralVerb(verb) || /(?:ern|eln)$/u.test(verb) || verb === 'sind';
  if (subject?.kind !== 'pronoun' || !/^\p{Ll}+$/u.test(verb) || plural) return null;
  return resolver.resolve(subject);
}

const VOCATIVE_TITLE = String.raw`(?:Frau|Herr|Mr\.?|Mrs\.?|Ms\.?)\s+(?:Dr\.\s+)?(\p{Lu}[\p{L}-]+)`;
const VOCATIVE_OPENING = new RegExp(`^${VOCATIVE_TITLE}\\s*,`, 'u');
const VOCATIVE_CLOSING = new RegExp(`,\\s*${VOCATIVE_TITLE}\\s*[?!.]?$`, 'u');

/**
 * The name a quote addresses: „Frau Vogt, haben Sie …?“, "…, Mr. Smith?" — the one spoken to, so
 * not the speaker; after a question, the one who answers.
 */
export function addressedName(quoteText: string): string | null {
  return (VOCATIVE_OPENING.exec(quoteText) ?? VOCATIVE_CLOSING.exec(quoteText))?.[1] ?? null;
}

/**
 * „Seine Botschaft an die Ministerin: „…““, „Ihr Fazit: „…““: a possessive before a noun of saying
 * and a colon stands for the person it refers back to (sein → a man, ihr → a woman).
 */
export function possessiveIntroduction(tokens: Token[], resolver: SpeakerResolver): Speaker | null {
  if (tokens.at(-1)?.text !== ':' || !SAYING_NOUN.test(tokens[1]?.text ?? '')) return null;
  const possessive = tokens[0]!;
  if (!/^(?:sein|seine|ihr|ihre|his|her)$/iu.test(possessive.text)) return null;
  return resolver.resolve({
    kind: 'pronoun',
    start: possessive.start,
    end: possessive.end,
    nameTokens: [],
    role: null,
    article: null,
    next: 1,
  });
}
