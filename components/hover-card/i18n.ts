/** The card's own strings, in English and German, chosen by the reader's language (navigator.language). */
import type { EntityKind, QuoteKind } from '../../lib/types.ts';

export interface CardStrings {
  kinds: Record<EntityKind, string>;
  mentions: (count: number) => string;
  nextMention: string;
  mentionOf: (current: number, total: number) => string;
  firstMention: string;
  quotes: string;
  quoteKinds: Record<QuoteKind, string>;
  appearsWith: string;
  wikipedia: string;
  close: string;
  cardLabel: (name: string) => string;
  quoted: (text: string) => string;
}

const en: CardStrings = {
  kinds: { person: 'Person', place: 'Place', organization: 'Organisation' },
  mentions: (count) =>
    count === 1 ? 'Mentioned once in this article' : `Mentioned ${count} times in this article`,
  nextMention: 'Next mention',
  mentionOf: (current, total) => `${current} of ${total}`,
  firstMention: 'First mention',
  quotes: 'Quotes',
  quoteKinds: { speech: 'statement', phrase: 'phrase' },
  appearsWith: 'Appears with',
  wikipedia: 'Look up on Wikipedia',
  close: 'Close',
  cardLabel: (name) => `About ${name}`,
  quoted: (text) => `“${text}”`,
};

const de: CardStrings = {
  kinds: { person: 'Person', place: 'Ort', organization: 'Organisation' },
  mentions: (count) => (count === 1 ? 'Einmal im Artikel erwähnt' : `${count}-mal im Artikel erwähnt`),
  nextMention: 'Nächste Erwähnung',
  mentionOf: (current, total) => `${current} von ${total}`,
  firstMention: 'Erste Erwähnung',
  quotes: 'Zitate',
  quoteKinds: { speech: 'Aussage', phrase: 'Wendung' },
  appearsWith: 'Kommt vor mit',
  wikipedia: 'In Wikipedia nachschlagen',
  close: 'Schließen',
  cardLabel: (name) => `Über ${name}`,
  quoted: (text) => `„${text}“`,
};

const TABLE = { en, de } as const;

/** German for any 'de-*' language, English otherwise. */
export function cardStrings(language: string | undefined): CardStrings {
  return language?.toLowerCase().startsWith('de') ? TABLE.de : TABLE.en;
}
