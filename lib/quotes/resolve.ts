/**
 * Resolves a speaker phrase to the entity table: a mention under the phrase, a name or alias, a
 * pronoun (the nearest person named before whose gender fits), a role noun (the person the role was
 * used for: "Nordkoreas Machthaber Kim Jong Un" makes "den Machthaber" Kim Jong Un), an age ("der
 * 67-Jährige": the person introduced as 67) or an organisation noun ("the club": the organisation
 * the article is about). Every answer carries a confidence: how sure the frame and the link are.
 */
import type { Entity } from '../types.ts';
import { compatible, type Gender, genderOfFirstName, genderOfPronoun, genderOfWord } from './gender.ts';
import {
  ADJECTIVAL_PERSON_NOUN,
  CAPITALISED_FUNCTION_WORDS,
  DETERMINERS,
  INSTITUTION_HEAD,
  ORG_NOUN,
  PERSON_NOUN,
  ROLE_HYPERNYMS,
  ROLE_NOUN,
  TITLES,
  WIN_WORDS,
  WINNER,
} from './lexicon.ts';
import { isFeminineDescription, type NounPhrase } from './noun-phrase.ts';

export interface Speaker {
  speaker: string | null;
  speakerEntityId: string | null;
  /** 0…1: how sure the attribution is; below SPEAKER_CONFIDENCE the quote is marked unclear. */
  confidence: number;
}

export const NO_SPEAKER: Speaker = { speaker: null, speakerEntityId: null, confidence: 0 };

/**
 * Attributions less sure than this are shown as "speaker unclear" rather than with a name. It sits
 * between the guesses with evidence (a description or pronoun whose gender fits: 0.6 and up) and
 * those without (an English age nobody was introduced with, a speaker tagged as a place: 0.5). Only
 * the tune part of the speaker gold set (tests/fixtures/speakers-gold) was looked at; no sweep of
 * the value was run.
 */
export const SPEAKER_CONFIDENCE = 0.55;

/** Confidence of a link by how it was made. */
const CONFIDENCE = {
  person: 0.95,
  organization: 0.85,
  /** Places rarely speak: "Warren" tagged as a place is more likely a mis-tagged name. */
  place: 0.5,
  unknownName: 0.7,
  roleHolder: 0.85,
  ageHolder: 0.9,
  pronounGendered: 0.85,
  pronounUngendered: 0.7,
  /** A description ("the minister", "der 58-Jährige") with no holder, given the nearest fitting person. */
  nearestFitting: 0.6,
  organizationNoun: 0.7,
  /** The one person a paragraph before an unattributed quote names: a guess from context alone. */
  onlyPersonBefore: 0.6,
  /**
   * The one person the sentence introducing a quote names, wherever it stands („Ähnlich sieht es
   * Verbandschefin Doris Kern:“, „Kritik kommt von der Abgeordneten Lisa Paus.“): what the sentence
   * is about, surer than a guess from the paragraph before.
   */
  onlyPersonIntroducing: 0.7,
  /** The one a question just asked addressed by name („Frau Vogt, …?“ – „Nein …“). */
  addressee: 0.75,
  /** Two people joined by „und“ who both fit a description or pronoun: "speaker unclear". */
  twoCandidates: 0.45,
  /** An age with no holder and no gender: below the threshold, so "speaker unclear". */
  ageUngendered: 0.5,
};

interface MentionRef {
  entity: Entity;
  start: number;
  end: number;
}

const KIND_RANK: Record<string, number> = { person: 0, organization: 1, place: 2 };

/**
 * An institution's name without its article: „Der Niedersächsische Fußballverband“ is the
 * „Niedersächsischer Fußballverband“, „Das Bayerische Landesamt“ the „Bayerisches Landesamt“ (the
 * adjective takes the ending it has without the article; „Die Bayerische …“ keeps its own).
 */
const ADJECTIVE_ENDING = /\p{Ll}(?:isch|lich|ig|al)e$/u;

function institutionName(written: string, nameTokens: string[]): string {
  const article = /^(der|das)\s/iu.exec(written)?.[1]?.toLowerCase();
  const [first, ...rest] = nameTokens;
  if (!article || !first || rest.length === 0 || !ADJECTIVE_ENDING.test(first)) {
    return nameTokens.join(' ');
  }
  return [`${first}${article === 'der' ? 'r' : 's'}`, ...rest].join(' ');
}

/** A description that opens with a possessive: "his lawyer", „ihre Sprecherin“. */
const POSSESSIVE = /^(?:his|her|their|its|sein|seine|seiner|seinem|seinen|ihr|ihre|ihrer|ihrem|ihren)\s/iu;

/** Heads of names of places and institutions that a title can open ("Queen Mary University"). */
const INSTITUTION =
  /^(?:University|College|Institute|Foundation|Centre|Center|Hall|Street|Square|Court|House)$/u;

/** "der 67-Jährige", "the 54-year-old": the age. */
const AGE_DESCRIPTION = /^(\d{1,3})-(?:jährige|year-old)/iu;

export class SpeakerResolver {
  private readonly mentions: MentionRef[];
  /** Person mentions plus definite role nouns that refer back to a person ("die Ministerin"). */
  private personReferences: MentionRef[] | null = null;
  /** Person mentions outside quotes with the role-word stems next to them ("Machthaber Kim Jong Un"). */
  private roleContexts: Array<{
    entity: Entity;
    at: number;
    stems: string[];
    /** The same words in lower case, hyphens kept: „grünen-abgeordnete“, „gdl-chef“, „(spd)“. */
    words: string[];
    leftStems: number;
  }> | null = null;
  private readonly ranked: Entity[];
  private readonly genders = new Map<string, Gender | null>();
  private ages: Array<{ age: string; at: number; entity: Entity }> | null = null;

