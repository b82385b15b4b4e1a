/** The card's own strings, in English and German, chosen by the reader's language (navigator.language). */
import type { EntityKind, QuoteKind } from '../../lib/types.ts';

export interface CardStrings {
  kinds: Record<EntityKind, string>;
  mentions: (count: number) => string;
  nextMention: string;
  mentionOf: (current: number, total: number) => string;
  firstMention: string;
  quotes: string;
  /** Beside a quote whose attribution to this entity was too unsure to name it the speaker. */
  speakerUnclear: string;
  quoteKinds: Record<QuoteKind, string>;
  appearsWith: string;
  wikipedia: string;
  close: string;
  cardLabel: (name: string) => string;
  quoted: (text: string) => string;
  wikipediaSwitch: string;
  /** Under the switch while it is off: where the click leads, and what switching on sends. */
  wikipediaSwitchHint: string;
  wikipediaSeveral: (kind: EntityKind, name: string) => string;
  wikipediaRead: string;
  wikipediaTextLicence: string;
  wikipediaImage: (file: string) => string;
  inSaved: (count: number) => string;
  showInSaved: string;
}

const en: CardStrings = {
  kinds: { person: 'Person', place: 'Place', organization: 'Organisation' },
  mentions: (count) =>
    count === 1 ? 'Mentioned once in this article' : `Mentioned ${count} times in this article`,
  nextMention: 'Next mention',
  mentionOf: (current, total) => `${current} of ${total}`,
  firstMention: 'First mention',
  quotes: 'Quotes',
  speakerUnclear: 'speaker unclear',
  quoteKinds: { speech: 'statement', phrase: 'phrase' },
  appearsWith: 'Appears with',
  wikipedia: 'Look up on Wikipedia',
  close: 'Close',
  cardLabel: (name) => `About ${name}`,
  quoted: (text) => `“${text}”`,
  wikipediaSwitch: 'Show Wikipedia summaries in cards',
  wikipediaSwitchHint:
    'Opens Kontext’s settings to allow it. When on, a card sends only the name and the language to Wikipedia.',
  wikipediaSeveral: (kind, name) =>
    `Wikipedia: several ${kind === 'person' ? 'people' : kind === 'place' ? 'places' : 'organisations'} named ${name}`,
  wikipediaRead: 'Read on Wikipedia',
  wikipediaTextLicence: 'Text: Wikipedia, CC BY-SA 4.0',
  wikipediaImage: (file) => `Image: ${file} (licence on its file page)`,
  inSaved: (count) => (count === 1 ? 'In 1 of your saved articles' : `In ${count} of your saved articles`),
  showInSaved: 'Show in your saved list',
};

const de: CardStrings = {
  kinds: { person: 'Person', place: 'Ort', organization: 'Organisation' },
  mentions: (count) => (count === 1 ? 'Einmal im Artikel erwähnt' : `${count}-mal im Artikel erwähnt`),
  nextMention: 'Nächste Erwähnung',
  mentionOf: (current, total) => `${current} von ${total}`,
  firstMention: 'Erste Erwähnung',
  quotes: 'Zitate',
  speakerUnclear: 'Sprecher unklar',
  quoteKinds: { speech: 'Aussage', phrase: 'Wendung' },
  appearsWith: 'Kommt vor mit',
  wikipedia: 'In Wikipedia nachschlagen',
  close: 'Schließen',
  cardLabel: (name) => `Über ${name}`,
  quoted: (text) => `„${text}“`,
  wikipediaSwitch: 'Wikipedia-Zusammenfassungen in Karten zeigen',
  wikipediaSwitchHint:
    'Öffnet die Einstellungen von Kontext, um es zu erlauben. Eingeschaltet sendet eine Karte nur den Namen und die Sprache an Wikipedia.',
  wikipediaSeveral: (kind, name) =>
    `Wikipedia: mehrere ${kind === 'person' ? 'Personen' : kind === 'place' ? 'Orte' : 'Organisationen'} namens ${name}`,
  wikipediaRead: 'Auf Wikipedia lesen',
  wikipediaTextLicence: 'Text: Wikipedia, CC BY-SA 4.0',
  wikipediaImage: (file) => `Bild: ${file} (Lizenz auf der Dateiseite)`,
  inSaved: (count) =>
    count === 1 ? 'In 1 Ihrer gespeicherten Artikel' : `In ${count} Ihrer gespeicherten Artikel`,
  showInSaved: 'In den gespeicherten Artikeln zeigen',
};

const TABLE = { en, de } as const;

/** German for any 'de-*' language, English otherwise. */
export function cardStrings(language: string | undefined): CardStrings {
  return language?.toLowerCase().startsWith('de') ? TABLE.de : TABLE.en;
}
