/**
 * Named-entity recognition for Kontext: the statistical tagger (model.ts) over the article's sentences,
 * then the entity table (table.ts). Runs in Node and in the extension alike (no browser APIs).
 *
 * Languages without a model (anything but de and en): recognizeEntities returns [] — a capitalisation
 * guess would mark every German-style noun and mislead more than it helps.
 */
import type { ModelLoader } from '../analyze.ts';
import { captionCreditStart, isCreditLine } from '../text/credits.ts';
import { splitSentences } from '../text/sentences.ts';
import { type Token, tokenize } from '../text/tokens.ts';
import { type ArticleBlock, type Entity, type EntityKind, isContentBlock } from '../types.ts';
import { resolveAliases } from './aliases.ts';
import {
  CONFIDENCE_THRESHOLD,
  type ConfidenceFeatures,
  confidenceFeatures,
  confidenceOf,
  type TaggedMentionInfo,
} from './confidence.ts';
import { isPossessedNoun, TEMPLATES } from './features.ts';
import { isEnglishInstitutionWord, isInstitutionWord } from './institutions.ts';
import { isOrganisationHead, settleKinds } from './kinds.ts';
import { deserializeModel, type TaggerModel, tagSentenceWithMargins } from './model.ts';
import { dropNotNames } from './not-names.ts';
import { buildEntityTable, type RawMention } from './table.ts';
import { tagsToSpans } from './tag-spans.ts';

export interface NerModel {
  lang: string;
  tagger: TaggerModel;
}

/** Languages with a committed model (public/models/ner-<lang>.bin). */
export const NER_LANGUAGES: readonly string[] = ['de', 'en'];

const cache = new WeakMap<ModelLoader, Map<string, Promise<NerModel | null>>>();

/** 'de-DE' → 'de'. */
export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split(/[-_]/)[0] ?? '';
}

/** Loads the model for a language via the loader ('ner-de.bin', 'ner-en.bin'); null if none. Only that language is loaded. */
export function loadNerModel(lang: string, loadModel: ModelLoader): Promise<NerModel | null> {
  const primary = primaryLanguage(lang);
  if (!NER_LANGUAGES.includes(primary)) return Promise.resolve(null);
  let byLang = cache.get(loadModel);
  if (!byLang) {
    byLang = new Map();
    cache.set(loadModel, byLang);
  }
  let pending = byLang.get(primary);
  if (!pending) {
    pending = loadModel(`ner-${primary}.bin`).then((buffer) => {
      const tagger = buffer ? deserializeModel(buffer) : null;
      return tagger ? { lang: primary, tagger } : null;
    });
    // A failed load is not cached, so a later call may retry.
    pending.catch(() => byLang.delete(primary));
    byLang.set(primary, pending);
  }
  return pending;
}

const KINDS: Record<string, EntityKind> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/**
 * Where recognizeEntities' time goes, in milliseconds (the benchmarks print it): sentence splitting,
 * tokenising and tagging, and the entity table.
 */
export interface EntityTimings {
  split: number;
  tag: number;
  table: number;
}

interface SentenceOfBlock {
  text: string;
  /** Offset of the sentence in the article text. */
  start: number;
  heading: boolean;
  caption: boolean;
}