  private readonly entities: Entity[];

  constructor(
    private readonly text: string,
    entities: Entity[],
    /** Spans inside quotation marks: names in there are quoted, not speakers in the narrative. */
    private readonly quoted: Array<{ start: number; end: number }>,
    readonly lang: string,
  ) {
    this.entities = entities.map(personByFirstName);
    this.mentions = this.entities
      .flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, end: m.end })))
      .sort((a, b) => a.start - b.start);
    this.ranked = [...this.entities].sort(
      (a, b) => (KIND_RANK[a.kind] ?? 3) - (KIND_RANK[b.kind] ?? 3) || b.count - a.count,
    );
  }

  private get german(): boolean {
    return this.lang.startsWith('de');
  }

  resolve(phrase: NounPhrase): Speaker | null {
    const institution = this.institution(phrase);
    if (institution) return institution;
    const overlapping = this.mentions
      .filter((m) => m.start < phrase.end && m.end > phrase.start)
      .sort((a, b) => (KIND_RANK[a.entity.kind] ?? 3) - (KIND_RANK[b.entity.kind] ?? 3));
    if (overlapping[0]) {
      const introduced =
        overlapping[0].entity.kind === 'place'
          ? this.introducedAsPerson(overlapping[0].entity)
          : this.titledPerson(overlapping[0].entity);
      if (introduced) return introduced;
      const entity = this.sharedSurname(phrase, this.fullPerson(overlapping[0].entity));
      const speaker = this.fromEntity(entity, CONFIDENCE[entity.kind]);
      return { ...speaker, speaker: fullerName(phrase, entity) ?? speaker.speaker };
    }
    if (phrase.kind === 'pronoun') return this.pronoun(phrase);
    if (phrase.kind === 'name') {
      const byName = this.entityByName(phrase.nameTokens);
      if (byName) return this.fromEntity(byName, CONFIDENCE[byName.kind]);
      // Every German noun is capitalised: one unknown capitalised word is too weak to call a speaker.
      const looksLikeName = phrase.nameTokens.length >= 2 || !this.german;
      // „sagte der Verein“: one capitalised word that is an organisation noun, with „der“, is the club.
      const noun = phrase.nameTokens.length === 1 ? phrase.nameTokens[0]! : '';
      if (phrase.article === 'definite' && ORG_NOUN.test(noun)) return this.organisation(phrase.start, noun);
      if (!looksLikeName) return null;
      return {
        speaker: phrase.nameTokens.join(' '),
        speakerEntityId: null,
        confidence: CONFIDENCE.unknownName,
      };
    }
    if (phrase.role) {
      // "ein Sprecher", "one investor": someone not named.
      if (phrase.article === 'indefinite') return null;
      const gender = this.descriptionGender(phrase);
      const age = AGE_DESCRIPTION.exec(phrase.role)?.[1];
      if (age) {
        const holder = this.ageHolder(age, phrase.start);
        if (holder) return this.fromEntity(holder, CONFIDENCE.ageHolder);
        // Nobody introduced with that age: the nearest person whose gender the article marks („der
        // 49-Jährige“) is a guess worth showing; without gender ("the 54-year-old") it is not.
        const guess = this.nearestFitting(phrase.start, gender);
        return guess && gender === null ? { ...guess, confidence: CONFIDENCE.ageUngendered } : guess;
      }
      if (ORG_NOUN.test(phrase.role) && phrase.article === 'definite') {
        return this.organisation(phrase.start, phrase.role);
      }
      const holder = this.roleHolder(phrase.role, phrase.start);
      if (holder) return this.fromEntity(holder, CONFIDENCE.roleHolder);
      const winner = WINNER.test(phrase.role) ? this.winner(phrase.start, gender) : null;
      if (winner) return winner;
      // "der Minister", "the minister": a definite description points back to the last person named
      // who fits it. Not "his lawyer", "ihre Sprecherin": someone related to that person, not them.
      const possessive = POSSESSIVE.test(this.text.slice(phrase.start, phrase.end));
      if (phrase.article === 'definite' && !possessive) return this.nearestFitting(phrase.start, gender);
      if (possessive) return null;
      // A surname that is also a role word: "sagte König" is Lars König, not a king.
      const surname = this.entityByName([phrase.role]);
      if (surname?.kind === 'person') return this.fromEntity(surname, CONFIDENCE.person);
      return { speaker: phrase.role, speakerEntityId: null, confidence: CONFIDENCE.unknownName };
    }
    return null;
  }

  /**
   * „Das Landratsamt Miltenberg“, „Das Umweltministerium“, „Der Bund Naturschutz“: a German subject
   * headed by an institution noun is that institution, named as written (without a place the
   * recogniser tagged after it being taken for the speaker). Not when it overlaps a tagged person or
   * organisation, whose own entry names it.
   */
  private institution(phrase: NounPhrase): Speaker | null {
    const [first = '', second = ''] = phrase.nameTokens;
    // „Der Niedersächsische Fußballverband“: an adjective before the institution noun.
    const head =
      INSTITUTION_HEAD.test(first) || (ADJECTIVE_ENDING.test(first) && INSTITUTION_HEAD.test(second));
    if (!this.german || phrase.kind !== 'name' || !head) return null;
    const tagged = this.mentions.some(
      (m) => m.start < phrase.end && m.end > phrase.start && m.entity.kind !== 'place',
    );
    if (tagged) return null;
    return {
      speaker: institutionName(this.text.slice(phrase.start, phrase.end), phrase.nameTokens),
      speakerEntityId: null,
      confidence: CONFIDENCE.unknownName,
    };
  }

  /** An institution or a tagged organisation: a speaker that speaks for a body, not a person. */
  isInstitution(speaker: Speaker): boolean {
    const entity = this.entities.find((e) => e.id === speaker.speakerEntityId);
    if (entity) return entity.kind === 'organization';
    return INSTITUTION_HEAD.test(speaker.speaker?.split(' ')[0] ?? '');
  }

  /**
   * A one-word person entry ("König") that is part of exactly one fuller person's name ("Lars König")
   * is that person: a speaker is named by the canonical full name, never a fragment.
   */
  private fullPerson(entity: Entity): Entity {
    if (entity.kind !== 'person' || /\s/.test(entity.name)) return entity;
    const word = entity.name.toLowerCase();
    // "Sutume Kebede of Ethiopia" tagged as an organisation is still the person "Kebede" stands for.
    const asPerson = (e: Entity) => (e.kind === 'person' ? e.name : personName(e.name));
    const fuller = this.entities.filter(
      (e) =>
        e !== entity &&
        (e.kind === 'person' || asPerson(e) !== e.name) &&
        asPerson(e).toLowerCase().split(/\s+/).includes(word),
    );
    if (fuller.length !== 1) return entity;
    const found = fuller[0]!;
    return found.kind === 'person' ? found : { ...entity, name: asPerson(found) };
  }

  /**
   * A surname two people share (a father and son, a married couple): "says Parata" is the Parata the
   * article last named in full before, whichever entry the recogniser linked the word to.
   */
  private sharedSurname(phrase: NounPhrase, entity: Entity): Entity {
    if (phrase.kind !== 'name' || phrase.nameTokens.length !== 1 || entity.kind !== 'person') return entity;
    const surname = phrase.nameTokens[0]!;
    let latest: { entity: Entity; at: number } | null = null;
    for (const m of this.mentions) {
      if (m.start >= phrase.start) break;
      const written = this.text.slice(m.start, m.end);
      if (m.entity.kind !== 'person' || !/\s/.test(written) || this.isQuoted(m.start)) continue;
      if (written.split(/\s+/).at(-1) === surname && m.entity.name.split(/\s+/).at(-1) === surname) {
        latest = { entity: m.entity, at: m.start };
      }
    }
    return latest?.entity ?? entity;
  }

  /** An entity as a speaker, by the name the text writes it with (see writtenName). */
  private fromEntity(entity: Entity, confidence: number): Speaker {
    const speaker = fromEntity(entity, confidence);
    return { ...speaker, speaker: this.writtenName(entity, speaker.speaker!) };
  }

  /**
   * The name as the article first writes it, where the recogniser left off a leading part: a club's
   * number („der 1. FC Köln“ with an entry 'FC Köln') or a first name before an initial ("Sharon
   * D. Clarke" with an entry 'D. Clarke'); an adjective declined after „der“ back in the nominative
   * („der Deutschen Post“ → Deutsche Post); a first name alone with the surname written after it
   * („Martina“ → Martina Hoch) and a surname alone with a first name written before it („Reichardt“ →
   * Elke Reichardt). Only from the first mention outside quotes.
   */
  private writtenName(entity: Entity, name: string): string {
    const first = this.mentions.find((m) => m.entity === entity && !this.isQuoted(m.start));
    if (!first || this.text.slice(first.start, first.end) !== name) return name;
    const before = this.text.slice(Math.max(0, first.start - 30), first.start);
    // A first name alone whose surname the recogniser missed („Martina“ of „Lehrerin Martina Hoch“).
    if (entity.kind === 'person' && !/\s/.test(name) && genderOfFirstName(name)) {
      const surname = /^ (\p{Lu}\p{Ll}+)(?![\p{L}-])/u.exec(this.text.slice(first.end, first.end + 30))?.[1];
      if (surname && !CAPITALISED_FUNCTION_WORDS.has(surname) && !ROLE_NOUN.test(surname)) {
        return `${name} ${surname}`;
      }
    }
    const given = /(?<![\p{L}\p{N}-])(\p{Lu}\p{Ll}+) $/u.exec(before)?.[1];
    // A surname alone whose first name the recogniser missed („Reichardt“ of „Kulturdezernentin Elke
    // Reichardt“): the full name the article writes.
    if (entity.kind === 'person' && !/\s/.test(name) && given && genderOfFirstName(given)) {
      return `${given} ${name}`;
    }
    const number = /(?<![\p{L}\p{N}.])(\d{1,2}\.) $/u.exec(before)?.[1];
    if (number && entity.kind === 'organization') return `${number} ${name}`;
    // „bei der Deutschen Post“: the name in the nominative, „Deutsche Post“.
    if (entity.kind === 'organization' && /(?<!\p{L})der $/u.test(before)) {
      return name.replace(/^(\p{Lu}\p{Ll}+e)n(?= \p{Lu})/u, '$1');
    }
    if (
      given &&
      entity.kind === 'person' &&
      /^\p{Lu}\. \p{Lu}/u.test(name) &&
      !ROLE_NOUN.test(given) &&
      !CAPITALISED_FUNCTION_WORDS.has(given)
    ) {
      return `${given} ${name}`;
    }
    return name;
  }

  /**
   * A name tagged as a place that the article introduced after a role word or title ("Senator
   * Elizabeth Warren", with 'Elizabeth' and 'Warren' both tagged as places) is a person: the speaker
   * is the name as introduced (role word left out), as sure as a person.
   */
  private introducedAsPerson(entity: Entity): Speaker | null {
    for (const m of this.mentions) {
      if (m.entity !== entity || this.isQuoted(m.start)) continue;
      let start = m.start;
      // A first name just before, tagged on its own: "Elizabeth" of "Elizabeth Warren".
      const given = this.mentions.find((g) => g.end + 1 === m.start && this.text[g.end] === ' ');
      if (given && /^\p{Lu}\p{Ll}+$/u.test(this.text.slice(given.start, given.end))) start = given.start;
      const word = /(\p{L}+\.?)\s+$/u.exec(this.text.slice(Math.max(0, start - 30), start))?.[1] ?? '';
      if (!ROLE_NOUN.test(word) && !TITLES.has(word)) continue;
      return {
        speaker: this.text.slice(start, m.end),
        speakerEntityId: entity.id,
        confidence: CONFIDENCE.person,
      };
    }
    return null;
  }

  /**
   * An entry tagged as an organisation that is a title or role words before a name ("Mr Moss",
   * "Detective Sergeant Kay Fielding") is a person: the person named in full with that surname, else
   * the name without its title when it opens with a known first name.
   */
  private titledPerson(entity: Entity): Speaker | null {
    if (entity.kind !== 'organization') return null;
    const words = entity.name.split(/\s+/);
    let at = 0;
    while (at < words.length - 1 && (TITLES.has(words[at]!) || ROLE_NOUN.test(words[at]!))) at++;
    const rest = words.slice(at);
    if (at === 0 || !rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return null;
    const named = this.entityByName(rest);
    if (named?.kind === 'person') return this.fromEntity(named, CONFIDENCE.person);
    if (rest.length < 2 || rest.length > 3 || rest.some((w) => ORG_NOUN.test(w) || INSTITUTION.test(w))) {
      return null;
    }
    return { speaker: rest.join(' '), speakerEntityId: entity.id, confidence: CONFIDENCE.person };
  }

  /** The person a surname names ("Vogt" → Katharina Vogt), for a question addressed to them. */
  personNamed(surname: string): Speaker | null {
    const entity = this.entityByName([surname]);
    return entity?.kind === 'person' ? this.fromEntity(entity, CONFIDENCE.addressee) : null;
  }

  isPerson(speaker: Speaker): boolean {
    return this.entities.some((e) => e.id === speaker.speakerEntityId && e.kind === 'person');
  }

  /** The organisation named most often before `offset` ("The club said": the club the story is about). */
  organisation(offset: number, noun?: string): Speaker | null {
    const counts = new Map<Entity, number>();
    for (const m of this.mentions) {
      if (m.start >= offset) break;
      if (m.entity.kind === 'organization') counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (best) return this.fromEntity(best, CONFIDENCE.organizationNoun);
    return noun ? (this.namedBefore(offset, noun) ?? this.namedWithNoun(offset, noun)) : null;
  }

  /**
   * „teilte der Verein mit“ after „Der Sportverein Blau-Weiß Lohne trennt sich …“, „des Konzerns“ after
   * „Der Konzern Heidelberg Materials baut …“, which the recogniser did not tag: the last name written
   * after that noun or after a compound ending in it, as written, without the noun. Not an entity, so as sure as an
   * unknown name.
   */
  private namedWithNoun(offset: number, noun: string): Speaker | null {
    if (!this.german) return null;
    // „Konzerns“, „Vereins“, „Unternehmens“: the genitive names the same noun.
    const stem = noun.toLowerCase().replace(/(?<=[^s])e?s$/u, '');
    const pattern = new RegExp(
      `(?<![\\p{L}])(\\p{Lu}\\p{Ll}*${escapeRegExp(stem)}|${escapeRegExp(stem.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))})((?:\\s+\\p{Lu}[\\p{L}-]*){1,3})`,
      'gu',
    );
    let name: string | null = null;
    for (const match of this.text.slice(0, offset).matchAll(pattern)) {
      if (this.isQuoted(match.index ?? 0)) continue;
      // „Der Konzern Heidelberg Materials“, „Der Fußballverein SV Eintracht Northeim“: the noun
      // describes, the words after it name.
      name = match[2]!.trim().split(/\s+/).join(' ');
    }
    return name ? { speaker: name, speakerEntityId: null, confidence: CONFIDENCE.unknownName } : null;
  }

  /**
   * „in einer Erklärung der Stadtwerke München“, „Stellungnahme der Rheinbahn“: the capitalised words
   * after the statement noun's article name who issued it, as written, when the recogniser tagged no
   * organisation there (a place such as „München“ inside the name is part of it). Not a lone
   * organisation noun („des Vereins“), which `organisation` resolves.
   */
  statementAuthor(clause: string): Speaker | null {
    if (!this.german) return null;
    const match =
      /(?:[Ss]tellungnahme|[Mm]itteilung|[Ee]rklärung)\s+(?:der|des)\s+((?:\p{Lu}[\p{L}-]*)(?:\s+\p{Lu}[\p{L}-]*){0,3})/u.exec(
        clause,
      );
    const name = match?.[1];
    // „des Vereins“, „des Konzerns“ alone is the organisation noun, resolved to the club met before.
    if (!name || ROLE_NOUN.test(name.split(/\s+/)[0]!) || ORG_NOUN.test(name)) return null;
    return { speaker: name, speakerEntityId: null, confidence: CONFIDENCE.unknownName };
  }

  /**
   * "the museum" after "The British Museum will return …", which the recogniser did not tag: the
   * last capitalised name before `offset` that ends with that noun. Not an entity, so as sure as an
   * unknown name.
   */
  private namedBefore(offset: number, noun: string): Speaker | null {
    const head = noun.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const pattern = new RegExp(`((?:\\p{Lu}[\\p{L}-]*\\s+){1,3})${escapeRegExp(head)}(?![\\p{L}])`, 'gu');
    let name: string | null = null;
    for (const match of this.text.slice(0, offset).matchAll(pattern)) {
      if (this.isQuoted(match.index ?? 0)) continue;
      const words = match[1]!.trim().split(/\s+/);
      while (words[0] && CAPITALISED_FUNCTION_WORDS.has(words[0])) words.shift();
      if (words.length > 0) name = `${words.join(' ')} ${head}`;
    }
    return name ? { speaker: name, speakerEntityId: null, confidence: CONFIDENCE.unknownName } : null;
  }

  /** An organisation mentioned between two offsets: „In einer Stellungnahme der Stadtwerke heißt es“. */
  organisationWithin(start: number, end: number): Speaker | null {
    const m = this.mentions.find((x) => x.start >= start && x.end <= end && x.entity.kind === 'organization');
    return m ? this.fromEntity(m.entity, CONFIDENCE.organization) : null;
  }

  /**
   * The one person named (outside quotes) between two offsets, when there is exactly one: „Bürgermeister
   * Guido Oberländer hat eine Rede gehalten. Wir dokumentieren einen Auszug.“ before the speech.
   */
  onlyPersonWithin(start: number, end: number, confidence = CONFIDENCE.onlyPersonBefore): Speaker | null {
    const people = new Set(
      this.references()
        .filter((m) => m.start >= start && m.end <= end && !this.isQuoted(m.start))
        .map((m) => m.entity),
    );
    const [only] = people;
    return people.size === 1 && only ? this.fromEntity(only, confidence) : null;
  }

  private pronoun(phrase: NounPhrase): Speaker | null {
    const gender = genderOfPronoun(this.text.slice(phrase.start, phrase.end));
    // German "sie" is also "they": its gender only counts when a woman is there to take it.
    const references = this.references();
    for (let i = references.length - 1; i >= 0; i--) {
      const m = references[i]!;
      if (m.start >= phrase.start || this.isQuoted(m.start)) continue;
      const own = this.genderOf(m.entity);
      if (!compatible(gender, own)) continue;
      const sure = gender !== null && own !== null;
      // "Lead surgeon Owase Jeelani said the girls, Amara and Nia, were well. “…,” he said": the
      // sentence's subject rather than a name inside what it reports, unless only the later name's
      // gender is known to fit.
      // „Eine Anwohnerin, die ihren Namen nicht nennen will, … „…“, sagte sie“: someone unnamed
      // of that gender came after the last named person; the pronoun is theirs.
      if (gender !== null && this.unnamedBetween(m.end, phrase.start, gender)) return null;
      const subject = this.firstInSentence(m, gender);
      const subjectSure = gender !== null && this.genderOf(subject.entity) !== null;
      const chosen = subjectSure || !sure ? subject : m;
      if (this.coordinated(chosen, gender)) return this.fromEntity(chosen.entity, CONFIDENCE.twoCandidates);
      return this.fromEntity(chosen.entity, sure ? CONFIDENCE.pronounGendered : CONFIDENCE.pronounUngendered);
    }
    return null;
  }

  /** The one person named in the sentence that introduces a quote (see CONFIDENCE.onlyPersonIntroducing). */
  onlyPersonIntroducing(start: number, end: number): Speaker | null {
    return this.onlyPersonWithin(start, end, CONFIDENCE.onlyPersonIntroducing);
  }

  /** Whether an unnamed person of that gender („eine Anwohnerin“, „ein Passant“) is introduced between. */
  private unnamedBetween(from: number, to: number, gender: Gender): boolean {
    const pattern = /(?<!\p{L})([Ee]ine?)\s+(?:(\p{Ll}+)\s+)?(\p{Lu}\p{Ll}+)(?!\p{L})/gu;
    for (const match of this.text.slice(from, to).matchAll(pattern)) {
      const head = match[3]!;
      // „eine der Ersten“ is a part of a group, not someone new.
      if (DETERMINERS.has(match[2] ?? '') || this.isQuoted(from + (match.index ?? 0))) continue;
      if (!(ROLE_NOUN.test(head) || PERSON_NOUN.test(head))) continue;
      const own: Gender = /in$/u.test(head) || match[1]!.toLowerCase() === 'eine' ? 'f' : 'm';
      if (own === gender) return true;
    }
    return false;
  }

  /** The nearest person before `offset` whose gender fits, at low confidence. */
  private nearestFitting(offset: number, gender: Gender | null): Speaker | null {
    const references = this.references();
    for (let i = references.length - 1; i >= 0; i--) {
      const m = references[i]!;
      if (m.start >= offset || this.isQuoted(m.start)) continue;
      if (!compatible(gender, this.genderOf(m.entity))) continue;
      const chosen = this.firstInSentence(m, gender);
      // „Trainer Jens Kolb und Manager Otto Hahn sprachen. „…“, sagte der 48-Jährige“: two fit.
      const sure = this.coordinated(chosen, gender) ? CONFIDENCE.twoCandidates : CONFIDENCE.nearestFitting;
      return this.fromEntity(chosen.entity, sure);
    }
    return null;
  }

  /**
   * „die Siegerin“ with nobody introduced so: the subject of the last sentence before `offset` that
   * says someone won („Ruth Kiprono hat den Berlin-Marathon gewonnen“), when their gender fits.
   */
  private winner(offset: number, gender: Gender | null): Speaker | null {
    const references = this.references();
    for (let i = references.length - 1; i >= 0; i--) {
      const m = references[i]!;
      if (m.start >= offset || this.isQuoted(m.start)) continue;
      const { start, end } = this.sentenceAround(m.start);
      if (!WIN_WORDS.test(this.text.slice(start, Math.min(end, offset)))) continue;
      const subject = this.firstInSentence(m, gender);
      if (!compatible(gender, this.genderOf(subject.entity))) continue;
      return this.fromEntity(subject.entity, CONFIDENCE.roleHolder);
    }
    return null;
  }

  /** The sentence (outside paragraph breaks) that holds `offset`. */
  private sentenceAround(offset: number): { start: number; end: number } {
    const stops = ['\n', '. ', '! ', '? '];
    const start = Math.max(...stops.map((stop) => this.text.lastIndexOf(stop, offset)));
    const ends = stops.map((stop) => this.text.indexOf(stop, offset)).filter((at) => at >= 0);
    return { start: start + 1, end: ends.length ? Math.min(...ends) : this.text.length };
  }

  /**
   * Whether another person who fits the gender is joined to `m` by „und“/"and" („Trainer Jens Kolb
   * und Manager Otto Hahn“, "Smith and Jones"): a description or pronoun after them could be either.
   */
  private coordinated(m: MentionRef, gender: Gender | null): boolean {
    return this.references().some((r) => {
      if (r.entity === m.entity || this.isQuoted(r.start)) return false;
      if (!compatible(gender, this.genderOf(r.entity))) return false;
      const [first, second] = r.start > m.start ? [m, r] : [r, m];
      const between = this.text.slice(first.end, second.start);
      return between.length < 40 && /^(?:\s*\([^)]*\))?\s+(?:und|and)\s+(?:\p{L}+\s+){0,2}$/u.test(between);
    });
  }

  /**
   * „Zverev hat gegen den Norweger Ruud verloren. „…“, sagte der Olympiasieger“: of the fitting
   * people in the sentence of `m`, the first (its subject, what the sentence is about), not the last.
   */
  private firstInSentence(m: MentionRef, gender: Gender | null): MentionRef {
    const sentence = Math.max(
      this.text.lastIndexOf('\n', m.start),
      ...['. ', '! ', '? '].map((stop) => this.text.lastIndexOf(stop, m.start)),
    );
    const first = this.references().find(
      (r) =>
        r.start > sentence &&
        r.start <= m.start &&
        !this.isQuoted(r.start) &&
        compatible(gender, this.genderOf(r.entity)),
    );
    return first ?? m;
  }

  /** German marks gender on the article and on -in nouns; English on a few nouns (actress, spokesman). */
  private descriptionGender(phrase: NounPhrase): Gender | null {
    const role = phrase.role ?? '';
    const fromWord = genderOfWord(role);
    if (fromWord) return fromWord;
    if (!this.german) return null;
    const words = this.text.slice(phrase.start, phrase.end).split(/\s+/);
    const article = words[0]?.toLowerCase();
    if (/in$/u.test(role) && ROLE_NOUN.test(role)) return 'f';
    if (article === 'die') return 'f';
    if (article === 'der') return 'm';
    return null;
  }

  /** A person's gender: from the first name, else from a word next to a mention (Frau, Landrätin, actress). */
  genderOf(entity: Entity): Gender | null {
    if (this.genders.has(entity.id)) return this.genders.get(entity.id)!;
    let gender = entity.kind === 'person' ? genderOfFirstName(entity.name.split(/\s+/)[0] ?? '') : null;
    if (!gender && entity.kind === 'person') {
      for (const m of this.mentions) {
        if (m.entity !== entity) continue;
        const left = this.text
          .slice(Math.max(0, m.start - 40), m.start)
          .split(/[\s,]+/)
          .filter(Boolean)
          .slice(-3);
        for (let k = left.length - 1; k >= Math.max(0, left.length - 2); k--) {
          const word = left[k]!;
          gender = this.german ? adjectivalGender(word, left[k - 1]) : null;
          gender ??= genderOfWord(word, this.german && ROLE_NOUN.test(word));
          if (gender) break;
        }
        if (gender) break;
      }
    }
    this.genders.set(entity.id, gender);
    return gender;
  }

  /** Quoted spans are sorted and do not overlap: a binary search finds the one that could hold offset. */
  isQuoted(offset: number): boolean {
    let lo = 0;
    let hi = this.quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quoted[mid]!;
      if (offset < q.start) hi = mid - 1;
      else if (offset >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  private references(): MentionRef[] {
    if (this.personReferences) return this.personReferences;
    const references = this.mentions.filter((m) => m.entity.kind === 'person');
    for (const match of this.text.matchAll(
      /(?<!\p{L})(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Tt]he)\s+(?:\p{Ll}+\s+){0,2}(\p{L}+)/gu,
    )) {
      const head = match[1]!;
      if (!ROLE_NOUN.test(head)) continue;
      const start = (match.index ?? 0) + match[0].length - head.length;
      const holder = this.roleHolder(head, start);
      if (holder) references.push({ entity: holder, start, end: start + head.length });
    }
    references.push(...this.surnameReferences(references));
    this.personReferences = references.sort((a, b) => a.start - b.start);
    return this.personReferences;
  }

  /**
   * „Lewe versprach …“ after „Oberbürgermeister Markus Lewe“: a surname alone that the recogniser did
   * not link is still a mention of the one person named in full with it (after that first mention).
   */
  private surnameReferences(known: MentionRef[]): MentionRef[] {
    const bySurname = new Map<string, Entity | null>();
    for (const e of this.entities) {
      const words = e.name.split(/\s+/);
      const surname = words[words.length - 1]!;
      if (e.kind !== 'person' || words.length < 2 || surname.length < 3) continue;
      bySurname.set(surname, bySurname.has(surname) ? null : e);
    }
    const found: MentionRef[] = [];
    for (const [surname, entity] of bySurname) {
      if (!entity) continue;
      const first = known.find((m) => m.entity === entity)?.start ?? Number.POSITIVE_INFINITY;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(surname)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of this.text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + surname.length;
        if (start <= first || known.some((m) => m.start < end && m.end > start)) continue;
        found.push({ entity, start, end });
      }
    }
    return found;
  }

  private entityByName(nameTokens: string[]): Entity | null {
    if (nameTokens.length === 0) return null;
    const phrase = nameTokens.join(' ').toLowerCase();
    const ranked = this.ranked;
    const exact = ranked.find((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === phrase));
    if (exact) return exact;
    // A surname or first name of a person named in full elsewhere: "Kim" for "Kim Jong Un".
    const last = nameTokens[nameTokens.length - 1]!.toLowerCase().replace(/['’]s$/, '');
    return (
      ranked.find((e) => e.kind === 'person' && e.name.toLowerCase().split(/\s+/).includes(last)) ??
      ranked.find((e) => e.kind !== 'person' && e.name.toLowerCase() === last) ??
      null
    );
  }

  /**
   * The person introduced with an age: "Alois Gruber, 67,", "Gruber (67)", "der 67-jährige Gruber",
   * "the 67-year-old Tom Becker"; the latest such before `before`, else the first after.
   */
  private ageHolder(age: string, before: number): Entity | null {
    if (!this.ages) {
      this.ages = [];
      for (const m of this.mentions) {
        if (m.entity.kind !== 'person' || this.isQuoted(m.start)) continue;
        const after = /^\s*(?:,\s*|\()(\d{1,3})\s*[,)]/u.exec(this.text.slice(m.end, m.end + 8))?.[1];
        const ahead = /(\d{1,3})-(?:jährigen?|year-old)\s+(?:\p{Ll}+\s+)?$/u.exec(
          this.text.slice(Math.max(0, m.start - 40), m.start),
        )?.[1];
        const found = after ?? ahead;
        if (found) this.ages.push({ age: found, at: m.start, entity: m.entity });
      }
    }
    let latest: Entity | null = null;
    let first: Entity | null = null;
    for (const a of this.ages) {
      if (a.age !== age) continue;
      first ??= a.entity;
      if (a.at < before) latest = a.entity;
    }
    return latest ?? first;
  }

  /** The person a role noun was used for: a mention right after or before the role word. */
  private roleHolder(role: string, before: number): Entity | null {
    const stem = roleStem(role);
    if (!this.roleContexts) {
      this.roleContexts = this.mentions
        .filter((m) => m.entity.kind === 'person' && !this.isQuoted(m.start))
        .map((m) => {
          // Within the mention's sentence: "…«, sagte die Managerin. Brandt hält" does not make Brandt one.
          const left = this.text
            .slice(Math.max(0, m.start - 40), m.start)
            .split(/[.!?«»“”„]\s/u)
            .pop()!
            .split(/[\s,]+/)
            .filter(Boolean)
            .slice(-2);
          const right = this.text
            .slice(m.end, m.end + 40)
            .split(/[.!?«»“”„]/u)[0]!
            .split(/[\s,]+/)
            .filter(Boolean)
            .slice(0, 4);
          return {
            entity: m.entity,
            at: m.start,
            stems: [...left, ...right].map(roleStem),
            words: [...left, ...right].map((w) => w.toLowerCase()),
            leftStems: left.length,
          };
        });
    }
    // Only a person introduced before: a later "Staatsanwalt Förster" is not "der Anwalt" said before.
    // A role before the name („Trainer Serge Bouchard", "his goalkeeper, Nick Pope") names its holder;
    // one after it ("Eddie Howe praised his goalkeeper") only counts when no name has the role before it.
    const holders = new Set<Entity>();
    const titled = new Set<Entity>();
    for (const c of this.roleContexts) {
      if (c.at >= before) break;
      let at = c.stems.findIndex((w) => sameRole(w, stem));
      if (at < 0) at = c.words.findIndex((w) => coversRole(role, w, c.words));
      if (at < 0) continue;
      holders.add(c.entity);
      if (at < c.leftStems) titled.add(c.entity);
    }
    const candidates = titled.size > 0 ? titled : holders;
    if (candidates.size <= 1) return [...candidates][0] ?? null;
    return this.lastMentioned(candidates, before);
  }

  /**
   * Of several people introduced with one role („Trainer Serge Bouchard“ … „Bremerhavens Trainer Thomas
   * Pohlmann“), the one the text named last before `before` („Bouchard kündigte Änderungen an. „…“,
   * sagte der Trainer“): the description points to the holder in focus, not the last one introduced.
   */
  private lastMentioned(holders: Set<Entity>, before: number): Entity | null {
    let last: Entity | null = null;
    for (const m of this.mentions) {
      if (m.start >= before) break;
      if (holders.has(m.entity) && !this.isQuoted(m.start)) last = m.entity;
    }
    return last;
  }
}

/**
 * „Finanzministerin Ulrike Hahn“ tagged as an organisation, "Maria Lopez" as a place: two or three
 * capitalised words opening with a common first name are a person's name for attribution (pronouns,
 * descriptions and the speaker's name look for people), whatever kind the recogniser gave them.
 */
function personByFirstName(entity: Entity): Entity {
  if (entity.kind === 'person') return entity;
  const words = entity.name.split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}[\p{L}-]*$/u.test(w))) {
    return entity;
  }
  return genderOfFirstName(words[0]!) ? { ...entity, kind: 'person' } : entity;
}

