/**
 * Entries that are not names of a person, place or organisation, removed from the entity table after
 * the table is built (issue 14). Each rule reads only the article text around the mentions:
 * - works (films, series, books): a non-person name of two or more words followed by a work noun ("a
 *   new Star Wars film"), or written inside quotation marks at every mention („Tatort“);
 * - events and laws: a name whose last word is an event or law head ("Sundance Film Festival", "Online
 *   Safety Act", "Berlin Marathon"), or every mention of which the head follows ("Venice Film" +
 *   "Festival"); when the rest is a place ("Berlin"), the mentions stay as that place,
 *   otherwise the entry stays in the table marked `possible` (listed, never painted);
 * - products and missions: a non-person name ending in a Roman numeral ("Artemis III");
 * - English common words: a one-word "person" every mention of which follows an article or "new"
 *   ("a new Bill" is legislation, not a man called Bill);
 * - named storms: a name every mention of which follows "Storm", "Hurricane", "Typhoon" or "Cyclone",
 *   or that starts with one ("Storm Darragh", "Hurricane Milton" are weather, not persons);
 * - English participles opening a sentence before a preposition ("Born in Leicester in 1934, she …");
 * - English identity adjectives before a plural noun ("Black voters", "Indigenous groups"): like
 *   demonyms, not names of their own;
 * - product and model names: a mention right before a model number ("Boeing 737", "iPhone 17",
 *   "Windows 10", "S&P 500", "Galaxy S25") names the product, not its maker; such mentions leave the
 *   entry, and an entry with no other mention goes ("S&P 500" goes, "Boeing" of "Boeing chief executive"
 *   stays). A score ("Liverpool 2-1"), a year ("London 2012" is an event anyway) or a percentage is not
 *   a model number;
 * - court cases: a party's name beside " v. " ("Roe v. Wade") is part of the case's title;
 * - works and products by what surrounds a mention: a work noun before it ("the novel Wolf Hall",
 *   "her staging of Uncle Vanya"), a product noun after a name of several words ("new Apple Watch
 *   models") or after any name that follows a possessive ("its Xbox console"); like model numbers, such
 *   mentions leave the entry;
 * - brands after their maker ("the maker of Tide and Pampers", "brands such as Dove and Knorr"): products;
 * - a wire agency in a dateline ("LIMA (Reuters) -", "MANILA (AP) —"): a credit, like a byline; the
 *   mention leaves the entry;
 * - a one-word legislature after a lower-case qualifier ("the state Senate", "the county Council"): listed
 *   as a possible name, not painted (which state's is left to the context);
 * - an institution's common noun alone ("Board member …", "Police said"): the kind of body, not a name;
 * - holidays and feasts ("Christmas sales", „zu Ostern") and one-word events ("since Brexit",
 *   "Eurovision"): dates and happenings, not names.
 * Sentence-initial, heading and ALL-CAPS words are not removed here: they lower an entry's confidence
 * (confidence.ts), so a real name that only ever opens sentences is still listed.
 */
import { opensSentence } from '../text/sentences.ts';
import type { Entity, EntityKind } from '../types.ts';

const WORK_NOUNS =
  /^\s(?:film|films|movie|movies|series|show|franchise|trilogy|album|novel|sequel|prequel|episode|season|documentary|musical|opera|podcast|Film|Films|Serie|Sendung|Folge|Roman|Album|Reihe|Staffel)\b/u;
// A work named right after what it is ("the novel Wolf Hall", "her new film, Night Train", „der Roman
// Der Schwarm"): the mention is the work's title, whatever kind the tagger gave it.
const WORK_BEFORE =
  /\b(?:film|movie|novel|album|song|opera|musical|series|sitcom|documentary|podcast|poem|staging of|production of|adaptation of|revival of|Roman|Film|Buch|Theaterstück|Oper|Serie|Album),?\s$/u;
// Products: a name of two or more words between "new"/an article and a product noun ("new Apple Watch
// models", "the Galaxy Tab tablet"), or any name between a possessive and a product noun ("its Xbox
// console", "Nasa's Curiosity rover", "its Azure cloud service"): a maker's product, not the maker. ("Play" and "book" are verbs
// too: "will play Arsenal".)
const PRODUCT_NOUNS =
  /^\s(?:models?|smartphones?|phones?|handsets?|software|app|apps|rover|probe|telescope|spacecraft|console|tablet|laptop|headset|chip|chips|processor|vaccine|operating system|browser|chatbot|cloud|platform|search engine)\b/u;