/** The entity table of an article, sorted by count descending then first mention. */
export function recognizeEntities(
  article: { text: string; blocks: ArticleBlock[]; lang: string },
  model: NerModel | null,
  timings?: EntityTimings,
  /** Sees each entity with its confidence features (scripts/fit-names.ts fits the weights on them). */
  observe?: (entity: Entity, features: ConfidenceFeatures) => void,
): Entity[] {
  if (!model) return [];
  const { text } = article;
  const lang = primaryLanguage(article.lang) || model.lang;
  let mark = performance.now();
  const lap = (stage: keyof EntityTimings) => {
    const now = performance.now();
    if (timings) timings[stage] += now - mark;
    mark = now;
  };

  const sentences: SentenceOfBlock[] = [];
  for (const block of article.blocks) {
    // Credits and page furniture are not the article: a photographer is not a person in the story.
    if (!isContentBlock(block.kind)) continue;
    // A credit line extraction did not mark (plain-text input, a byline Readability kept as a paragraph):
    // "Foto: Jens Büttner/dpa", "Reporting by Ellen Marsh" names no one in the story either.
    if (isCreditLine(block.text)) continue;
    const heading = block.kind === 'heading';
    const caption = block.kind === 'caption';
    // A caption's own credit ("… in Genf. Foto: Markus Lehmann/AFP") names the photographer, not the story.
    const creditStart = caption ? captionCreditStart(block.text) : -1;
    const blockText = creditStart >= 0 ? block.text.slice(0, creditStart) : block.text;
    for (const span of splitSentences(blockText, lang)) {
      sentences.push({ text: span.text, start: block.start + span.start, heading, caption });
    }
  }
  lap('split');

  const mentions: RawMention[] = [];
  const allTokens: Array<Token & { sentence: number }> = [];
  /** The tagger's own mentions by start and by end offset, for the confidence (confidence.ts). */
  const tagged = new Map<string, TaggedMentionInfo>();
  /** Starts of tokens where any word is capitalised: sentence openers, headings, ALL-CAPS lines. */
  const openers = new Set<number>();
  sentences.forEach((s, sentence) => {
    const tokens = tokenize(s.text, s.start);
    if (tokens.length === 0) return;
    const shouting = isAllCaps(s.text);
    const firstWord = tokens.find((t) => /\p{L}/u.test(t.text));
    for (const t of s.heading || shouting ? tokens : firstWord ? [firstWord] : []) openers.add(t.start);
    const words = new Array<string>(tokens.length);
    tokens.forEach((t, k) => {
      words[k] = t.text;
      // Spelt out: a spread ({ ...t, sentence }) here was the costliest line of a warm run in Node.
      allTokens.push({ text: t.text, start: t.start, end: t.end, sentence });
    });
    const { tags, margins, raw } = tagSentenceWithMargins(model.tagger, words, { heading: s.heading });
    for (const span of tagsToSpans(tags)) {
      for (const [from, to] of nameParts(tokens, span.start, span.end, span.type)) {
        const start = tokens[from]!.start;
        const end = tokens[to - 1]!.end;
        const surface = text.slice(start, end);
        if (!HAS_NAME_LETTER.test(surface)) continue;
        const next = tokens[to];
        const ownsNext =
          next !== undefined && isPossessedNoun(tokens[to - 1]!.text, next.text, model.tagger.resources);
        mentions.push({ start, end, text: surface, kind: KINDS[span.type]!, sentence, ownsNext });
        let margin = 0;
        for (let k = from; k < to; k++) margin += margins[k]!;
        const info = { margin: margin / (to - from), kind: KINDS[span.type]! };
        tagged.set(`s${start}`, info);
        tagged.set(`e${end}`, info);
      }
    }
    if (lang === 'en') {
      mentions.push(...organisationsInMisc(tokens, raw, text, sentence));
      mentions.push(...companiesByRole(tokens, mentions, text, sentence, model.tagger.resources.caseProfile));
    }
  });
  if (lang === 'de') mentions.push(...institutionMentions(allTokens, mentions, isInstitutionWord));
  if (lang === 'en') mentions.push(...institutionMentions(allTokens, mentions, isEnglishInstitutionWord));
  lap('tag');

  const { gazetteer, wordSets, firstNames } = model.tagger.resources;
  const isEntityWord = knownEntityWords(model.tagger);
  const isGivenName = (word: string) => wordSets.givenNames?.has(word) === true || firstNames.has(word);
  const gazetteerKind = (name: string): EntityKind | undefined => {
    const kind = gazetteer.kindOf(name);
    return kind ? KINDS[kind] : undefined;
  };
  const table = buildEntityTable({
    text,
    lang,
    mentions,
    sentences: sentences.map((s) => s.text),
    captionSentences: new Set(sentences.flatMap((s, i) => (s.caption ? [i] : []))),
    tokens: allTokens,
    isKnownName: (word) => gazetteer.kindOf(word) !== undefined || isEntityWord(word),
    isCommonNoun: (word) => model.tagger.resources.wordSets.nouns?.has(word) === true,
    isGivenName: (word) =>
      model.tagger.resources.wordSets.givenNames?.has(word) === true ||
      model.tagger.resources.firstNames.has(word),
    gazetteerKind,
  });
  const kept = dropNotNames(resolveAliases(table, { text, lang, isGivenName }), { text, gazetteerKind });
  const entities = lang === 'en' ? settleKinds(kept, { text, gazetteerKind, isGivenName }) : kept;
  for (const e of entities) {
    const features = confidenceFeatures(
      e,
      {
        get: (key: string) => {
          const [start, end] = key.split(':');
          return tagged.get(`s${start}`) ?? tagged.get(`e${end}`);
        },
      },
      (start) => openers.has(start),
      gazetteerKind(e.name) !== undefined || (e.kind === 'person' && isGivenName(e.name.split(' ')[0]!)),
    );
    e.confidence = confidenceOf(features);
    // An event or law (not-names.ts) is possible whatever its score.
    e.possible = e.possible === true || e.confidence < CONFIDENCE_THRESHOLD;
    observe?.(e, features);
  }
  entities.sort((a, b) => b.count - a.count || a.mentions[0]!.start - b.mentions[0]!.start);
  lap('table');
  return entities;
}

