/**
 * The saved-article record and the shapes the library's list, search and import speak in. Plain
 * serialisable data: records cross message boundaries and go into IndexedDB and export files as they are.
 */
import type { ArticleBlock, Entity, Quote, RelatedLink, SummarySentence } from '../types.ts';

export interface SavedArticle {
  /** Random, stable for the life of the record (kept when the same URL is saved again). */
  id: string;
  /** The address as the reader saw it. */
  url: string;
  /** Duplicate key: see sameArticleKey in lib/url.ts. Unique in the library. */
  normalizedUrl: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 639-1 code, 'und' when unknown. */
  lang: string;
  /** ISO 8601 timestamp of the first save. */
  savedAt: string;
  readingMinutes: number;
  excerpt: string | null;
  summary: SummarySentence[];
  entities: Entity[];
  quotes: Quote[];
  related: RelatedLink[];
  tags: string[];
  read: boolean;
  /** The article's HTML, ALREADY SANITISED with sanitizeArticleHtml (the store never sanitises: no DOM here). */
  contentHtml: string;
  /** Plain text; entity and quote offsets point into it (same convention as Analysis.text). */
  text: string;
  /** Blocks of `text` (Analysis.blocks), so the reader can map offsets back onto the rendered article. */
  blocks: ArticleBlock[];
}

/**
 * The light copy of a saved article that the list works from: everything the list shows, sorts and
 * filters on, without the text and HTML (2,000 of these load in milliseconds).
 */
export type SavedCard = Pick<
  SavedArticle,
  | 'id'
  | 'url'
  | 'normalizedUrl'
  | 'title'
  | 'byline'
  | 'siteName'
  | 'lang'
  | 'savedAt'
  | 'readingMinutes'
  | 'excerpt'
  | 'tags'
  | 'read'
> & {
  entityNames: string[];
  /** Changes on every write of the article; the persisted search index records which rev it indexed. */
  rev: number;
};

/** What a reader may change on a saved article after saving it. */
export interface ArticlePatch {
  tags?: string[];
  read?: boolean;
}

export type SortOrder = 'newest' | 'oldest' | 'title' | 'site' | 'relevance';

export interface SearchFilters {
  tag?: string;
  /** Matches SavedArticle.siteName, or the URL's host when there is no site name (see siteNameOf in lib/url.ts). */
  site?: string;
  lang?: string;
  /** Entity name, compared with each entity's name under foldName (case, accents, hyphens). */
  entity?: string;
  read?: boolean;
}

export interface SearchRequest {
  /** Free text; empty means "every article" (filters still apply). */
  query?: string;
  filters?: SearchFilters;
  /** 'relevance' falls back to 'newest' when there is no query. Default: relevance with a query, else newest. */
  sort?: SortOrder;
}

/** What searchNow answers: the cards, and whether they came from the cards alone (index still loading). */
export interface SearchAnswer {
  cards: SavedCard[];
  /**
   * True when the full-text index was not loaded yet and the answer looked only at titles, bylines, site
   * names, tags and entity names: more articles may match once it is (Library.indexReady()).
   */
  partial: boolean;
  /**
   * Present while the cards are still being read (a batch per task): the answer looked at `read` of
   * `total` cards, and `partial` is true. Ask again after Library.moreCards() resolves.
   */
  reading?: ReadingProgress;
}

/** How many of the library's cards are read so far (they are read a batch per task). */
export interface ReadingProgress {
  read: number;
  total: number;
}

/** The result of merging articles into the library (import). */
export interface MergeReport {
  added: number;
  /** Already saved (same normalised URL): tags and read state merged into the saved record. */
  merged: number;
}

/** Values the list offers as filters, with how many articles carry each. */
export interface FacetCounts {
  tags: Array<[string, number]>;
  sites: Array<[string, number]>;
  langs: Array<[string, number]>;
  entities: Array<[string, number]>;
}