/**
 * „die Vorsitzende“, „Der Abgeordnete“: an adjectival person noun has its article's gender; without
 * one, the -e form is feminine („Vorsitzende Sevgi Kaya“; the masculine is „Vorsitzender“).
 */
function adjectivalGender(word: string, before: string | undefined): Gender | null {
  if (!ADJECTIVAL_PERSON_NOUN.test(word)) return null;
  const article = before?.toLowerCase();
  if (article === 'der') return 'm';
  if (article === 'die') return 'f';
  return DETERMINERS.has(article ?? '') ? null : 'f';
}

/** Party names as they prefix a description or follow a name: „Grünen-Politikerin“, „(SPD)“. */
const PARTY = /^(?:spd|cdu|csu|fdp|afd|bsw|grün|link|övp|spö|fpö|neos|svp)$/u;

const partyKey = (word: string) =>
  word
    .toLowerCase()
    .replace(/[^\p{L}]/gu, '')
    .replace(/(?:en|e|n)$/u, '');

/**
 * A description more general than the role a person was introduced with (ROLE_HYPERNYMS): „der
 * Gewerkschafter“ covers „GDL-Chef“. A party before the description („die Grünen-Politikerin“) must
 * be the person's too: a word of theirs names it („Grünen-Abgeordnete“, „(SPD)“).
 */
