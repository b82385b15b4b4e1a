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

/** Work done in one task before a time-sliced loop (timeSlice) pauses for the page. */
export const SLICE_MS = 8;

/**
 * Says, each time it is called, whether SLICE_MS have passed since the last pause (and then starts a new
 * slice). Loops over many small items pause by time instead of by count: a pause costs at least 4 ms in
 * browsers once timers nest, so one every 50 items made a 100,000-entry import much slower.
 */
export function timeSlice(): () => boolean {
  let start = performance.now();
  return () => {
    const now = performance.now();
    if (now - start < SLICE_MS) return false;
    start = now;
    return true;
  };
}

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

/** The parts of MiniSearch (7.x) that its toJSON reads; toParts reads them term by term instead. */
interface MiniSearchInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
}

export class ArticleIndex {
  /** Counts upserts and removals, so a serialisation spread over tasks sees a change in between. */
  private changes = 0;

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
   * Pauses for the page after each part: serialising a large library's index in one go (MiniSearch's
   * toJSON, then one JSON.stringify) blocked it for seconds. The terms are read from MiniSearch's own
   * map, term by term, in the form its toJSON writes (serialisation version 2; search-index.test.ts checks
   * the two agree). Returns null when the index changed during a pause: the caller tries again later.
   */
  async toParts(): Promise<string[] | null> {
    const changes = this.changes;
    const inner = this.search as unknown as MiniSearchInternals;
    const parts = [
      JSON.stringify({
        documentCount: inner._documentCount,
        nextId: inner._nextId,
        documentIds: Object.fromEntries(inner._documentIds),
        fieldIds: inner._fieldIds,
        fieldLength: Object.fromEntries(inner._fieldLength),
        averageFieldLength: inner._avgFieldLength,
        storedFields: Object.fromEntries(inner._storedFields),
        dirtCount: inner._dirtCount,
        index: [],
        serializationVersion: 2,
      }),
    ];
    let slice: string[] = [];
    let size = 0;
    for (const [term, fieldIndex] of inner._index) {
      const data: Record<string, Record<string, number>> = {};
      for (const [fieldId, freqs] of fieldIndex) data[fieldId] = Object.fromEntries(freqs);
      const json = JSON.stringify([term, data]);
      if (size + json.length > PART_CHARS && slice.length > 0) {
        parts.push(`[${slice.join(',')}]`);
        slice = [];
        size = 0;
        await nextTask();
        if (this.changes !== changes) return null;
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
    this.changes++;
    if (this.search.has(article.id)) this.search.discard(article.id);
    this.search.add(toIndexed(article));
  }

  remove(id: string): void {
    this.changes++;
    if (this.search.has(id)) this.search.discard(id);
  }

  /** Ids of matching articles, best match first. */
  query(text: string): string[] {
    return this.search.search(text).map((hit) => hit.id as string);
  }
}
