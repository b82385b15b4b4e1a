/**
 * Which Wikipedia page is the entity the reader hovers, or none. A wrong person's face on a card is worse
 * than no card, so the rule shows a page only when the title is the name, the page's description fits the
 * entity's kind, and no other candidate with that title fits about as well; otherwise the card lists the
 * candidates ("several people named X") or says nothing.
 *
 * Inputs are search/title hits (title + Wikidata description) and the article's own words around the
 * mentions; nothing here fetches. Tuned on the first part of tests/fixtures/wikipedia/gold.ts only.
 */
import { contentTerms, termsMatch } from '../text/content-words.ts';
import { foldName } from '../text/fold.ts';
import type { EntityKind } from '../types.ts';
import type { SearchCandidate, WikipediaSummary } from './api.ts';

export interface LookupSubject {
  name: string;
  kind: EntityKind;
  /** Content terms (lib/text/content-words.ts contentTerms) of the article's sentences that mention the name. */
  context: readonly string[];
}

export type Choice =
  | { outcome: 'match'; title: string }
  /** Title-matching pages the rule cannot tell apart (or a disambiguation page): list, don't pick. */
  | { outcome: 'several'; titles: string[] }
  | { outcome: 'none' };

type KindFit = 'fits' | 'contradicts' | 'unknown';
type TitleMatch = 'exact' | 'qualified' | 'surname' | 'no';

// Cues in Wikidata descriptions. English cues start a word ("politician", "politicians"); German cues
// end one, because German compounds put the deciding noun last ("Umweltschutzorganisation",
// "Fußballspieler", "Kreisstadt"), with an optional ending ("Politikerin").
const EN_CUES: Record<EntityKind, string> = {
  person:
    'born|politician|actor|actress|singer|musician|rapper|songwriter|writer|novelist|author\\b|journalist|footballer|basketball|tennis|player|athlete|president|prime minister|minister\\b|chancellor|supreme leader|leader of|businessm|businessw|entrepreneur|investor|scientist|physicist|chemist|economist|lawyer|judge|diplomat|activist|director|composer|conductor|painter|poet|philosopher|king\\b|queen\\b|prince\\b|emperor\\b|pope|cleric|coach|executive|comedian|presenter|dictator|monarch|general secretary|secretary of',
  place:
    'city|town|village|capital|country|sovereign state|state of|state in|u\\.s\\. state|province|region|county|district|municipality|borough|commune|river|lake\\b|mountain|island|peninsula|sea\\b|ocean|continent|metropolis',
  organization:
    'company|corporation|conglomerate|multinational|political party|party\\b|organi[sz]ation|agency|association|trade union|club\\b|team\\b|newspaper|magazine|broadcaster|bank\\b|university|ministry|department of|court\\b|parliament|alliance|foundation|institute|airline|manufacturer|retailer|armed forces|military|intelligence service|news agency',
};
const DE_CUES: Record<EntityKind, string> = {
  person:
    'politiker|schauspieler|sänger|musiker|komponist|schriftsteller|autor|journalist|spieler|sportler|präsident|minister|kanzler|staatsoberhaupt|machthaber|diktator|unternehmer|manager|wissenschaftler|physiker|ökonom|jurist|richter|diplomat|aktivist|regisseur|maler|dichter|philosoph|könig|kaiser|papst|trainer|moderator|generalsekretär|vorsitzender|führer',
  place:
    'stadt|gemeinde|staat|bundesland|landkreis|provinz|region|fluss|insel|gebirge|kontinent|kanton|bezirk|metropole|ortschaft',
  organization:
    'unternehmen|konzern|partei|organisation|behörde|verband|verein|gewerkschaft|zeitung|zeitschrift|rundfunk|sender|bank|universität|ministerium|gericht|parlament|bündnis|stiftung|institut|fluggesellschaft|hersteller|streitkräfte|armee|agentur|nachrichtendienst|kreditinstitut',
};
const GERMAN_ENDINGS = '(?:in|innen|en|e|n|s|er)?';
/** "(born 1963)", "(* 1954)", "(1917–1963)": a life's dates. */
const LIFESPAN = '\\(\\s*(?:born\\s|\\*\\s|\\d{3,4}\\s*[–-]\\s*\\d{3,4}\\s*\\))';

function cueRegex(kind: EntityKind): RegExp {
  const parts = [`\\b(?:${EN_CUES[kind]})`, `(?:${DE_CUES[kind]})${GERMAN_ENDINGS}(?!\\p{L})`];
  if (kind === 'person') parts.push(LIFESPAN);
  return new RegExp(parts.join('|'), 'iu');
}

const KIND_CUES: Record<EntityKind, RegExp> = {
  person: cueRegex('person'),
  place: cueRegex('place'),
  organization: cueRegex('organization'),
};

