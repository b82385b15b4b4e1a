/**
 * UI strings in English and German. The UI follows the browser's language (German for any de-*,
 * English otherwise); article content keeps its own language.
 */
const en = {
  appName: 'Kontext',
  analysing: 'Analysing the page…',
  retry: 'Try again',
  failureRestricted:
    'Kontext can’t read this page. Browser pages, the PDF viewer and add-on stores are closed to extensions.',
  failureNoTab: 'This tab is no longer open.',
  failureFrame: 'Kontext could not reach this page.',
  failureTimeout: 'The page did not answer in time. Reload it and try again.',
  failureError: 'Something went wrong while analysing this page.',
  statusNotReaderable: 'This page doesn’t look like an article, so there is nothing to analyse.',
  statusNoArticle: 'Kontext found no article text on this page.',
  minutes: '{n} min read',
  readPrefix: 'Kontext read the first {n} words of this very long page.',
  summary: 'Summary',
  entities: 'Names',
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  noEntities: 'No names recognised.',
  quotes: 'Quotes',
  speech: 'Speech',
  phrase: 'Phrases',
  noQuotes: 'No direct quotes.',
  unknownSpeaker: 'unknown speaker',
  related: 'Related reading',
  noRelated: 'The page offers no related reading.',
  fromSaved: 'From your saved list',
  highlights: 'Highlights in the page',
  save: 'Save',
  saved: 'Saved — remove',
  saving: 'Saving…',
  saveFailed: 'Could not save: {reason}',
  tabArticle: 'Article',
  tabSaved: 'Saved',
  openList: 'Open the saved list',
  mentions: '{n}×',
  language: 'Language',
} as const;

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  appName: 'Kontext',
  analysing: 'Seite wird analysiert …',
  retry: 'Erneut versuchen',
  failureRestricted:
    'Kontext kann diese Seite nicht lesen. Browserseiten, der PDF-Betrachter und Add-on-Stores sind für Erweiterungen gesperrt.',
  failureNoTab: 'Dieser Tab ist nicht mehr geöffnet.',
  failureFrame: 'Kontext konnte diese Seite nicht erreichen.',
  failureTimeout:
    'Die Seite hat nicht rechtzeitig geantwortet. Laden Sie sie neu und versuchen Sie es noch einmal.',
  failureError: 'Beim Analysieren dieser Seite ist etwas schiefgegangen.',
  statusNotReaderable: 'Diese Seite sieht nicht wie ein Artikel aus; es gibt nichts zu analysieren.',
  statusNoArticle: 'Kontext hat auf dieser Seite keinen Artikeltext gefunden.',
  minutes: '{n} Min. Lesezeit',
  readPrefix: 'Kontext hat die ersten {n} Wörter dieser sehr langen Seite gelesen.',
  summary: 'Zusammenfassung',
  entities: 'Namen',
  person: 'Personen',
  place: 'Orte',
  organization: 'Organisationen',
  noEntities: 'Keine Namen erkannt.',
  quotes: 'Zitate',
  speech: 'Aussagen',
  phrase: 'Wendungen',
  noQuotes: 'Keine direkten Zitate.',
  unknownSpeaker: 'unbekannt',
  related: 'Weiterlesen',
  noRelated: 'Die Seite bietet keine weiterführenden Links.',
  fromSaved: 'Aus Ihrer Leseliste',
  highlights: 'Markierungen auf der Seite',
  save: 'Speichern',
  saved: 'Gespeichert – entfernen',
  saving: 'Wird gespeichert …',
  saveFailed: 'Speichern fehlgeschlagen: {reason}',
  tabArticle: 'Artikel',
  tabSaved: 'Gespeichert',
  openList: 'Leseliste öffnen',
  mentions: '{n}×',
  language: 'Sprache',
};

export type UiLanguage = 'en' | 'de';

export function uiLanguage(tag: string | undefined = globalThis.navigator?.language): UiLanguage {
  return tag?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fillPlaceholders(template: string, params?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}

export function createTranslator(lang: UiLanguage = uiLanguage()): Translate {
  const table = lang === 'de' ? de : en;
  return (key, params) => fillPlaceholders(table[key], params);
}

/** "Deutsch", "English", … in the UI's language; the code itself when the runtime doesn't know it. */
export function languageName(code: string, lang: UiLanguage = uiLanguage()): string {
  if (!code || code === 'und') return '—';
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
