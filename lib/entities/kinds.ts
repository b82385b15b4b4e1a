/**
 * Kind decisions on the finished entity table (issue 14), for errors of kind the tagger makes on
 * names it has seen under both kinds: CoNLL's English training text is full of sports results, where
 * cities and counties are clubs ("Surrey", "Liverpool"), so a city in a news story comes out as an
 * organisation and a club in a match report as a place. Each rule reads the article text around the
 * entity's mentions:
 * - a club: a place or organisation with a mention in match context ("Leinster beat Toulouse 34-13",
 *   "Toulouse coach …", "will face Northampton", "Australia won the toss", "India were bowled out" — a
 *   plural verb after a singular name is a side; in a text with a result, also "against Serbia",
 *   "England host Wales", "England will play Italy") is an organisation, and so is a one-word "person" the gazetteer knows as a
 *   place ("who beat Bath");
 * - a place the gazetteer lists (GeoNames cities, countries) tagged as an organisation is a place
 *   unless a mention is in match context ("at Liverpool" against "Liverpool beat"); so is an English
 *   county ("Pembrokeshire", "Yorkshire": CoNLL knows them as cricket clubs);
 * - a head noun decides: "… County", "… Stadium", "… Airport" are places, "… Council", "… University"
 *   and company names ("… Foods", "… Holdings", "… plc") organisations;
 * - a team named after its city ("Denver Nuggets", "New York Giants") is an organisation, and so is a
 *   one-word name that moves like a share ("Toyota lost 3.4%") or that an apposition calls a company
 *   ("Amazon, whose AWS unit …"); a "person" with a head noun and no given name goes by the head;
 * - a one-word name before ", <place>" ("near Taylor, Texas") is a place, and so is an organisation
 *   (no head noun, no company verb) where people live or are born ("residents in Carlisle", "born in
 *   Leeds", "the town of Keswick"), unless in match context;
 * - a name right after an organisation noun ("opposition party Sinn Féin", "planemaker Boeing",
 *   "retailer Amazon") or a stake in one ("shares in Alphabet", "a stake in Arm") is an organisation,
 *   unless it starts with a known given name; a one-word name after "analysts at", "economists at" is
 *   a firm even then ("analysts at Davy");
 * - an organisation no list knows, coordinated with a place ("for Pembrokeshire and Ceredigion"), is a
 *   place: coordinated names share a kind;
 * - a seat of government that news uses for the government in it ("the Kremlin said", "the White
 *   House", "Downing Street", "the Pentagon") is an organisation, at every mention: the reader meets
 *   these names as the speaking institution far more often than as the building, and one entry should
 *   not change kind with the verb.
 * The table has already settled one kind per entity by majority over its mentions (table.ts); these
 * rules move a whole entity.
 */
import { foldCase } from '../text/fold.ts';
import { opensSentence } from '../text/sentences.ts';
import type { Entity, EntityKind } from '../types.ts';

// "Leinster beat Toulouse 34-13", "Arsenal beat Manchester City 2-1": a result or a match verb next to
// the name, or a team role after it ("Toulouse coach Mathieu Favre", "England captain").
const MATCH_AFTER =
  /^\s+(?:\d{1,3}-\d{1,3}\b|(?:beat|beats|defeated|crushed|crush|thrashed|edged|drew with|lost to|coach|manager|captain|head coach|striker|goalkeeper|full-back|fans|supporters|squad)\b)/u;
// A country or city fielding a side ("Australia won the toss", "India were bowled out for 201", "England
// were outplayed"): British sports writing gives a team a plural verb, which the country itself never
// takes; a name ending in -s ("Netherlands", "Philippines") is left alone, and the bare plural verb counts
// only for a name opening its sentence ("Trains between Swansea and Cardiff were cancelled" is the trains).
const TEAM_AFTER =
  /^\s+(?:won the toss|lost the toss|were bowled out|were all out|collapsed to \d|declared on \d|won by \d+ (?:runs?|wickets?|points?|goals?))/u;