/** Pages that are about a name, not a bearer of it: a list is all they can give. */
const NAME_PAGE =
  /(disambiguation|begriffsklärung|wikimedia[- ]list|family name|surname|given name|familienname|vorname)/iu;

/** Legal forms a company's page title carries and an article usually drops ("Apple Inc." → "Apple"). */
const LEGAL_FORM = /\s+(?:inc\.?|corp\.?|corporation|ag|se|gmbh|plc|ltd\.?|llc|co\.)$/iu;

function titleMatch(name: string, candidate: SearchCandidate): TitleMatch {
  const wanted = foldName(name);
  const { title } = candidate;
  // A redirect the name itself matched is the page Wikipedia means by that name.
  if (foldName(title) === wanted || (candidate.matchedTitle && foldName(candidate.matchedTitle) === wanted))
    return 'exact';
  // "Paris (Texas)", "Paris, Texas", "Apple Inc.": the name plus a qualifier Wikipedia added.
  const base = title.replace(/\s*\([^)]*\)\s*$/u, '').split(/,\s/u)[0] ?? '';
  if (foldName(base) === wanted || foldName(base.replace(LEGAL_FORM, '')) === wanted) return 'qualified';
  // A one-word name that ends a person's page title ("Scholz" → "Olaf Scholz").
  if (!wanted.includes(' ') && foldName(base).endsWith(` ${wanted}`)) return 'surname';
  return 'no';
}

function kindFit(kind: EntityKind, description: string): KindFit {
  if (!description) return 'unknown';
  if (KIND_CUES[kind].test(description)) return 'fits';
  const others = (Object.keys(KIND_CUES) as EntityKind[]).filter((k) => k !== kind);
  return others.some((k) => KIND_CUES[k].test(description)) ? 'contradicts' : 'unknown';
}

export function isNamePage(candidate: Pick<SearchCandidate, 'title' | 'description'>): boolean {
  return NAME_PAGE.test(candidate.description) || NAME_PAGE.test(candidate.title);
}

function overlap(context: readonly string[], text: string): number {
  const terms = new Set(contentTerms(text));
  let shared = 0;
  for (const term of terms) if (context.some((c) => termsMatch(c, term))) shared++;
  return shared;
}

interface Scored {
  title: string;
  match: TitleMatch;
  fit: KindFit;
  shared: number;
  score: number;
}

/** How far ahead the best page must be of the next one with the same name. */
const MARGIN = 2;

export function chooseCandidate(subject: LookupSubject, candidates: readonly SearchCandidate[]): Choice {
  const named = candidates
    .map((candidate) => ({ candidate, match: titleMatch(subject.name, candidate) }))
    // Only a person is called by a surname alone ("Berlin" is no hint at Irving Berlin).
    .filter((entry) => entry.match !== 'no' && (entry.match !== 'surname' || subject.kind === 'person'));
  if (named.length === 0) return { outcome: 'none' };
  // The list leaves out pages of another kind ("Jordan" the country on a person's card) when others remain.
  const sameKind = named.filter(
    (entry) => kindFit(subject.kind, entry.candidate.description) !== 'contradicts',
  );
  const listed = (sameKind.length > 0 ? sameKind : named).map((entry) => entry.candidate.title).slice(0, 5);

  // The name's own words are in every candidate's title and around every mention: they prove nothing.
  const own = contentTerms(subject.name);
  const context = subject.context.filter((term) => !own.some((o) => termsMatch(o, term)));
  const scored: Scored[] = [];
  for (const { candidate, match } of named) {
    if (isNamePage(candidate)) continue;
    const fit = kindFit(subject.kind, candidate.description);
    if (fit === 'contradicts') continue;
    const shared = overlap(context, `${candidate.description} ${candidate.excerpt}`);
    const score =
      (match === 'exact' ? 2 : match === 'qualified' ? 1 : 0) +
      (fit === 'fits' ? 2 : 0) +
      Math.min(shared, 4);
    scored.push({ title: candidate.title, match, fit, shared, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best) return { outcome: 'several', titles: listed };

  const clearLead = !next || best.score - next.score >= MARGIN;
  const exactAndFits = best.match === 'exact' && best.fit === 'fits';
  // A qualified title ("Paris, Texas") or a surname match needs the article's own words to back it.
  const backedByContext = best.fit === 'fits' && best.shared >= (best.match === 'surname' ? 2 : 1);
  if (clearLead && (exactAndFits || backedByContext)) return { outcome: 'match', title: best.title };
  return { outcome: 'several', titles: listed };
}

/** The fetched page must still be a real article whose description does not contradict the kind. */
export function summaryConfirms(subject: LookupSubject, summary: WikipediaSummary): boolean {
  if (summary.type !== 'standard') return false;
  if (isNamePage(summary)) return false;
  return kindFit(subject.kind, summary.description) !== 'contradicts';
}
