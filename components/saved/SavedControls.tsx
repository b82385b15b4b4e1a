/** The saved list's search field, filter menus (tag, site, language, name, read state) and sort menu. */
import { languageName, type UiLanguage } from '../i18n.ts';
import type { SavedTranslate } from './i18n.ts';
import type { SavedSearch, SortChoice } from './useSavedSearch.ts';

export function SavedControls({
  search,
  t,
  lang,
  compact,
}: {
  search: SavedSearch;
  t: SavedTranslate;
  lang: UiLanguage;
  compact: boolean;
}) {
  return (
    <search class="saved-controls">
      <label class="search-label">
        <span class="visually-hidden">{t('search')}</span>
        <input
          type="search"
          data-testid="saved-search"
          placeholder={t('searchPlaceholder')}
          value={search.query}
          onInput={(event) => search.setQuery((event.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <fieldset class="filters">
        <legend class="visually-hidden">{t('filters')}</legend>
        <FacetSelect
          label={t('filterTag')}
          any={t('any')}
          value={search.filters.tag}
          options={search.facets.tags}
          onChange={(v) => search.setFilter('tag', v)}
          testId="filter-tag"
        />
        {!compact && (
          <FacetSelect
            label={t('filterSite')}
            any={t('any')}
            value={search.filters.site}
            options={search.facets.sites}
            onChange={(v) => search.setFilter('site', v)}
            testId="filter-site"
          />
        )}
        <FacetSelect
          label={t('filterLang')}
          any={t('any')}
          value={search.filters.lang}
          options={search.facets.langs}
          display={(code) => languageName(code, lang)}
          onChange={(v) => search.setFilter('lang', v)}
          testId="filter-lang"
        />
        {!compact && (
          <FacetSelect
            label={t('filterEntity')}
            any={t('any')}
            value={search.filters.entity}
            options={search.facets.entities.slice(0, 200)}
            onChange={(v) => search.setFilter('entity', v)}
            testId="filter-entity"
          />
        )}
        <label>
          <span>{t('filterRead')}</span>
          <select
            data-testid="filter-read"
            value={search.filters.read === undefined ? '' : search.filters.read ? 'read' : 'unread'}
            onChange={(event) => search.setFilter('read', (event.currentTarget as HTMLSelectElement).value)}
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
            value={search.sort}
            onChange={(event) =>
              search.setSort((event.currentTarget as HTMLSelectElement).value as SortChoice)
            }
          >
            <option value="auto">{search.query.trim() ? t('sortRelevance') : t('sortNewest')}</option>
            <option value="newest">{t('sortNewest')}</option>
            <option value="oldest">{t('sortOldest')}</option>
            <option value="title">{t('sortTitle')}</option>
            <option value="site">{t('sortSite')}</option>
          </select>
        </label>
      </fieldset>
    </search>
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
