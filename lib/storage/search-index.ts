/**
 * Full-text index over saved articles (MiniSearch): titles, text, entity names and tags. Terms are
 * folded (case, diacritics, ß) so "pjongjang" finds "Pjöngjang" and a German query typed on an English
 * keyboard still matches.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { foldTerm } from '../text/fold.ts';
import type { SavedArticle } from './types.ts';

interface IndexedFields {
  id: string;
  title: string;
  text: string;
  entities: string;
  meta: string;
}

/** MiniSearch's default tokenizer: the card fallback (card-search.ts) splits the same way. */
export const TOKEN_SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

function toIndexed(article: SavedArticle): IndexedFields {
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    entities: article.entities.flatMap((e) => [e.name, ...e.aliases]).join(' \n '),
    meta: [article.byline ?? '', article.siteName ?? '', ...article.tags].join(' \n '),
  };
}

/**
 * Bump when the options below or the snapshot's form (toParts) change: persisted snapshots of another
 * version are rebuilt. v2: the snapshot is stored in parts (v1 was one JSON string).
 */
export const INDEX_VERSION = 2;

/** Target size of one snapshot part: parsing one takes a few milliseconds, so the page stays responsive. */
const PART_CHARS = 256 * 1024;

/** Resolves in a later task, so the page can paint and answer input between steps of long work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

  /**
   * Restores an index saved with toParts, a part per task: a 2,000-article index is megabytes of JSON,
   * and parsing it in one go (or MiniSearch's loadJSONAsync, which starts with one JSON.parse) blocks the
   * page for hundreds of milliseconds, so a search typed meanwhile would wait that long.
   */
  static async fromParts(parts: readonly string[]): Promise<ArticleIndex> {
    const [head, ...slices] = parts;
    if (head === undefined) throw new Error('empty search index snapshot');
    const plain = JSON.parse(head) as AsPlainObject;
    if (!Array.isArray(plain.index)) throw new Error('malformed search index snapshot');
    for (const slice of slices) {
      await nextTask();
      for (const entry of JSON.parse(slice) as AsPlainObject['index']) plain.index.push(entry);
    }
    // Also pauses between batches while turning the plain object into the index's maps.
    return new ArticleIndex(await MiniSearch.loadJSAsync<IndexedFields>(plain, OPTIONS));
  }

  /**
   * The index as JSON strings of at most about PART_CHARS each (except single huge terms): see fromParts.
   * Pauses for the page after each part: serialising a large library's index in one go blocked it for
   * seconds.
   */
  async toParts(): Promise<string[]> {
    const { index, ...rest } = this.search.toJSON();
    const parts = [JSON.stringify({ ...rest, index: [] })];
    let slice: string[] = [];
    let size = 0;
    for (const entry of index) {
      const json = JSON.stringify(entry);
      if (size + json.length > PART_CHARS && slice.length > 0) {
        parts.push(`[${slice.join(',')}]`);
        slice = [];
        size = 0;
        await nextTask();
      }
      slice.push(json);
      size += json.length + 1;
    }
    if (slice.length > 0) parts.push(`[${slice.join(',')}]`);
    return parts;
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