function coversRole(description: string, word: string, holderWords: string[]): boolean {
  const lower = description.toLowerCase();
  // The first entry whose general word fits: „Rathauschef“ covers a mayor, not every kind of chief.
  const covers = ROLE_HYPERNYMS.find(([general]) => general.test(lower))?.[1];
  if (!covers?.test(word)) return false;
  const prefix = lower.includes('-') ? partyKey(lower.slice(0, lower.lastIndexOf('-'))) : '';
  if (!PARTY.test(prefix)) return true;
  return holderWords.some((w) => w.split('-').some((part) => partyKey(part) === prefix));
}

/** "Gesundheitsministerin" holds the role "Ministerin": compounds end with their role. */
function sameRole(word: string, role: string): boolean {
  return word.length >= 4 && role.length >= 4 && (word.endsWith(role) || role.endsWith(word));
}

/** "Machthabers", "Ministerin", "Präsidenten" → their base; compares role words across inflections. */
function roleStem(word: string): string {
  const w = word.toLowerCase().replace(/[^\p{L}]/gu, '');
  return w.length > 6 ? w.replace(/(innen|in|en|n|s|e)$/u, '') : w.replace(/s$/u, '');
}

/**
 * The name as the text writes it when the recogniser cut the person's entry short: „DWD-Sprecher
 * Andreas Friedrich“ with an entry 'Andrea' is Andreas Friedrich, „Florian Weiß“ with 'Florian' is
 * Florian Weiß (only inside the speaker phrase, whose words are all capitalised names). Only when the entry's first word is a
 * strict prefix of a written word; the name is that word and the next one (a surname).
 */
