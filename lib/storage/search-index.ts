/**
 * Full-text index over saved articles (MiniSearch): titles, text, entity names and tags. Terms are
 * folded (case, diacritics, ß) so "pjongjang" finds "Pjöngjang" and a German query typed on an English
 * keyboard still matches.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { SavedArticle } from './types.ts';

interface IndexedFields {
  id: string;
  title: string;
  text: string;
  entities: string;
  meta: string;
}

export function foldTerm(term: string): string {
  return term.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

function toIndexed(article: SavedArticle): IndexedFields {
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    entities: article.entities.flatMap((e) => [e.name, ...e.aliases]).join(' \n '),
    meta: [article.byline ?? '', article.siteName ?? '', ...article.tags].join(' \n '),
  };
}

/** Bump when the options below change: persisted snapshots of another version are rebuilt. */
export const INDEX_VERSION = 1;

const OPTIONS = {
  fields: ['title', 'text', 'entities', 'meta'],
  storeFields: [],
  processTerm: (term: string) => foldTerm(term) || null,
  searchOptions: {
    boost: { title: 3, entities: 2, meta: 1.5 },
    combineWith: 'AND',
    prefix: true,
    // Typos in longer words only: fuzzy matching of short terms floods the results.
    fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
  },
} satisfies Options<IndexedFields>;

export class ArticleIndex {
  private constructor(private readonly search: MiniSearch<IndexedFields>) {}

  static build(articles: Iterable<SavedArticle> = []): ArticleIndex {
    const index = new ArticleIndex(new MiniSearch<IndexedFields>(OPTIONS));
    index.search.addAll([...articles].map(toIndexed));
    return index;
  }

  /** Restores an index saved with toJSON (same INDEX_VERSION). */
  static fromJSON(json: string): ArticleIndex {
    return new ArticleIndex(MiniSearch.loadJSON<IndexedFields>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.search);
  }

  get size(): number {
    return this.search.documentCount;
  }

  upsert(article: SavedArticle): void {
    if (this.search.has(article.id)) this.search.discard(article.id);
    this.search.add(toIndexed(article));
  }

  remove(id: string): void {
    if (this.search.has(id)) this.search.discard(id);
  }

  /** Ids of matching articles, best match first. */
  query(text: string): string[] {
    return this.search.search(text).map((hit) => hit.id as string);
  }
}