/**
 * English organisations the tagger filed under MISC because a demonym or an adjective opens them
 * ("British Antarctic Survey", "Canadian Armed Forces", "Premier League"): a MISC span of two or more
 * capitalised words ending in an organisation head noun (kinds.ts) is an organisation mention.
 */
export function organisationsInMisc(
  tokens: readonly Token[],
  raw: readonly string[],
  text: string,
  sentence: number,
): RawMention[] {
  return tagsToSpans(raw)
    .filter(
      (span) =>
        span.type === 'MISC' &&
        span.end - span.start > 1 &&
        tokens.slice(span.start, span.end).every((t) => /^\p{Lu}/u.test(t.text)) &&
        isOrganisationHead(tokens[span.end - 1]!.text),
    )
    .map((span) => {
      const start = tokens[span.start]!.start;
      const end = tokens[span.end - 1]!.end;
      return { start, end, text: text.slice(start, end), kind: 'organization', sentence };
    });
}

/**
 * What only a company has or does right after a word ("Lucasfilm president Karen Doyle", "Tesla shares
 * fell", "Unilever has agreed to sell", "Ticketmaster said it would"): a company's role or its shares.
 */
const COMPANY_ROLE_AFTER =
  /^(?:['’]s)? (?:chief executive|chief financial officer|chief operating officer|president|boss|founder|co-founder|chairman|chairwoman|spokesperson|spokesman|spokeswoman|shares|stock|share price|(?:is|was|has been) recalling|has agreed to (?:buy|sell|acquire|pay)|said it would|employs)\b/u;

/** A company's trade right before a word ("the streaming service Netflix", "rival chipmaker Arm"). */
const COMPANY_NOUN_BEFORE =
  /\b(?:company|firm|conglomerate|retailer|carmaker|automaker|chipmaker|planemaker|streamer|streaming service|start-?up|airline|lender|insurer|broadcaster|publisher|record label)\s$/u;

/**
 * English companies the tagger left untagged ("Tesla", "Unilever", "Lucasfilm": brands CoNLL never saw):
 * a lone capitalised word outside every mention, that the training text never wrote in lower case (its
 * case profile is unseen or always capitalised, so "Company president …" opening a sentence is not one),
 * followed by a company's role or its shares (COMPANY_ROLE_AFTER) or after its trade (COMPANY_NOUN_BEFORE),
 * is an organisation mention.
 */
export function companiesByRole(
  tokens: readonly Token[],
  mentions: readonly RawMention[],
  text: string,
  sentence: number,
  caseProfile: { get(word: string): number | undefined },
): RawMention[] {
  const found: RawMention[] = [];
  tokens.forEach((t, k) => {
    if (!/^\p{Lu}\p{Ll}[\p{L}]+$/u.test(t.text)) return;
    const profile = caseProfile.get(t.text.toLowerCase()) ?? 0;
    if (profile === 1 || profile === 2) return;
    if (k > 0 && /^\p{Lu}/u.test(tokens[k - 1]!.text) && tokens[k - 1]!.end + 1 >= t.start) return;
    const before = text.slice(Math.max(0, t.start - 20), t.start);
    if (!COMPANY_ROLE_AFTER.test(text.slice(t.end, t.end + 40)) && !COMPANY_NOUN_BEFORE.test(before)) return;
    if (mentions.some((m) => m.start < t.end && m.end > t.start)) return;
    found.push({ start: t.start, end: t.end, text: t.text, kind: 'organization', sentence });
  });
  return found;
}

/** Institutions the tagger left out („Bundesverfassungsgericht", "the Commons"), as organisation mentions. */
function institutionMentions(
  tokens: ReadonlyArray<Token & { sentence: number }>,
  mentions: readonly RawMention[],
  isInstitution: (word: string) => boolean,
): RawMention[] {
  return tokens
    .filter((t) => isInstitution(t.text) && !mentions.some((m) => t.start < m.end && t.end > m.start))
    .map((t) => ({ start: t.start, end: t.end, text: t.text, kind: 'organization', sentence: t.sentence }));
}

/** A line in capitals ("BREAKING: FAA GROUNDS JETS"): at least two words and no lower-case letter. */
function isAllCaps(sentence: string): boolean {
  return !/\p{Ll}/u.test(sentence) && (sentence.match(/\p{Lu}{2,}/gu)?.length ?? 0) >= 2;
}

/** A name has an upper-case letter or a letter of a caseless script. */
const HAS_NAME_LETTER = /\p{Lu}|\p{Lo}/u;

/**
 * The token ranges of a tagged span that are names: persons and places are cut at punctuation
 * ("Kim Jong Un & Putin" → two names); organisations keep "&" ("Procter & Gamble"). Role nouns and
 * possessed nouns are already cut by the span rules (span-rules.ts).
 */
function nameParts(
  tokens: readonly Token[],
  start: number,
  end: number,
  type: string,
): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let from = start;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!.text;
    const cut = !/[\p{L}\p{N}]/u.test(t) && !(type === 'ORG' && (t === '&' || t === '.'));
    if (!cut) continue;
    if (k > from) parts.push([from, k]);
    from = k + 1;
  }
  if (end > from) parts.push([from, end]);
  return parts;
}

/**
 * Whether the model learnt a word as (part of) a name: its word feature favours an entity tag over O.
 * Which tags are entity tags is worked out once per article, not per word the table asks about.
 */
function knownEntityWords(tagger: TaggerModel): (word: string) => boolean {
  const wordTemplate = TEMPLATES.indexOf('w');
  const o = tagger.tags.indexOf('O');
  const entityTags = tagger.tags.flatMap((tag, t) => (/^[BI]-(PER|LOC|ORG)$/.test(tag) ? [t] : []));
  return (word) => {
    const weights = tagger.weights.weightsOf(wordTemplate, word);
    if (!weights) return false;
    let best = 0;
    for (const t of entityTags) best = Math.max(best, weights[t]!);
    return best > (o < 0 ? 0 : weights[o]!);
  };
}
