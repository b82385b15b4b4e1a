/**
 * The saved-articles list: full-text search, filters (tag, site, language, name, read state), sort,
 * mark read, tags, delete with undo. Used by the list page and, compact, by the popup's Saved tab.
 * Searches answer at once: until the full-text index has loaded, from titles, names and tags (with a
 * note saying so), then again from the full text.
 * Page-derived strings are rendered as text only (Preact escapes them); no saved HTML appears here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Library, onLibraryChange } from '../../lib/storage/library.ts';
import { isUnknownSavedAt } from '../../lib/storage/repair.ts';
import type {
  FacetCounts,
  SavedArticle,
  SavedCard,
  SearchFilters,
  SortOrder,
} from '../../lib/storage/types.ts';
import { siteNameOf } from '../../lib/url.ts';
import { languageName, type UiLanguage, uiLanguage } from '../i18n.ts';
import { createSavedTranslator, describeFailure, type SavedTranslate } from './i18n.ts';

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

/** Enough to fill any screen; the rest on demand, so 2,000 articles never render at once. */
const PAGE = 100;
const UNDO_MS = 15_000;
const NO_FACETS: FacetCounts = { tags: [], sites: [], langs: [], entities: [] };

type Notice = { kind: 'error'; text: string } | null;

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
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(initialFilters ?? {});
  const [sort, setSort] = useState<SortOrder | 'auto'>('auto');
  const [results, setResults] = useState<SavedCard[] | null>(null);
  /** The newest cards, shown while the whole list loads (a large library takes seconds to read). */
  const [preview, setPreview] = useState<SavedCard[] | null>(null);
  /** The results came from the cards alone: the full-text index is still loading. */
  const [partial, setPartial] = useState(false);
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<FacetCounts>(NO_FACETS);
  const [shown, setShown] = useState(PAGE);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
  const [undo, setUndo] = useState<SavedArticle | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  const sequence = useRef(0);

  const changed = useCallback(() => setVersion((v) => v + 1), []);

  // Other contexts (popup, background, another list tab) write too: reload when they announce it.
  useEffect(
    () =>
      onLibraryChange(() => {
        library.refresh();
        changed();
      }),
    [library, changed],
  );

  useEffect(() => {
    const mine = ++sequence.current;
    const request = { query, filters, sort: sort === 'auto' ? undefined : sort };
    const ask = (): Promise<void> =>
      library.searchNow(request).then((answer) => {
        if (mine !== sequence.current) return;
        setResults(answer.cards);
        setPartial(answer.partial);
        // Once the full-text index is loaded, the same query may find more: ask again.
        if (answer.partial) return library.indexReady().then(ask);
      });
    ask().catch((error: unknown) => {
      if (mine !== sequence.current) return;
      setNotice({ kind: 'error', text: describeFailure(error, t) });
      // Never "Loading…" forever: the error says what happened, the list shows what it had (or nothing).
      setResults((shown) => shown ?? []);
    });
  }, [library, query, filters, sort, version, t]);

  useEffect(() => {
    library
      .newestCards(PAGE)
      .then(setPreview)
      .catch(() => {
        // Only a head start: the full list's own read reports any failure.
      });
  }, [library]);

  // The total and the filter menus change only when the library does, not with each keystroke.
  useEffect(() => {
    Promise.all([library.list(), library.facets()])
      .then(([all, counts]) => {
        setTotal(all.length);
        setFacets(counts);
      })
      .catch((error: unknown) => setNotice({ kind: 'error', text: describeFailure(error, t) }));
  }, [library, version, t]);

  useEffect(() => setShown(PAGE), [query, filters, sort]);
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const act = async (work: () => Promise<unknown>) => {
    setNotice(null);
    try {
      await work();
      changed();
    } catch (error) {
      setNotice({ kind: 'error', text: describeFailure(error, t) });
    }
  };

  const remove = (card: SavedCard) =>
    act(async () => {
      const removed = await library.remove(card.id);
      if (!removed) return;
      setUndo(removed);
      clearTimeout(undoTimer.current);
      undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
    });

  const restore = () =>
    act(async () => {
      if (!undo) return;
      await library.restore(undo);
      setUndo(null);
      clearTimeout(undoTimer.current);
    });

  const setFilter = (key: keyof SearchFilters, value: string) =>
    setFilters((current) => {
      const next = { ...current };
      if (value === '') delete next[key];
      else if (key === 'read') next.read = value === 'read';
      else next[key] = value;
      return next;
    });

  const dateFormat = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }), [lang]);
  /** "Saved 2 Jan 2025", or "Save date unknown" for a record whose date could not be read. */
  const savedOnText = (savedAt: string) => {
    const date = new Date(savedAt);
    return isUnknownSavedAt(savedAt) || Number.isNaN(date.getTime())
      ? t('savedOnUnknown')
      : t('savedOn', { date: dateFormat.format(date) });
  };
  const TitleTag = compact ? 'h3' : 'h2';

  return (
    <div class={compact ? 'saved saved-compact' : 'saved'}>
      <search class="saved-controls">
        <label class="search-label">
          <span class="visually-hidden">{t('search')}</span>
          <input
            type="search"
            data-testid="saved-search"
            placeholder={t('searchPlaceholder')}
            value={query}
            onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <fieldset class="filters">
          <legend class="visually-hidden">{t('filters')}</legend>
          <FacetSelect
            label={t('filterTag')}
            any={t('any')}
            value={filters.tag}
            options={facets.tags}
            onChange={(v) => setFilter('tag', v)}
            testId="filter-tag"
          />
          {!compact && (
            <FacetSelect
              label={t('filterSite')}
              any={t('any')}
              value={filters.site}
              options={facets.sites}
              onChange={(v) => setFilter('site', v)}
              testId="filter-site"
            />
          )}
          <FacetSelect
            label={t('filterLang')}
            any={t('any')}
            value={filters.lang}
            options={facets.langs}
            display={(code) => languageName(code, lang)}
            onChange={(v) => setFilter('lang', v)}
            testId="filter-lang"
          />
          {!compact && (
            <FacetSelect
              label={t('filterEntity')}
              any={t('any')}
              value={filters.entity}
              options={facets.entities.slice(0, 200)}
              onChange={(v) => setFilter('entity', v)}
              testId="filter-entity"
            />
          )}
          <label>
            <span>{t('filterRead')}</span>
            <select
              data-testid="filter-read"
              value={filters.read === undefined ? '' : filters.read ? 'read' : 'unread'}
              onChange={(event) => setFilter('read', (event.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{t('any')}</option>
              <option value="unread">{t('unread')}</option>
              <option value="read">{t('read')}</option>
            </select>
          </label>
          <label>
            <span>{t('sort')}</span>
            <select
              data-testid="sort"
              value={sort}
              onChange={(event) =>
                setSort((event.currentTarget as HTMLSelectElement).value as SortOrder | 'auto')
              }
            >
              <option value="auto">{query.trim() ? t('sortRelevance') : t('sortNewest')}</option>
              <option value="newest">{t('sortNewest')}</option>
              <option value="oldest">{t('sortOldest')}</option>
              <option value="title">{t('sortTitle')}</option>
              <option value="site">{t('sortSite')}</option>
            </select>
          </label>
        </fieldset>
      </search>

      <div role="status" aria-live="polite" class="saved-status" data-testid="saved-status">
        {results !== null
          ? t('count', { n: results.length, total })
          : preview && preview.length > 0
            ? t('loadingNewest', { n: preview.length })
            : t('loading')}
        {results !== null && partial && (
          <span class="saved-indexing" data-testid="saved-indexing">
            {' '}
            {t('indexing')}
          </span>
        )}
        {undo && (
          <span class="undo" data-testid="undo-bar">
            {' '}
            {t('deleted', { title: undo.title })}{' '}
            <button type="button" data-testid="undo" onClick={restore}>
              {t('undo')}
            </button>
          </span>
        )}
      </div>
      {notice && (
        <p class="error" role="alert" data-testid="saved-error">
          {notice.text}
        </p>
      )}

      {results !== null && results.length === 0 && (
        <p class="saved-empty">{total === 0 ? t('empty') : t('noMatches')}</p>
      )}
      {(results ?? preview ?? []).length > 0 && (
        <ul class="saved-items">
          {(results ?? preview ?? []).slice(0, shown).map((card) => (
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
              onToggleRead={() => act(() => library.update(card.id, { read: !card.read }))}
              onTags={(tags) => act(() => library.update(card.id, { tags }))}
              onDelete={() => remove(card)}
              onEntity={(name) => setFilter('entity', name)}
            />
          ))}
        </ul>
      )}
      {results !== null && results.length > shown && (
        <button type="button" class="more" onClick={() => setShown((n) => n + PAGE)}>
          {t('count', { n: Math.min(results.length, shown + PAGE), total: results.length })} ↓
        </button>
      )}
    </div>
  );
}

function FacetSelect(props: {
  label: string;
  any: string;
  value: string | undefined;
  options: Array<[string, number]>;
  display?: (value: string) => string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { label, any, value, options, display = (v) => v, onChange, testId } = props;
  return (
    <label>
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{any}</option>
        {value !== undefined && !options.some(([v]) => v === value) && (
          <option value={value}>{display(value)}</option>
        )}
        {options.map(([option, count]) => (
          <option key={option} value={option}>
            {display(option)} ({count})
          </option>
        ))}
      </select>
    </label>
  );
}

function SavedItem(props: {
  card: SavedCard;
  t: SavedTranslate;
  lang: UiLanguage;
  compact: boolean;
  TitleTag: 'h2' | 'h3';
  href: string;
  onOpen?: (id: string) => void;
  savedOn: string;
  onToggleRead: () => void;
  onTags: (tags: string[]) => void;
  onDelete: () => void;
  onEntity: (name: string) => void;
}) {
  const { card, t, lang, compact, TitleTag, href, onOpen, savedOn } = props;
  const [tagging, setTagging] = useState(false);
  const [newTag, setNewTag] = useState('');
  const tagInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tagging) tagInput.current?.focus();
  }, [tagging]);

  const submitTag = (event: Event) => {
    event.preventDefault();
    const tags = newTag
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (tags.length > 0) props.onTags([...card.tags, ...tags]);
    setNewTag('');
    setTagging(false);
  };

  return (
    <li class={card.read ? 'saved-item is-read' : 'saved-item'} data-testid="saved-item" data-id={card.id}>
      <TitleTag class="saved-title" lang={card.lang !== 'und' ? card.lang : undefined}>
        <a
          href={href}
          data-testid="saved-open"
          onClick={
            onOpen
              ? (event) => {
                  event.preventDefault();
                  onOpen(card.id);
                }
              : undefined
          }
        >
          {card.title || card.url}
        </a>
      </TitleTag>
      <p class="saved-meta">
        {siteNameOf(card)} · {languageName(card.lang, lang)} · {t('minutes', { n: card.readingMinutes })} ·{' '}
        {savedOn}
        {card.read && <> · {t('read')}</>}
      </p>
      {!compact && card.excerpt && (
        <p class="saved-excerpt" lang={card.lang !== 'und' ? card.lang : undefined}>
          {card.excerpt}
        </p>
      )}
      {!compact && card.entityNames.length > 0 && (
        <ul class="chips entity-chips" aria-label={t('filterEntity')}>
          {card.entityNames.slice(0, 6).map((name) => (
            <li key={name}>
              <button type="button" class="chip" onClick={() => props.onEntity(name)}>
                {name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {card.tags.length > 0 && (
        <ul class="chips tag-chips" aria-label={t('filterTag')}>
          {card.tags.map((tag) => (
            <li key={tag} class="chip tag">
              {tag}
              <button
                type="button"
                class="chip-remove"
                aria-label={t('removeTag', { tag })}
                onClick={() => props.onTags(card.tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="saved-actions">
        <button type="button" data-testid="toggle-read" aria-pressed={card.read} onClick={props.onToggleRead}>
          {card.read ? t('markUnread') : t('markRead')}
        </button>
        {tagging ? (
          <form class="tag-form" onSubmit={submitTag}>
            <label>
              <span class="visually-hidden">{t('addTagTo', { title: card.title })}</span>
              <input
                ref={tagInput}
                data-testid="tag-input"
                value={newTag}
                placeholder={t('tagPlaceholder')}
                onInput={(event) => setNewTag((event.currentTarget as HTMLInputElement).value)}
                onKeyDown={(event) => event.key === 'Escape' && setTagging(false)}
              />
            </label>
            <button type="submit">{t('addTag')}</button>
          </form>
        ) : (
          <button type="button" data-testid="add-tag" onClick={() => setTagging(true)}>
            {t('addTag')}
          </button>
        )}
        <button
          type="button"
          class="danger"
          data-testid="delete"
          aria-label={t('deleteNamed', { title: card.title })}
          onClick={props.onDelete}
        >
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
