/**
 * Strings of the saved-articles UI (list, reader, the popup's Saved tab) in English and German. The UI
 * follows the browser's language, like the popup (components/i18n.ts); saved articles keep their own.
 */
import { ImportError, type ImportErrorCode } from '../../lib/storage/errors.ts';
import { fillPlaceholders, type UiLanguage, uiLanguage } from '../i18n.ts';

const en = {
  listTitle: 'Saved articles',
  readerTitle: 'Kontext reader',
  search: 'Search saved articles',
  searchPlaceholder: 'Search titles, text and names…',
  filters: 'Filters',
  filterTag: 'Tag',
  filterSite: 'Site',
  filterLang: 'Language',
  filterEntity: 'Name',
  filterRead: 'Status',
  any: 'All',
  unread: 'Unread',
  read: 'Read',
  sort: 'Sort by',
  sortRelevance: 'Best match',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',
  sortTitle: 'Title',
  sortSite: 'Site',
  count: '{n} of {total} articles',
  empty: 'Nothing saved yet. Save an article from the Kontext popup, the context menu or Alt+Shift+S.',
  noMatches: 'No saved article matches.',
  loading: 'Loading your saved articles…',
  loadingNewest: 'Your newest {n} articles; loading the others…',
  indexing: 'Titles, names and tags only for now: the full text is still loading, more may match.',
  searching: 'Searching {read} of {total} articles… {n} found so far.',
  minutes: '{n} min',
  savedOn: 'Saved {date}',
  savedOnUnknown: 'Save date unknown',
  markRead: 'Mark read',
  markUnread: 'Mark unread',
  addTag: 'Add tag',
  addTagTo: 'Add a tag to “{title}”',
  tagPlaceholder: 'tag',
  removeTag: 'Remove tag {tag}',
  delete: 'Delete',
  deleteNamed: 'Delete “{title}”',
  deleted: 'Deleted “{title}”.',
  undo: 'Undo',
  export: 'Export',
  exportJson: 'JSON (full backup)',
  exportMarkdown: 'Markdown',
  exportBookmarks: 'Bookmarks (HTML)',
  import: 'Import JSON backup…',
  imported: 'Imported: {added} new, {merged} already saved (merged).',
  importFailed: 'Import failed: {reason}',
  importChecking: 'Checking {done} of {total} articles…',
  importSaving: 'Saving {done} of {total} articles…',
  importTooLarge: 'This file is too large to be a Kontext export. Nothing was imported.',
  importEmpty: 'This file is empty. Nothing was imported.',
  importNotJson: 'This is not a Kontext export: it is not a JSON file. Nothing was imported.',
  importDamagedJson: 'This file is damaged: it is not valid JSON. Nothing was imported.',
  importJsonArray:
    'This JSON file holds a list, not a Kontext export (which is one object with "format": "kontext-library"). Nothing was imported.',
  importJsonValue:
    'This JSON file holds a single value, not a Kontext export (which is one object with "format": "kontext-library"). Nothing was imported.',
  importTruncated:
    'This file is cut off (incomplete JSON): it may not have finished downloading. Nothing was imported.',
  importWrongFormat: 'This JSON file is not a Kontext export. Nothing was imported.',
  importVersionNotNumber:
    'The format version in this export is missing or not a number ({version}); this Kontext reads version {supported}. Nothing was imported.',
  importWrongVersion:
    'This export has an unknown format version ({version}); this Kontext reads version {supported}. Nothing was imported.',
  importNewerVersion:
    'This export was made by a newer Kontext (format version {version}); update Kontext to import it. Nothing was imported.',
  importInvalid: 'This export is damaged. Nothing was imported. Details: {detail}',
  exportLeftOut:
    '{n} saved articles were left out of this export: their address is not a web address (http or https).',
  storageFull:
    'Your browser has no room left to save this. Nothing already saved was lost; free some disk space or delete old articles and try again.',
  writeFailed: 'Saving failed and was rolled back. Nothing already saved was lost; please try again.',
  openFailed: 'Your saved articles could not be opened: {reason}',
  notFound: 'This article is not in your saved list (it may have been deleted).',
  missingId: 'No article was given to open.',
  backToList: 'All saved articles',
  original: 'Original article',
  fontSmaller: 'Smaller text',
  fontLarger: 'Larger text',
  fontSize: 'Text size',
  remoteImagesOff: 'Images from the web are not loaded: each would tell its site that you are reading this.',
  loadImages: 'Load images ({n})',
  alwaysLoadImages: 'Always load images from the web',
  videoLink: 'Video (opens on its site)',
  audioLink: 'Audio (opens on its site)',
  summary: 'Summary',
  names: 'Names in this article',
  by: 'By {name}',
  offlineCopy: 'Saved copy',
} as const;