// Brands after what makes or sells them ("the maker of Tide and Pampers", "brands such as Dove, Knorr and
// Hellmann's"): products, each of a list; the maker is named elsewhere.
const BRANDS_BEFORE =
  /\b(?:makers? of|brands? (?:such as|like|including)|labels? (?:such as|like|including)) (?:\p{Lu}[\p{L}'’&-]*(?: \p{Lu}[\p{L}'’&-]*)*(?:, | and | & | or ))*$/u;
// A vaccine named by its letters ("the MMR vaccine", "an HPV jab"): the product, not an organisation.
const VACCINE_AFTER = /^\s(?:vaccines?|jabs?|shots?)\b/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const POSSESSIVE_BEFORE = /(?:['’]s|\bits|\btheir|\bhis|\bher)\s$/u;
const ARTICLE_OR_NEW_BEFORE = /\b(?:new|the|a|an)\s$/u;
// Apostrophes are not quotation marks here: "Fowler's" is a possessive.
const OPENING_QUOTE = /[„“"»«]\s?$/u;
const CLOSING_QUOTE = /^\s?[“”"«»]/u;

const EVENT_OR_LAW_HEADS = new Set([
  'act',
  'bill',
  'festival',
  'marathon',
  'championship',
  'championships',
  'cup',
  'bowl',
  'prix',
  'games',
  'olympics',
  'award',
  'awards',
  'prize',
  'summit',
  'expo',
  'gesetz',
  'festspiele',
  'meisterschaft',
  'weltmeisterschaft',
  'europameisterschaft',
  'gipfel',
]);

const STORM_BEFORE = /(?:Storm|Hurricane|Typhoon|Cyclone)\s$/u;
const STORM_FIRST = /^(?:Storm|Hurricane|Typhoon|Cyclone|Orkan|Tropensturm) \p{Lu}/u;
const OPENING_PARTICIPLES = new Set([
  'Born',
  'Raised',
  'Based',
  'Founded',
  'Educated',
  'Trained',
  'Elected',
  'Appointed',
  'Married',
  'Located',
]);
const PREPOSITION_AFTER = /^\s(?:in|at|on|by|near|from|to|into|as)\b/u;

const IDENTITY_ADJECTIVES = new Set([
  'Black',
  'White',
  'Brown',
  'Indigenous',
  'Aboriginal',
  'Native',
  'Hispanic',
  'Latino',
  'Latina',
  'Latinx',
  'Asian',
]);
// A plural noun after the word ("Black voters", "Indigenous communities"), not a verb ("Black says", "Black left").
const PLURAL_NOUN_AFTER =
  /^\s(?!(?:says|is|was|has|does|goes|thinks|wants|knows|gets|makes|takes|adds|tells|asks)\b)\p{Ll}+s\b|^\s(?:people|men|women|children)\b/u;

const ROMAN_END = / (?:II|III|IV|V|VI|VII|VIII|IX|X)$/;
const ARTICLE_BEFORE = /(?:^|\s)(?:a|an|the|this|that|new)\s$/i;

// After the mention: a space and a model number ("737", "17", "S25", "A19"), not followed by a score,
// ratio, percentage, decimal or range ("2-1", "3:0", "7%", "1.5", "10–12").
const MODEL_NUMBER_AFTER =
  /^ (?:\p{Lu}{0,2}\d{1,4}\p{Lu}?)(?![\p{L}\p{N}]|[-–:%.,/]\d|%| ?(?:per ?cent|percent|Prozent)\b)/u;
// A British score line ("Arsenal 3 Chelsea 1") is not a model number either ("Boeing 737 Max 9" is).
const SCORE_LINE = /^ \d{1,2}(?: \p{Lu}[\p{L}'’-]*)+ \d{1,2}\b/u;
// A street before its house number („Friedrichstraße 12", "Unter den Linden 1") is a place.
// Nor is a numbered station the product of a maker ("BBC Radio 4", "Channel 4", "ZDF" aside).
const STREET_END =
  /(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|markt|chaussee|Linden|Street|Road|Avenue|Lane|Radio|Channel|TV)$/u;
const YEAR = /^ (?:1[89]|20)\d\d\b/;

/**
 * Holidays and feasts, and one-word events, English and German: dates and happenings, not names of
 * persons, places or organisations.
 */
const HOLIDAYS_AND_EVENTS = new Set([
  'Brexit',
  'Eurovision',
  'Olympics',
  'Paralympics',
  'Oktoberfest',
  'Christmas',
  'Easter',
  'Thanksgiving',
  'Halloween',
  'Ramadan',
  'Eid',
  'Hanukkah',
  'Diwali',
  'Passover',
  'Lent',
  'Advent',
  'Pentecost',
  'Whitsun',
  'Weihnachten',
  'Ostern',
  'Pfingsten',
  'Silvester',
  'Fasching',
  'Karneval',
  'Heiligabend',
]);

export interface NotNamesContext {
  text: string;
  /** The gazetteer's kind of a name, when it lists it. */
  gazetteerKind?: (name: string) => EntityKind | undefined;
}

/**
 * A work: a non-person name of several words before a work noun ("a Brad Pitt film" names an actor,
 * "a new Star Wars film" a franchise), or a name written in quotation marks at every mention.
 */
function isWork(e: Entity, text: string): boolean {
  const quoted = (m: Entity['mentions'][number]) =>
    OPENING_QUOTE.test(text.slice(Math.max(0, m.start - 2), m.start)) &&
    CLOSING_QUOTE.test(text.slice(m.end, m.end + 2));
  if (e.mentions.length > 0 && e.mentions.every(quoted)) return true;
  if (e.kind === 'person' || !e.name.includes(' ')) return false;
  return e.mentions.some((m) => WORK_NOUNS.test(text.slice(m.end, m.end + 16)));
}

/** For an event or law, the place it is named after ("Berlin" of "Berlin Marathon"), or null. */
function eventPlace(e: Entity, context: NotNamesContext): string | null {
  const words = e.name.split(' ');
  if (words.length < 2) return null;
  const rest = words.slice(0, -1).join(' ');
  return context.gazetteerKind?.(rest) === 'place' ? rest : null;
}

function isEventOrLaw(e: Entity, context: NotNamesContext): boolean {
  const words = e.name.split(' ');
  if (words.length > 1 && EVENT_OR_LAW_HEADS.has(words[words.length - 1]!.toLowerCase())) return true;
  // The head left out of the mention: "Venice Film" + "Festival", "Online Safety" + "Bill"; a place
  // before the head ("Berlin" + "Marathon") stays the place.
  if (context.gazetteerKind?.(e.name) === 'place') return false;
  return e.mentions.every((m) => {
    const next = /^ (\p{Lu}\p{L}+)\b/u.exec(context.text.slice(m.end, m.end + 20));
    return next !== null && EVENT_OR_LAW_HEADS.has(next[1]!.toLowerCase());
  });
}

function isCommonWordPerson(e: Entity, text: string): boolean {
  if (e.kind !== 'person' || e.name.includes(' ')) return false;
  return e.mentions.every((m) => ARTICLE_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)));
}

function isNamedStorm(e: Entity, text: string): boolean {
  if (STORM_FIRST.test(e.name)) return true;
  return e.mentions.every((m) => STORM_BEFORE.test(text.slice(Math.max(0, m.start - 10), m.start)));
}

function isOpeningParticiple(e: Entity, text: string): boolean {
  if (!OPENING_PARTICIPLES.has(e.name)) return false;
  return e.mentions.every(
    (m) => opensSentence(text, m.start) && PREPOSITION_AFTER.test(text.slice(m.end, m.end + 8)),
  );
}

function isIdentityAdjective(e: Entity, text: string): boolean {
  return (
    IDENTITY_ADJECTIVES.has(e.name) &&
    e.mentions.every((m) => PLURAL_NOUN_AFTER.test(text.slice(m.end, m.end + 24)))
  );
}

/** A mention naming a product by its model number ("Boeing 737", "S&P 500"). */
function beforeModelNumber(m: Entity['mentions'][number], text: string): boolean {
  const after = text.slice(m.end, m.end + 32);
  return (
    MODEL_NUMBER_AFTER.test(after) && !YEAR.test(after) && !SCORE_LINE.test(after) && !STREET_END.test(m.text)
  );
}

// A court case is named for its parties ("Roe v. Wade", "Whole Woman's Health v. Jackson"): a title.
const CASE_AFTER = /^(?:['’]s)? v\. \p{Lu}/u;
const CASE_BEFORE = /\p{L}(?:['’]s)? v\. $/u;

// A wire dateline credits its agency: "LIMA (Reuters) -", "MANILA (AP) —". The agency is the byline,
// not a name in the story.
const DATELINE_BEFORE = /(?:^|\n)\s*\p{Lu}[\p{Lu}\p{M} .,'’-]*\s\($/u;
const DATELINE_AFTER = /^\)\s*[-–—]/u;

function isDatelineCredit(m: Entity['mentions'][number], text: string): boolean {
  return (
    DATELINE_AFTER.test(text.slice(m.end, m.end + 4)) &&
    DATELINE_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start))
  );
}

/** A mention that names a work or a product, not a person, place or organisation (see above). */
function namesWorkOrProduct(e: Entity, m: Entity['mentions'][number], text: string): boolean {
  if (beforeModelNumber(m, text) || isDatelineCredit(m, text)) return true;
  if (
    CASE_AFTER.test(text.slice(m.end, m.end + 8)) ||
    CASE_BEFORE.test(text.slice(Math.max(0, m.start - 8), m.start))
  )
    return true;
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  if (WORK_BEFORE.test(before) || BRANDS_BEFORE.test(text.slice(Math.max(0, m.start - 60), m.start)))
    return true;
  if (!PRODUCT_NOUNS.test(text.slice(m.end, m.end + 20)) || e.kind === 'person') return false;
  if (ACRONYM.test(m.text) && VACCINE_AFTER.test(text.slice(m.end, m.end + 10)))
    return ARTICLE_OR_NEW_BEFORE.test(before);
  return POSSESSIVE_BEFORE.test(before) || (m.text.includes(' ') && ARTICLE_OR_NEW_BEFORE.test(before));
}

/** The entry without its work and product mentions (null when none is left), or the entry itself. */
function withoutProductMentions(e: Entity, text: string): Entity | null {
  const mentions = e.mentions.filter((m) => !namesWorkOrProduct(e, m, text));
  if (mentions.length === e.mentions.length) return e;
  return mentions.length ? { ...e, mentions, count: mentions.length } : null;
}

// A legislative body named only by a common qualifier ("the state Senate", "the county Council", "the
// city Assembly"): which one is left to the context, so the word alone is not painted as a name. "The
// Senate", "Senate Democrats" name the national body and stay.
const LEGISLATURES = new Set([
  'Senate',
  'Assembly',
  'House',
  'Legislature',
  'Parliament',
  'Council',
  'Congress',
]);
const LOCAL_QUALIFIER_BEFORE =
  /\b(?:state|provincial|regional|county|city|town|municipal|local|upper|lower)\s$/u;

function isQualifiedLegislature(e: Entity, text: string): boolean {
  return (
    e.kind !== 'person' &&
    LEGISLATURES.has(e.name) &&
    e.mentions.every((m) => LOCAL_QUALIFIER_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)))
  );
}

// An institution's common noun alone, capitalised because it opens a sentence or a heading ("Board
// member Karen Wills", "Police said", "Council leaders met"): the kind of body, not one body's name.
// Legislatures named by one word ("Senate", "Parliament") are names and are not in this list, nor is
// "Union" (the German „Union" is CDU and CSU).
const INSTITUTION_NOUNS = new Set([
  'board',
  'council',
  'committee',
  'commission',
  'department',
  'ministry',
  'agency',
  'authority',
  'office',
  'bureau',
  'police',
  'party',
  'group',
  'association',
  'institute',
  'university',
  'college',
  'school',
  'hospital',
  'government',
  'cabinet',
  'company',
  'firm',
  'corporation',
  'panel',
]);

/** The table without the entries above; an event named after a place leaves that place, other events and laws are marked possible. */
export function dropNotNames(entities: Entity[], context: NotNamesContext): Entity[] {
  const { text } = context;
  const out: Entity[] = [];
  for (const entry of entities) {
    const e = withoutProductMentions(entry, text);
    if (!e || HOLIDAYS_AND_EVENTS.has(e.name) || INSTITUTION_NOUNS.has(e.name.toLowerCase())) continue;
    if (isWork(e, text) || isCommonWordPerson(e, text)) continue;
    if (isNamedStorm(e, text) || isOpeningParticiple(e, text) || isIdentityAdjective(e, text)) continue;
    if (e.kind !== 'person' && ROMAN_END.test(e.name)) continue;
    if (isQualifiedLegislature(e, text)) {
      out.push({ ...e, possible: true });
      continue;
    }
    if (isEventOrLaw(e, context)) {
      const place = eventPlace(e, context);
      if (!place) {
        // Kept for what reads the table (the summary ranks sentences by its main names, and a law can be
        // one) but never painted: listed as a possible name only.
        out.push({ ...e, possible: true });
        continue;
      }
      const existing = out.find((o) => o.name === place && o.kind === 'place');
      const mentions = e.mentions
        .filter((m) => m.text.startsWith(place))
        .map((m) => ({ start: m.start, end: m.start + place.length, text: place }));
      if (existing) {
        existing.mentions = [...existing.mentions, ...mentions].sort((a, b) => a.start - b.start);
        existing.count = existing.mentions.length;
      } else {
        out.push({
          ...e,
          id: `place:${place.toLowerCase()}`,
          name: place,
          kind: 'place',
          aliases: [],
          mentions,
          count: mentions.length,
        });
      }
      continue;
    }
    out.push(e);
  }
  return out;
}
