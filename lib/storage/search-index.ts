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
 * Bump when the options below or the snapshot's form change: persisted snapshots of another version are
 * rebuilt (lib/storage/index-snapshot.ts migrates v2). v2: the snapshot is stored in parts (v1 was one
 * JSON string). v3: each part is its own record, and no part holds every document or every posting of a
 * term (see toParts).
 */
export const INDEX_VERSION = 3;

/** Target size of one snapshot part: parsing one takes a few milliseconds, so the page stays responsive. */
const PART_CHARS = 256 * 1024;
/**
 * Documents (ids and field lengths) per part, and postings per piece of a term: a word found in every one
 * of 100,000 articles was one piece of megabytes, serialised and parsed in one go.
 */
const DOCS_PER_PART = 5000;
const POSTINGS_PER_PIECE = 5000;

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
    const [head, ...rest] = parts;
    if (head === undefined) throw new Error('empty search index snapshot');
    const plain = JSON.parse(head) as AsPlainObject;
    if (!Array.isArray(plain.index)) throw new Error('malformed search index snapshot');
    for (const part of rest) {
      await nextTask();
      addPart(plain, part);
    }
    // Also pauses between batches while turning the plain object into the index's maps.
    return new ArticleIndex(await MiniSearch.loadJSAsync<IndexedFields>(plain, OPTIONS));
  }

  /**
   * The index as JSON strings of at most about PART_CHARS each: a head (MiniSearch's toJSON without its
   * documents and terms), then the documents DOCS_PER_PART at a time, then the terms, a term's postings
   * POSTINGS_PER_PIECE at a time (addPart joins them again). Pauses for the page after each part:
   * serialising a large library's index in one go (MiniSearch's toJSON, then one JSON.stringify) blocked
   * it for seconds. The terms are read from MiniSearch's own map, term by term, in the form its toJSON
   * writes (serialisation version 2; search-index.test.ts checks the two agree). Returns null when the
   * index changed during a pause: the caller tries again later.
   */
  async toParts(): Promise<string[] | null> {
    const changes = this.changes;
    const inner = this.search as unknown as MiniSearchInternals;
    const parts = [
      JSON.stringify({
        documentCount: inner._documentCount,
        nextId: inner._nextId,
        documentIds: {},
        fieldIds: inner._fieldIds,
        fieldLength: {},
        averageFieldLength: inner._avgFieldLength,
        storedFields: {},
        dirtCount: inner._dirtCount,
        index: [],
        serializationVersion: 2,
      }),
    ];
    /** Adds a part, pausing for the page first from the third on (a small index is written in one go). */
    const add = async (part: string) => {
      if (parts.length > 1) {
        await nextTask();
        if (this.changes !== changes) return false;
      }
      parts.push(part);
      return true;
    };
    for (const documents of piecesOf(inner._documentIds.keys(), DOCS_PER_PART)) {
      const pick = (map: Map<number, unknown>) =>
        Object.fromEntries(documents.flatMap((id) => (map.has(id) ? [[id, map.get(id)]] : [])));
      const part = JSON.stringify({
        documentIds: pick(inner._documentIds),
        fieldLength: pick(inner._fieldLength),
        storedFields: pick(inner._storedFields),
      });
      if (!(await add(part))) return null;
    }
    let slice: string[] = [];
    let size = 0;
    for (const [term, fieldIndex] of inner._index) {
      for (const json of termPieces(term, fieldIndex)) {
        if (size + json.length > PART_CHARS && slice.length > 0) {
          if (!(await add(`[${slice.join(',')}]`))) return null;
          slice = [];
          size = 0;
        }
        slice.push(json);
        size += json.length + 1;
      }
    }
    if (slice.length > 0 && !(await add(`[${slice.join(',')}]`))) return null;
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

/** Splits `items` into arrays of at most `size`. */
export function* piecesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let piece: T[] = [];
  for (const item of items) {
    piece.push(item);
    if (piece.length === size) {
      yield piece;
      piece = [];
    }
  }
  if (piece.length > 0) yield piece;
}

/** A term's entries in toJSON's form, `[term, {fieldId: {docId: freq}}]`, POSTINGS_PER_PIECE at a time. */
function* termPieces(term: string, fieldIndex: Map<number, Map<number, number>>): Generator<string> {
  let data: Record<string, Record<string, number>> = {};
  let postings = 0;
  for (const [fieldId, freqs] of fieldIndex) {
    let field: Record<string, number> = {};
    data[fieldId] = field;
    for (const [docId, freq] of freqs) {
      if (postings === POSTINGS_PER_PIECE) {
        yield JSON.stringify([term, data]);
        field = {};
        data = { [fieldId]: field };
        postings = 0;
      }
      field[docId] = freq;
      postings++;
    }
  }
  yield JSON.stringify([term, data]);
}

/**
 * Adds one part after the head (toParts) to the plain index: documents are merged, terms appended, and a
 * term's later pieces (the same term as the entry before) merged into that entry.
 */
export function addPart(plain: AsPlainObject, part: string): void {
  const parsed = JSON.parse(part) as unknown;
  if (Array.isArray(parsed)) {
    for (const entry of parsed as AsPlainObject['index']) {
      const last = plain.index.at(-1);
      if (last?.[0] !== entry[0]) {
        plain.index.push(entry);
        continue;
      }
      for (const [fieldId, postings] of Object.entries(entry[1])) {
        last[1][fieldId] = Object.assign(last[1][fieldId] ?? {}, postings);
      }
    }
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error('malformed search index part');
  const documents = parsed as Partial<Pick<AsPlainObject, 'documentIds' | 'fieldLength' | 'storedFields'>>;
  Object.assign(plain.documentIds, documents.documentIds);
  Object.assign(plain.fieldLength, documents.fieldLength);
  Object.assign(plain.storedFields, documents.storedFields);
}