const TEAM_VERB_AFTER = /^\s+(?:were|are)\b/u;
// In a match report, what a side will do next ("England will play Italy", "Dallas will host Detroit").
const REPORT_AFTER = /^\s+will (?:play|face|host|meet|visit|travel to)\b/u;
const MATCH_BEFORE =
  /\b(?:beat|beats|defeated|crushed|crush|thrashed|edged|face|faces|facing|drew with|lost to|victory over|win over|defeat to|defeat by)\s+$/u;

// In a match report (the text has a result: "2-1", "34–13"), a name after "against", "v", "host" … is
// the opponent ("the qualifier against Serbia", "England host Wales"), not the country or city.
const RESULT = /\b\d{1,3}[-–]\d{1,3}\b/u;
const MATCH_REPORT_BEFORE =
  /\b(?:against|v|vs\.?|versus|host|hosts|hosted|hosting|visit|visits|play|plays|played|meet|meets)\s+$/u;

// Where people live, are born or go ("residents in Carlisle", "the town of Keswick", "north of Perth"):
// a place, whatever the tagger's sports-heavy training made of it.
const PLACE_CONTEXT_BEFORE =
  /\b(?:[Rr]esidents (?:in|of)|[Pp]eople in|[Ll]ives in|[Ll]ived in|[Ll]iving in|[Bb]orn in|[Gg]rew up in|[Tt]own of|[Cc]ity of|[Vv]illage of|[Cc]ounty of|[Ss]uburb of|[Ss]treets of|(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est) of)\s$/u;

/** One word ending in -shire: an English or Welsh county. */
const COUNTY = /^\p{Lu}\p{Ll}+shire$/u;

const PLACE_HEADS = new Set([
  'county',
  'stadium',
  'airport',
  'bridge',
  'square',
  'street',
  'avenue',
  'river',
  'lake',
  'island',
  'islands',
  'mountains',
  'valley',
  'bay',
  'reef',
  'sea',
  'ocean',
  // Venues and roads: "O2 Arena", "TD Garden", "Lincoln Financial Field", "Hyde Park".
  'arena',
  'garden',
  'gardens',
  'field',
  'park',
  'circuit',
  'road',
]);
const ORGANISATION_HEADS = new Set([
  'council',
  'university',
  'college',
  'ministry',
  'department',
  'agency',
  'party',
  'association',
  'institute',
  'board',
  'authority',
  'commission',
  'committee',
  'corporation',
  'foundation',
  'panel',
  'office',
  'bureau',
  'fund',
  'society',
  'trust',
  'service',
  'survey',
  'league',
  'police',
  'forces',
  'parliament',
  'assembly',
  'senate',
  'congress',
  'school',
  'schools',
  'elementary',
  'hospital',
  'infirmary',
  'healthcare',
  // Newspapers and media companies: "Yorkshire Post", "Columbia Records", "Universal Pictures".
  'post',
  'times',
  'herald',
  'media',
  'records',
  'pictures',
  'studios',
  'entertainment',
  // Company names: "Calloway Foods", "CVC Capital Partners", "Tata Motors".
  'foods',
  'group',
  'holdings',
  'partners',
  'motors',
  'airlines',
  'airways',
  'industries',
  'technologies',
  'energy',
  'systems',
  'labs',
  'bakery',
  'pharmaceuticals',
  'inc',
  'inc.',
  'ltd',
  'ltd.',
  'plc',
  'corp.',
]);

/** Seats of government that stand for the government (the rule above): organisations. */
const SEATS_OF_GOVERNMENT = new Set([
  'kremlin',
  'white house',
  'pentagon',
  'downing street',
  'whitehall',
  'élysée',
  'elysee',
  'élysée palace',
  'elysee palace',
  'quai d’orsay',
  "quai d'orsay",
  'zhongnanhai',
  'blue house',
]);

