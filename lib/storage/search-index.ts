/**
 * Full-text index over saved articles (MiniSearch): titles, text, entity names and tags. Terms are
 * folded (case, diacritics, ß) so "pjongjang" finds "Pjöngjang" and a German query typed on an English
 * keyboard still matches.
 */
import MiniSearch from 'minisearch';
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

export class ArticleIndex {
  private readonly search = new MiniSearch<IndexedFields>({
    fields: ['title', 'text', 'entities', 'meta'],
    storeFields: [],
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: {
      boost: { title: 3, entities: 2, meta: 1.5 },
      combineWith: 'AND',
      prefix: true,
      // Typos in longer words only: fuzzy matching of short terms floods the results.
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    },
  });

  constructor(articles: Iterable<SavedArticle> = []) {
    this.search.addAll([...articles].map(toIndexed));
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
