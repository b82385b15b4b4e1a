/**
 * The saved-articles list: full-text search, filters (tag, site, language, name, read state), sort,
 * mark read, tags, delete with undo. Used by the list page and, compact, by the popup's Saved tab.
 * Searches answer at once: until the full-text index has loaded, from titles, names and tags (with a
 * note saying so), then again from the full text.
 * Page-derived strings are rendered as text only (Preact escapes them); no saved HTML appears here.
 * State lives in two hooks (useSavedSearch, useSavedActions); the parts are SavedControls, SavedStatus
 * and SavedItem.
 */
import { useMemo } from 'preact/hooks';
import type { Library } from '../../lib/storage/library.ts';
import { isUnknownSavedAt } from '../../lib/storage/repair.ts';
import type { SearchFilters } from '../../lib/storage/types.ts';
import { type UiLanguage, uiLanguage } from '../i18n.ts';
import { createSavedTranslator, type SavedTranslate } from './i18n.ts';
import { SavedControls } from './SavedControls.tsx';
import { SavedItem } from './SavedItem.tsx';
import { SavedStatus } from './SavedStatus.tsx';
import { useSavedActions } from './useSavedActions.ts';
import { PAGE, useSavedSearch } from './useSavedSearch.ts';

export interface SavedListProps {
  library: Library;
  /** Address of the reader page for an article. */
  readerHref: (id: string) => string;
  /** Opens an article instead of following the link (the popup opens a tab). */
  onOpen?: (id: string) => void;
  /** The popup's Saved tab: fewer controls, smaller headings. */
  compact?: boolean;
  lang?: UiLanguage;
  t?: SavedTranslate;
  /** Filters to open with (the list page's `?entity=NAME`). */
  initialFilters?: SearchFilters;
}

export function SavedList({
  library,
  readerHref,
  onOpen,
  compact = false,
  lang = uiLanguage(),
  t: given,
  initialFilters,
}: SavedListProps) {
  const t = useMemo(() => given ?? createSavedTranslator(lang), [given, lang]);
  const search = useSavedSearch(library, t, initialFilters);
  const actions = useSavedActions(library, t, search.changed, search.setNotice);
  const { results, preview, total, shown } = search;

  const dateFormat = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }), [lang]);
  /** "Saved 2 Jan 2025", or "Save date unknown" for a record whose date could not be read. */
  const savedOnText = (savedAt: string) => {
    const date = new Date(savedAt);
    return isUnknownSavedAt(savedAt) || Number.isNaN(date.getTime())
      ? t('savedOnUnknown')
      : t('savedOn', { date: dateFormat.format(date) });
  };
  const TitleTag = compact ? 'h3' : 'h2';
  const cards = results ?? preview ?? [];

  return (
    <div class={compact ? 'saved saved-compact' : 'saved'}>
      <SavedControls search={search} t={t} lang={lang} compact={compact} />
      <SavedStatus
        results={results}
        preview={preview}
        partial={search.partial}
        reading={search.reading}
        total={total}
        undo={actions.undo}
        onUndo={actions.restore}
        notice={search.notice}
        t={t}
      />
      {results !== null && results.length === 0 && !search.reading && (
        <p class="saved-empty">{total === 0 ? t('empty') : t('noMatches')}</p>
      )}
      {cards.length > 0 && (
        <ul class="saved-items">
          {cards.slice(0, shown).map((card) => (
            <SavedItem
              key={card.id}
              card={card}
              t={t}
              lang={lang}
              compact={compact}
              TitleTag={TitleTag}
              href={readerHref(card.id)}
              onOpen={onOpen}
              savedOn={savedOnText(card.savedAt)}
              onToggleRead={() => actions.toggleRead(card)}
              onTags={(tags) => actions.setTags(card, tags)}
              onDelete={() => actions.remove(card)}
              onEntity={(name) => search.setFilter('entity', name)}
            />
          ))}
        </ul>
      )}
      {results !== null && results.length > shown && (
        <button type="button" class="more" onClick={search.showMore}>
          {t('count', { n: Math.min(results.length, shown + PAGE), total: results.length })} ↓
        </button>
      )}
    </div>
  );
}