export interface KindsContext {
  text: string;
  /** The gazetteer's kind of a name, when it lists it. */
  gazetteerKind?: (name: string) => EntityKind | undefined;
  /** Whether a word is a known given name. */
  isGivenName?: (word: string) => boolean;
}

const ORGANISATION_NOUN_BEFORE =
  /\b(?:party|company|firm|group|carmaker|automaker|planemaker|plane maker|chipmaker|retailer|broadcaster|airline|lender|insurer|bank|charity|club|union|publisher|start-?up|manufacturer|conglomerate|supermarket|regulator|newspaper|[Ss]hares in|[Ss]hares of|[Ss]take in|[Tt]akeover of)\s$/u;

// Who works at a firm ("analysts at Davy", "economists at Barclays"): a one-word name there is the firm,
// even when it is also a given name.
const FIRM_STAFF_BEFORE = /\b(?:[Aa]nalysts?|[Ee]conomists?|[Ss]trategists?|[Tt]raders?|[Bb]ankers?) at\s$/u;

function afterOrganisationNoun(e: Entity, context: KindsContext): boolean {
  const before = (m: Entity['mentions'][number]) => context.text.slice(Math.max(0, m.start - 16), m.start);
  if (!e.name.includes(' ') && e.mentions.some((m) => FIRM_STAFF_BEFORE.test(before(m)))) return true;
  if (context.isGivenName?.(e.name.split(' ')[0]!)) return false;
  return e.mentions.some((m) => ORGANISATION_NOUN_BEFORE.test(before(m)));
}

// Whether the text has a result is asked for every place and organisation in both passes of
// settleKinds; the answer depends on the text alone, so the last one is kept.
let lastText: string | undefined;
let lastIsReport = false;
function isMatchReport(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastIsReport = RESULT.test(text);
  }
  return lastIsReport;
}

function inMatchContext(e: Entity, text: string): boolean {
  const report = isMatchReport(text);
  const plural = /s$/u.test(e.name);
  return e.mentions.some((m) => {
    const before = text.slice(Math.max(0, m.start - 24), m.start);
    const after = text.slice(m.end, m.end + 24);
    return (
      MATCH_AFTER.test(after) ||
      (!plural &&
        (TEAM_AFTER.test(after) || (TEAM_VERB_AFTER.test(after) && opensSentence(text, m.start)))) ||
      MATCH_BEFORE.test(before) ||
      (report && (MATCH_REPORT_BEFORE.test(before) || REPORT_AFTER.test(after)))
    );
  });
}

/** Whether a word ends organisations' names ("Council", "Panel", "Board", "Holdings"). */
export function isOrganisationHead(word: string): boolean {
  return ORGANISATION_HEADS.has(word.toLowerCase());
}

function inPlaceContext(e: Entity, text: string): boolean {
  if (e.name.split(' ').some((w) => isOrganisationHead(w))) return false;
  return e.mentions.some((m) => PLACE_CONTEXT_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)));
}

function headKind(name: string): EntityKind | undefined {
  const words = name.split(' ');
  if (words.length < 2) return undefined;
  const head = words[words.length - 1]!.toLowerCase();
  if (PLACE_HEADS.has(head)) return 'place';
  if (ORGANISATION_HEADS.has(head)) return 'organization';
  return undefined;
}

/**
 * A mention before what only a company does ("Toyota is recalling", "Toyota announced", "Toyota's
 * shares"): a city's name that is also a company's keeps the tagger's organisation.
 */
const COMPANY_AFTER =
  /^(?:['’]s shares|['’]s chief| (?:is|was|has been) recalling| (?:announced|recalled|recalls|reported|employs|sells|sold|manufactures|hired|cut) )/u;

/**
 * Also what only a listed company does in a markets report ("Toyota lost 3.4%", "Sony fell 2.8%", "shares in
 * Alibaba rose") or what an apposition says it is ("Amazon, whose AWS unit …", "Alphabet, the parent
 * company of Google"): an organisation, whatever the tagger made of an unknown one-word name. A place
 * does not move by a percentage ("prices fell 3% in Sweden" has the place after the figure).
 */
