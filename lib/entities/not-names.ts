/**
 * Entries that are not names of a person, place or organisation, removed from the entity table after
 * the table is built (issue 14). Each rule reads only the article text around the mentions:
 * - works (films, series, books): a name of two or more words followed by a work noun ("a new Star
 *   Wars film"), or written inside quotation marks („Tatort“);
 * - events and laws: a name whose last word is an event or law head ("Sundance Film Festival", "Online
 *   Safety Act", "Berlin Marathon"); when the rest is a place ("Berlin"), the mentions stay as that place;
 * - products and missions: a non-person name ending in a Roman numeral ("Artemis III");
 * - English common words: a one-word "person" every mention of which follows an article or "new"
 *   ("a new Bill" is legislation, not a man called Bill).
 * Sentence-initial, heading and ALL-CAPS words are not removed here: they lower an entry's confidence
 * (confidence.ts), so a real name that only ever opens sentences is still listed.
 */
import type { Entity, EntityKind } from '../types.ts';

const WORK_NOUNS =
  /^\s(?:film|films|movie|movies|series|show|franchise|trilogy|album|novel|sequel|prequel|episode|season|documentary|Film|Films|Serie|Sendung|Folge|Roman|Album|Reihe|Staffel)\b/u;
const OPENING_QUOTE = /[„“"»«‚‘']\s?$/u;
const CLOSING_QUOTE = /^\s?[“”"«»‘’']/u;

const EVENT_OR_LAW_HEADS = new Set([
  'act',
  'bill',
  'festival',
  'marathon',
  'championship',
  'championships',
  'cup',
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

const ROMAN_END = / (?:II|III|IV|V|VI|VII|VIII|IX|X)$/;
const ARTICLE_BEFORE = /(?:^|\s)(?:a|an|the|this|that|new)\s$/i;

export interface NotNamesContext {
  text: string;
  /** The gazetteer's kind of a name, when it lists it. */
  gazetteerKind?: (name: string) => EntityKind | undefined;
}

function isWork(e: Entity, text: string): boolean {
  return e.mentions.some((m) => {
    const after = text.slice(m.end, m.end + 16);
    if (e.name.includes(' ') && WORK_NOUNS.test(after)) return true;
    return OPENING_QUOTE.test(text.slice(Math.max(0, m.start - 2), m.start)) && CLOSING_QUOTE.test(after);
  });
}

/** For an event or law, the place it is named after ("Berlin" of "Berlin Marathon"), or null. */
function eventPlace(e: Entity, context: NotNamesContext): string | null {
  const words = e.name.split(' ');
  if (words.length < 2) return null;
  const rest = words.slice(0, -1).join(' ');
  return context.gazetteerKind?.(rest) === 'place' ? rest : null;
}

function isEventOrLaw(e: Entity): boolean {
  const words = e.name.split(' ');
  return words.length > 1 && EVENT_OR_LAW_HEADS.has(words[words.length - 1]!.toLowerCase());
}

function isCommonWordPerson(e: Entity, text: string): boolean {
  if (e.kind !== 'person' || e.name.includes(' ')) return false;
  return e.mentions.every((m) => ARTICLE_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)));
}

/** The table without the entries above; an event named after a place leaves that place. */
export function dropNotNames(entities: Entity[], context: NotNamesContext): Entity[] {
  const { text } = context;
  const out: Entity[] = [];
  for (const e of entities) {
    if (isWork(e, text) || isCommonWordPerson(e, text)) continue;
    if (e.kind !== 'person' && ROMAN_END.test(e.name)) continue;
    if (isEventOrLaw(e)) {
      const place = eventPlace(e, context);
      if (!place) continue;
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
