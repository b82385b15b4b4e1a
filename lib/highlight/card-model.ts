/**
 * What a hover card says about one entity, computed from the analysis alone (plain data, no DOM), so the
 * card component only renders it. Co-occurrence is counted per sentence and computed once per analysis,
 * lazily, on the first card: it is not part of the time to first paint.
 */
import { splitSentences } from '../text/sentences.ts';
import type { Analysis, Entity, EntityKind, QuoteKind } from '../types.ts';

export interface CardQuote {
  text: string;
  kind: QuoteKind;
  /** The attribution to this entity was too unsure: the card says "speaker unclear" beside it. */
  speakerUnclear?: boolean;
}

export interface CardRelatedEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /** Sentences shared with the card's entity. */
  together: number;
}

export interface EntityCardModel {
  entityId: string;
  name: string;
  kind: EntityKind;
  /** Mentions of the entity in this article. */
  count: number;
  /** 1-based number of the mention the card is anchored to, or 0 when not anchored to one. */
  mentionNumber: number;
  firstSentence: string;
  quotes: CardQuote[];
  related: CardRelatedEntity[];
  /** A Wikipedia search URL in the article's language. Only a link: nothing is requested. */
  wikipediaUrl: string;
  /** The article's language (ISO 639-1, 'und' when unknown). */
  lang: string;
  /**
   * The article's words around the first mentions: what tells one Paris from another when the reader
   * has switched on Wikipedia summaries. Used on the machine only; never sent anywhere.
   */
  context: string;
}

/** Wikipedia language edition for an ISO 639-1 code; 'und' and malformed codes fall back to English. */
export function wikipediaUrl(name: string, lang: string): string {
  const edition = /^[a-z]{2,3}$/.test(lang) && lang !== 'und' ? lang : 'en';
  return `https://${edition}.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}

/** Entity id → ids of the sentences (by index) it is mentioned in. */
export type CoOccurrence = Map<string, Set<number>>;

export function buildCoOccurrence(analysis: Pick<Analysis, 'text' | 'lang' | 'entities'>): CoOccurrence {
  const sentences = splitSentences(analysis.text, analysis.lang);
  const starts = sentences.map((s) => s.start);
  const sentenceAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const index: CoOccurrence = new Map();
  for (const entity of analysis.entities) {
    const set = new Set<number>();
    for (const mention of entity.mentions) {
      const at = sentenceAt(mention.start);
      if (at >= 0) set.add(at);
    }
    index.set(entity.id, set);
  }
  return index;
}

const MAX_RELATED = 6;
const MAX_QUOTES = 4;
const CONTEXT_MENTIONS = 3;
const CONTEXT_REACH = 160;

/** Text around the entity's first mentions, each window cut at word boundaries. */
export function mentionContext(text: string, entity: Pick<Entity, 'mentions'>): string {
  const windows: string[] = [];
  for (const mention of entity.mentions.slice(0, CONTEXT_MENTIONS)) {
    const from = Math.max(0, mention.start - CONTEXT_REACH);
    const to = Math.min(text.length, mention.end + CONTEXT_REACH);
    let window = text.slice(from, to);
    // A window cut mid-word drops the cut word.
    if (from > 0) window = window.replace(/^\S*\s/, '');
    if (to < text.length) window = window.replace(/\s\S*$/, '');
    windows.push(window);
  }
  return windows.join(' … ');
}

export function buildEntityCard(
  analysis: Pick<Analysis, 'entities' | 'quotes' | 'lang' | 'text'>,
  entity: Entity,
  coOccurrence: CoOccurrence,
  mentionIndex: number,
): EntityCardModel {
  const mine = coOccurrence.get(entity.id) ?? new Set<number>();
  const related: CardRelatedEntity[] = [];
  for (const other of analysis.entities) {
    if (other.id === entity.id) continue;
    let together = 0;
    for (const sentence of coOccurrence.get(other.id) ?? []) if (mine.has(sentence)) together++;
    if (together > 0) related.push({ id: other.id, name: other.name, kind: other.kind, together });
  }
  related.sort((a, b) => b.together - a.together || a.name.localeCompare(b.name));

  const quotes = analysis.quotes
    .filter((q) => q.speakerEntityId === entity.id || q.speakerCandidateId === entity.id)
    // Sure quotes first, then speech before phrases, then in reading order.
    .sort(
      (a, b) =>
        Number(a.speakerUnclear === true) - Number(b.speakerUnclear === true) ||
        (a.kind === b.kind ? a.start - b.start : a.kind === 'speech' ? -1 : 1),
    )
    .slice(0, MAX_QUOTES)
    .map((q) =>
      q.speakerUnclear
        ? { text: q.text, kind: q.kind, speakerUnclear: true }
        : { text: q.text, kind: q.kind },
    );

  return {
    entityId: entity.id,
    name: entity.name,
    kind: entity.kind,
    count: entity.count || entity.mentions.length,
    mentionNumber: mentionIndex >= 0 ? mentionIndex + 1 : 0,
    firstSentence: entity.firstSentence,
    quotes,
    related: related.slice(0, MAX_RELATED),
    wikipediaUrl: wikipediaUrl(entity.name, analysis.lang),
    lang: analysis.lang,
    context: mentionContext(analysis.text, entity),
  };
}