export type SavedMessageKey = keyof typeof en;

const de: Record<SavedMessageKey, string> = {
  listTitle: 'Gespeicherte Artikel',
  readerTitle: 'Kontext-Leseansicht',
  search: 'Gespeicherte Artikel durchsuchen',
  searchPlaceholder: 'Titel, Text und Namen durchsuchen …',
  filters: 'Filter',
  filterTag: 'Schlagwort',
  filterSite: 'Website',
  filterLang: 'Sprache',
  filterEntity: 'Name',
  filterRead: 'Status',
  any: 'Alle',
  unread: 'Ungelesen',
  read: 'Gelesen',
  sort: 'Sortieren nach',
  sortRelevance: 'Beste Treffer',
  sortNewest: 'Neueste zuerst',
  sortOldest: 'Älteste zuerst',
  sortTitle: 'Titel',
  sortSite: 'Website',
  count: '{n} von {total} Artikeln',
  empty:
    'Noch nichts gespeichert. Speichern Sie einen Artikel über das Kontext-Fenster, das Kontextmenü oder Alt+Umschalt+S.',
  noMatches: 'Kein gespeicherter Artikel passt.',
  loading: 'Gespeicherte Artikel werden geladen …',
  loadingNewest: 'Ihre neuesten {n} Artikel; die übrigen werden geladen …',
  indexing: 'Vorerst nur Titel, Namen und Schlagwörter: Der Volltext wird noch geladen, es kann mehr passen.',
  searching: 'Durchsuche {read} von {total} Artikeln … bisher {n} gefunden.',
  minutes: '{n} Min.',
  savedOn: 'Gespeichert am {date}',
  savedOnUnknown: 'Speicherdatum unbekannt',
  markRead: 'Als gelesen markieren',
  markUnread: 'Als ungelesen markieren',
  addTag: 'Schlagwort hinzufügen',
  addTagTo: 'Schlagwort zu „{title}“ hinzufügen',
  tagPlaceholder: 'Schlagwort',
  removeTag: 'Schlagwort {tag} entfernen',
  delete: 'Löschen',
  deleteNamed: '„{title}“ löschen',
  deleted: '„{title}“ gelöscht.',
  undo: 'Rückgängig',
  export: 'Exportieren',
  exportJson: 'JSON (vollständige Sicherung)',
  exportMarkdown: 'Markdown',
  exportBookmarks: 'Lesezeichen (HTML)',
  import: 'JSON-Sicherung importieren …',
  imported: 'Importiert: {added} neu, {merged} bereits gespeichert (zusammengeführt).',
  importFailed: 'Import fehlgeschlagen: {reason}',
  importChecking: 'Prüfe {done} von {total} Artikeln …',
  importSaving: 'Speichere {done} von {total} Artikeln …',
  importTooLarge: 'Diese Datei ist zu groß für einen Kontext-Export. Es wurde nichts importiert.',
  importEmpty: 'Diese Datei ist leer. Es wurde nichts importiert.',
  importNotJson: 'Dies ist kein Kontext-Export: Es ist keine JSON-Datei. Es wurde nichts importiert.',
  importDamagedJson: 'Diese Datei ist beschädigt: Sie ist kein gültiges JSON. Es wurde nichts importiert.',
  importJsonArray:
    'Diese JSON-Datei enthält eine Liste, keinen Kontext-Export (der ist ein Objekt mit "format": "kontext-library"). Es wurde nichts importiert.',
  importJsonValue:
    'Diese JSON-Datei enthält einen einzelnen Wert, keinen Kontext-Export (der ist ein Objekt mit "format": "kontext-library"). Es wurde nichts importiert.',
  importTruncated:
    'Diese Datei ist abgeschnitten (unvollständiges JSON), vielleicht wurde sie nicht vollständig heruntergeladen. Es wurde nichts importiert.',
  importWrongFormat: 'Diese JSON-Datei ist kein Kontext-Export. Es wurde nichts importiert.',
  importVersionNotNumber:
    'Die Formatversion in diesem Export fehlt oder ist keine Zahl ({version}); dieses Kontext liest Version {supported}. Es wurde nichts importiert.',
  importWrongVersion:
    'Dieser Export hat eine unbekannte Formatversion ({version}); dieses Kontext liest Version {supported}. Es wurde nichts importiert.',
  importNewerVersion:
    'Dieser Export stammt von einem neueren Kontext (Formatversion {version}); aktualisieren Sie Kontext, um ihn zu importieren. Es wurde nichts importiert.',
  importInvalid: 'Dieser Export ist beschädigt. Es wurde nichts importiert. Details: {detail}',
  exportLeftOut:
    '{n} gespeicherte Artikel wurden nicht exportiert: Ihre Adresse ist keine Webadresse (http oder https).',
  storageFull:
    'Ihr Browser hat keinen Platz mehr zum Speichern. Bereits Gespeichertes bleibt erhalten; schaffen Sie Speicherplatz oder löschen Sie alte Artikel und versuchen Sie es erneut.',
  writeFailed:
    'Speichern ist fehlgeschlagen und wurde zurückgenommen. Bereits Gespeichertes bleibt erhalten; bitte versuchen Sie es erneut.',
  openFailed: 'Ihre gespeicherten Artikel konnten nicht geöffnet werden: {reason}',
  notFound: 'Dieser Artikel ist nicht in Ihrer Leseliste (vielleicht wurde er gelöscht).',
  missingId: 'Es wurde kein Artikel zum Öffnen angegeben.',
  backToList: 'Alle gespeicherten Artikel',
  original: 'Originalartikel',
  fontSmaller: 'Kleinere Schrift',
  fontLarger: 'Größere Schrift',
  fontSize: 'Schriftgröße',
  remoteImagesOff:
    'Bilder aus dem Web werden nicht geladen: Jedes würde seiner Website verraten, dass Sie dies lesen.',
  loadImages: 'Bilder laden ({n})',
  alwaysLoadImages: 'Bilder aus dem Web immer laden',
  videoLink: 'Video (öffnet sich auf seiner Website)',
  audioLink: 'Audio (öffnet sich auf seiner Website)',
  summary: 'Zusammenfassung',
  names: 'Namen in diesem Artikel',
  by: 'Von {name}',
  offlineCopy: 'Gespeicherte Kopie',
};