const STOCK_MOVE_AFTER =
  /^(?:['’]s shares)? (?:fell|rose|lost|gained|dropped|jumped|slipped|climbed|slumped|surged|added|tumbled|sank|soared|plunged|shed|advanced|declined|edged (?:up|down|higher|lower)) (?:by )?\d+(?:\.\d+)? ?(?:%|per ?cent|percent)/u;
const COMPANY_APPOSITION =
  /^, (?:the (?:[\p{L}-]+ ){0,2}(?:company|firm|group|maker|carmaker|retailer|conglomerate|owner|parent company|parent)\b|whose (?:[\p{L}-]+ ){0,2}(?:unit|division|subsidiary|shares|stock|chief executive)\b)/u;

function tradesAsCompany(e: Entity, text: string): boolean {
  return e.mentions.some((m) => {
    const after = text.slice(m.end, m.end + 48);
    return STOCK_MOVE_AFTER.test(after) || COMPANY_APPOSITION.test(after);
  });
}

/** Keeps an organisation's kind ("Toyota’s chief" may be a country's too, so it never moves a place). */
function actsAsCompany(e: Entity, text: string): boolean {
  return (
    e.mentions.some((m) => COMPANY_AFTER.test(text.slice(m.end, m.end + 24))) || tradesAsCompany(e, text)
  );
}

/**
 * A team named after its city ("Denver Nuggets", "New York Giants", "Kansas City Chiefs"): a place the
 * gazetteer knows followed by one capitalised plural word. The tagger, seeing an unknown plural after a
 * city, often calls the whole a person; a person's first name is never a city here unless it is also a
 * given name ("Paris Hilton", "Austin Powers" stay persons) and then only when a mention reads as a team
 * ("the Denver Nuggets", "Nuggets coach …").
 */
function isCityTeam(e: Entity, context: KindsContext): boolean {
  const words = e.name.split(' ');
  if (words.length < 2 || !/^\p{Lu}\p{Ll}+s$/u.test(words[words.length - 1]!)) return false;
  if (context.gazetteerKind?.(words.slice(0, -1).join(' ')) !== 'place') return false;
  if (!context.isGivenName?.(words[0]!)) return true;
  const { text } = context;
  return (
    inMatchContext(e, text) ||
    e.mentions.some((m) => /\bthe\s$/iu.test(text.slice(Math.max(0, m.start - 4), m.start)))
  );
}

/** "Taylor, Texas": a one-word name followed by a comma and a place of the table or the gazetteer. */
function beforeRegion(e: Entity, text: string, places: ReadonlySet<string>, context: KindsContext): boolean {
  if (e.name.includes(' ')) return false;
  return e.mentions.some((m) => {
    const next = /^, ((?:\p{Lu}[\p{L}'’-]*)(?: \p{Lu}[\p{L}'’-]*)?)/u.exec(text.slice(m.end, m.end + 40));
    if (!next) return false;
    const words = next[1]!.split(' ');
    // The longest capitalised run first: "Taylor, New Mexico" before "Taylor, New".
    for (let n = words.length; n > 0; n--) {
      const candidate = words.slice(0, n).join(' ');
      if (places.has(foldCase(candidate)) || context.gazetteerKind?.(candidate) === 'place') return true;
    }
    return false;
  });
}

/** Where place mentions start and end in the text, for coordination ("A and B"). */
interface PlaceMentions {
  names: ReadonlySet<string>;
  starts: ReadonlySet<number>;
  ends: ReadonlySet<number>;
}

function coordinatedWithPlace(e: Entity, text: string, places: PlaceMentions): boolean {
  return e.mentions.some((m) => {
    const after = /^(?:,| and| or| &) ?/u.exec(text.slice(m.end, m.end + 5));
    if (after && places.starts.has(m.end + after[0].length)) return true;
    const before = /(?:,| and| or| &) ?$/u.exec(text.slice(Math.max(0, m.start - 5), m.start));
    return before !== null && places.ends.has(m.start - before[0].length);
  });
}

/** A place the gazetteer lists, or one with a compass or "Greater" prefix before it ("West Texas"). */
function isGazetteerPlace(name: string, context: KindsContext): boolean {
  if (context.gazetteerKind?.(name) === 'place') return true;
  const words = name.split(' ');
  return (
    words.length > 1 &&
    COMPASS_PREFIX.test(words[0]!) &&
    context.gazetteerKind?.(words.slice(1).join(' ')) === 'place'
  );
}
const COMPASS_PREFIX =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|Upper|Lower)$/u;

/** The kind each entity should have by the rules above (the entity's own kind when none applies). */
export function settledKind(e: Entity, context: KindsContext, places: PlaceMentions): EntityKind {
  const { text } = context;
  if (SEATS_OF_GOVERNMENT.has(foldCase(e.name))) return 'organization';
  const head = headKind(e.name);
  // A side named after a bay or a field plays ("will host Green Bay", "Tampa Bay beat …").
  if (head === 'place' && e.kind !== 'person' && inMatchContext(e, text)) return 'organization';
  if (head && e.kind !== 'person') return head;
  // A "person" whose last word is a head noun and whose first is no given name is what the head says
  // ("Hennepin Healthcare" an organisation, "Gaines County" a place; "Amy Field" stays a person).
  if (head && context.isGivenName && !context.isGivenName(e.name.split(' ')[0]!)) return head;
  if (e.kind !== 'organization' && isCityTeam(e, context)) return 'organization';
  if (e.kind !== 'organization' && !e.name.includes(' ') && tradesAsCompany(e, text)) return 'organization';
  if (e.kind !== 'organization' && afterOrganisationNoun(e, context)) return 'organization';
  // A one-word "person" the gazetteer knows as a place, in match context, is a club ("who beat Bath").
  const placeAsPerson =
    e.kind === 'person' && !e.name.includes(' ') && context.gazetteerKind?.(e.name) === 'place';
  if (placeAsPerson && inMatchContext(e, text)) return 'organization';
  if (e.kind === 'place' || e.kind === 'organization') {
    if (inMatchContext(e, text)) return 'organization';
    if (e.kind === 'organization' && !actsAsCompany(e, text) && inPlaceContext(e, text)) return 'place';
    if (
      e.kind === 'organization' &&
      ((isGazetteerPlace(e.name, context) && !actsAsCompany(e, text)) || COUNTY.test(e.name))
    )
      return 'place';
    if (
      e.kind === 'organization' &&
      !context.gazetteerKind?.(e.name) &&
      coordinatedWithPlace(e, text, places)
    )
      return 'place';
  }
  if (e.kind !== 'place' && beforeRegion(e, text, places.names, context)) return 'place';
  return e.kind;
}

/**
 * The table with each entity moved to its settled kind (and its id to match). Two passes, so that a
 * place settled in the first ("Pembrokeshire") counts for coordination in the second.
 */
export function settleKinds(entities: Entity[], context: KindsContext): Entity[] {
  return settleOnce(settleOnce(entities, context), context);
}

function settleOnce(entities: Entity[], context: KindsContext): Entity[] {
  const placeEntities = entities.filter((e) => e.kind === 'place');
  const places: PlaceMentions = {
    names: new Set(placeEntities.map((e) => foldCase(e.name))),
    starts: new Set(placeEntities.flatMap((e) => e.mentions.map((m) => m.start))),
    ends: new Set(placeEntities.flatMap((e) => e.mentions.map((m) => m.end))),
  };
  return entities.map((e) => {
    const kind = settledKind(e, context, places);
    return kind === e.kind ? e : { ...e, kind, id: `${kind}:${foldCase(e.name)}` };
  });
}
