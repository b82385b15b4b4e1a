/**
 * The saved list's search state: query, filters and sort, the answer (at once from the cards while the
 * full-text index loads, then again from the full text), the newest cards shown while the list loads,
 * the total and the filter menus, and how many results are shown. Reloads when the library changes here
 * (`changed`) or in another context (onLibraryChange).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Library, onLibraryChange } from '../../lib/storage/library.ts';
import type {
  FacetCounts,
  ReadingProgress,
  SavedCard,
  SearchFilters,
  SortOrder,
} from '../../lib/storage/types.ts';
import { describeFailure, type SavedTranslate } from './i18n.ts';

/** Enough to fill any screen; the rest on demand, so 2,000 articles never render at once. */
export const PAGE = 100;
const NO_FACETS: FacetCounts = { tags: [], sites: [], langs: [], entities: [] };

export type Notice = { kind: 'error'; text: string } | null;
export type SortChoice = SortOrder | 'auto';

export interface SavedSearch {
  query: string;
  setQuery: (query: string) => void;
  filters: SearchFilters;
  /** Sets one filter from a menu's value ('' clears it; the read menu says 'read' or 'unread'). */
  setFilter: (key: keyof SearchFilters, value: string) => void;
  sort: SortChoice;
  setSort: (sort: SortChoice) => void;
  /** null until the first answer. */
  results: SavedCard[] | null;
  preview: SavedCard[] | null;
  /** The results came from the cards alone: the full-text index is still loading. */
  partial: boolean;
  /** While the cards are still being read: how many of how many the results looked at. */
  reading: ReadingProgress | null;
  total: number;
  facets: FacetCounts;
  shown: number;
  showMore: () => void;
  notice: Notice;
  setNotice: (notice: Notice) => void;
  /** The library was written here: search, count and facets again. */
  changed: () => void;
}

/** Resolves once `target` cards are read, or all of them. */
async function readAtLeast(library: Library, target: number): Promise<void> {
  for (let progress = await library.moreCards(); progress && progress.read < target; ) {
    progress = await library.moreCards();
  }
}

export function useSavedSearch(
  library: Library,
  t: SavedTranslate,
  initialFilters: SearchFilters = {},
): SavedSearch {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(initialFilters);
  const [sort, setSort] = useState<SortChoice>('auto');
  const [results, setResults] = useState<SavedCard[] | null>(null);
  const [preview, setPreview] = useState<SavedCard[] | null>(null);
  const [partial, setPartial] = useState(false);
  const [reading, setReading] = useState<ReadingProgress | null>(null);
  const [total, setTotal] = useState(0);
  const [facets, setFacets] = useState<FacetCounts>(NO_FACETS);
  const [shown, setShown] = useState(PAGE);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);
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
    // The plain list (no query, filter or sort) keeps showing the newest cards until every card is read:
    // the cards read so far are not the newest ones.
    const plain = query.trim() === '' && Object.keys(filters).length === 0 && sort === 'auto';
    const ask = (): Promise<void> =>
      library.searchNow(request).then((answer) => {
        if (mine !== sequence.current) return;
        setReading(answer.reading ?? null);
        // Still reading the cards: show what the ones read so far match, and ask again once twice as many
        // are read (each answer searches every card read, so asking after each batch would be quadratic).
        if (answer.reading) {
          if (plain) return library.list().then(ask);
          setResults(answer.cards);
          setPartial(true);
          return readAtLeast(library, answer.reading.read * 2).then(ask);
        }
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

  const setFilter = useCallback(
    (key: keyof SearchFilters, value: string) =>
      setFilters((current) => {
        const next = { ...current };
        if (value === '') delete next[key];
        else if (key === 'read') next.read = value === 'read';
        else next[key] = value;
        return next;
      }),
    [],
  );
  const showMore = useCallback(() => setShown((n) => n + PAGE), []);

  return {
    query,
    setQuery,
    filters,
    setFilter,
    sort,
    setSort,
    results,
    preview,
    partial,
    reading,
    total,
    facets,
    shown,
    showMore,
    notice,
    setNotice,
    changed,
  };
}