export const savedStrings: Record<UiLanguage, Record<SavedMessageKey, string>> = { en, de };

export type SavedTranslate = (key: SavedMessageKey, params?: Record<string, string | number>) => string;

export function createSavedTranslator(lang: UiLanguage = uiLanguage()): SavedTranslate {
  const table = savedStrings[lang];
  return (key, params) => fillPlaceholders(table[key], params);
}

/** Picks the language from navigator.language on each call (pages call it once at start). */
export const t: SavedTranslate = (key, params) => createSavedTranslator()(key, params);

/** The localised message of each import failure; the params come from ImportError.params. */
const IMPORT_MESSAGES: Record<ImportErrorCode, SavedMessageKey> = {
  'too-large': 'importTooLarge',
  empty: 'importEmpty',
  'not-json': 'importNotJson',
  'damaged-json': 'importDamagedJson',
  truncated: 'importTruncated',
  'json-array': 'importJsonArray',
  'json-value': 'importJsonValue',
  'wrong-format': 'importWrongFormat',
  'version-not-number': 'importVersionNotNumber',
  'wrong-version': 'importWrongVersion',
  'newer-version': 'importNewerVersion',
  invalid: 'importInvalid',
};

/** The reader-facing message for a library or import failure, in the UI language. */
export function describeFailure(error: unknown, tr: SavedTranslate = t): string {
  if (error instanceof ImportError) return tr(IMPORT_MESSAGES[error.code], error.params);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'quota') return tr('storageFull');
  if (code === 'write-failed') return tr('writeFailed');
  if (code === 'not-found') return tr('notFound');
  if (code === 'open-failed') return tr('openFailed', { reason: String((error as Error).message) });
  return error instanceof Error ? error.message : String(error);
}
