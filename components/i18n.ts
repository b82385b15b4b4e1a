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
  failureTimeout: 'The page did not answer in time. Reload it and try again.',
  failureError: 'Something went wrong while analysing this page.',
  statusTooLarge: 'This page is too large for Kontext to analyse.',
  statusNoArticle: 'Kontext found no article text on this page.',
  minutes: '{n} min read',
  readPrefix: 'Kontext read the first {n} words of this very long page.',
  paintCapped: 'Only the first {n} of {total} mentions are marked on the page.',
  summary: 'Summary',
  entities: 'Names',
  person: 'People',
  place: 'Places',
  organization: 'Organisations',
  possibleNames: 'Possible names',
  quotes: 'Quotes',
  speech: 'Speech',
  phrase: 'Phrases',
  unknownSpeaker: 'unknown speaker',
  speakerUnclear: 'speaker unclear',
  related: 'Related reading',
  fromSaved: 'From your saved list',
  highlights: 'Highlights in the page',
  highlightAll: 'All',
  save: 'Save',
  saved: 'Saved — remove',
  saving: 'Saving…',
  saveFailed: 'Could not save: {reason}',
  tabArticle: 'Article',
  tabSaved: 'Saved',
  openList: 'Open the saved list',
  mentions: '{n}×',
  language: 'Language',
  languageNotice: 'Names and speakers are available for {languages}; this page is in {language}.',
  languageNoticeUnknown:
    'Names and speakers are available for {languages}; Kontext could not tell which language this page is in.',
  quotesNotice: 'Quotes are listed only where their quotation marks are unambiguous, without speakers.',
} as const;

export type MessageKey = keyof typeof en;

const de: Record<MessageKey, string> = {
  appName: 'Kontext',
  analysing: 'Seite wird analysiert …',
  retry: 'Erneut versuchen',
  failureRestricted:
    'Kontext kann diese Seite nicht lesen. Browserseiten, der PDF-Betrachter und Add-on-Stores sind für Erweiterungen gesperrt.',
  failureNoTab: 'Dieser Tab ist nicht mehr geöffnet.',
  failureTimeout:
    'Die Seite hat nicht rechtzeitig geantwortet. Laden Sie sie neu und versuchen Sie es noch einmal.',
  failureError: 'Beim Analysieren dieser Seite ist etwas schiefgegangen.',
  statusTooLarge: 'Diese Seite ist zu groß, als dass Kontext sie analysieren könnte.',
  statusNoArticle: 'Kontext hat auf dieser Seite keinen Artikeltext gefunden.',
  minutes: '{n} Min. Lesezeit',
  readPrefix: 'Kontext hat die ersten {n} Wörter dieser sehr langen Seite gelesen.',
  paintCapped: 'Auf der Seite sind nur die ersten {n} von {total} Erwähnungen markiert.',
  summary: 'Zusammenfassung',
  entities: 'Namen',
  person: 'Personen',
  place: 'Orte',
  organization: 'Organisationen',
  possibleNames: 'Mögliche Namen',
  quotes: 'Zitate',
  speech: 'Aussagen',
  phrase: 'Wendungen',
  unknownSpeaker: 'unbekannt',
  speakerUnclear: 'Sprecher unklar',
  related: 'Weiterlesen',
  fromSaved: 'Aus Ihrer Leseliste',
  highlights: 'Markierungen auf der Seite',
  highlightAll: 'Alle',
  save: 'Speichern',
  saved: 'Gespeichert – entfernen',
  saving: 'Wird gespeichert …',
  saveFailed: 'Speichern fehlgeschlagen: {reason}',
  tabArticle: 'Artikel',
  tabSaved: 'Gespeichert',
  openList: 'Leseliste öffnen',
  mentions: '{n}×',
  language: 'Sprache',
  languageNotice: 'Namen und Sprecher erkennt Kontext auf {languages}; diese Seite ist auf {language}.',
  languageNoticeUnknown:
    'Namen und Sprecher erkennt Kontext auf {languages}; die Sprache dieser Seite ließ sich nicht bestimmen.',
  quotesNotice: 'Zitate stehen hier nur, wo die Anführungszeichen eindeutig sind, und ohne Sprecher.',
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