function fullerName(phrase: NounPhrase, entity: Entity): string | null {
  if (phrase.kind !== 'name' || entity.kind !== 'person') return null;
  // An entry that is only the first of the names written („Florian“ of „Florian Weiß“, „Kai“ of „Kai
  // Sonntag“): the surname written after it.
  if (!/\s/.test(entity.name)) {
    const at = phrase.nameTokens.indexOf(entity.name);
    const written = at >= 0 ? phrase.nameTokens.slice(at, at + 3) : [];
    if (written.length > 1) return written.join(' ');
  }
  const first = entity.name.split(/\s+/)[0]!.toLowerCase();
  const at = phrase.nameTokens.findIndex((token) => {
    const word = token.toLowerCase();
    return word !== first && word.startsWith(first);
  });
  if (at < 0) return null;
  const written = phrase.nameTokens.slice(at, at + Math.max(2, entity.name.split(/\s+/).length));
  return written.length > 1 ? written.join(' ') : null;
}

function fromEntity(entity: Entity, confidence: number): Speaker {
  const speaker = entity.kind === 'person' ? personName(entity.name) : entity.name;
  return { speaker, speakerEntityId: entity.id, confidence };
}

/**
 * A person entry the recogniser drew too wide, as the speaker's name: without a leading role word
 * ("Councilwoman Rosa Jimenez", „Investor Hendrik Brandis“) and without an affiliation tail ("Sutume
 * Kebede of Ethiopia", „Hendrik Brandis von Earlybird“). Both only while two words stay, so „Ursula
 * von der Leyen“ and „Richard von Weizsäcker“ keep their particle.
 */
export function personName(name: string): string {
  let words = name.split(/\s+/);
  // „Expertin Ute Sommer“ too.
  const description = (word: string) => ROLE_NOUN.test(word) || isFeminineDescription(word);
  while (words.length > 2 && description(words[0]!)) words = words.slice(1);
  const tail = words.findIndex((w, i) => i >= 2 && (w === 'of' || w === 'von' || w === 'from'));
  if (tail >= 2 && words.length === tail + 2 && /^\p{Lu}/u.test(words[tail + 1]!))
    words = words.slice(0, tail);
  return words.join(' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
