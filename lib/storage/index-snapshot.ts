/**
 * The search index's snapshot in the library's `meta` store: a small head record (`search-index`) and the
 * index's parts (ArticleIndex.toParts) and the articles' revs as records of their own (`search-index#N`),
 * all written in one transaction, so a snapshot is whole or not there. One record of every part and every
 * rev (INDEX_VERSION 2) was cloned in one go by IndexedDB when written and when read: in a trace of a
 * 20,000-entry library, writing it was a 665 ms task and reading it held the page 100–190 ms. Now each
 * put and get clones one part (≤ ~256 K characters) and the page runs between two.
 *
 * A v2 snapshot is still loaded (its parts are read the same way) and the caller writes it again in the
 * new form: an upgrade keeps the index instead of re-indexing every article.
 */
import {
  type LegacySearchIndexSnapshot,
  type LibraryDb,
  SEARCH_INDEX_KEY,
  type SearchIndexSnapshot,
} from './schema.ts';
import { type ArticleIndex, INDEX_VERSION, nextTask, piecesOf } from './search-index.ts';

const CHUNK_PREFIX = `${SEARCH_INDEX_KEY}#`;
/** Revs per record: a JSON string of [id, rev] pairs, parsed in a millisecond or two. */
const REVS_PER_CHUNK = 5000;

const chunkKey = (n: number) => `${CHUNK_PREFIX}${String(n).padStart(6, '0')}`;
const everyChunk = () => IDBKeyRange.bound(CHUNK_PREFIX, `${CHUNK_PREFIX}\uffff`);

export interface LoadedSnapshot {
  /** For ArticleIndex.fromParts. */
  parts: string[];
  /** Read in the older one-record form: write it again (writeSnapshot) to store it in the new one. */
  legacy: boolean;
}

/**
 * Writes the index and the revs it holds, replacing the previous snapshot in one transaction. Returns
 * false, writing nothing, when the index changed while it was serialised (the caller tries again later).
 * A failed write (a full disk) rejects and leaves the previous snapshot as it was.
 */
export async function writeSnapshot(
  db: LibraryDb,
  index: ArticleIndex,
  revs: ReadonlyMap<string, number>,
): Promise<boolean> {
  // Copied in the task toParts starts in: the revs change only together with the index, which toParts
  // watches, so the two agree.
  const revList = [...revs];
  const parts = await index.toParts();
  if (!parts) return false;
  const revParts: string[] = [];
  for (const piece of piecesOf(revList, REVS_PER_CHUNK)) {
    if (revParts.length > 0) await nextTask();
    revParts.push(JSON.stringify(piece));
  }
  const tx = db.transaction('meta', 'readwrite');
  tx.done.catch(() => {}); // a failure surfaces through the request awaited below
  try {
    // Each put is awaited: the page runs between two clones, and the transaction stays open because
    // it waits on its own requests.
    await tx.store.delete(everyChunk());
    for (const [n, text] of [...parts, ...revParts].entries()) await tx.store.put({ key: chunkKey(n), text });
    const head: SearchIndexSnapshot = {
      key: SEARCH_INDEX_KEY,
      indexVersion: INDEX_VERSION,
      indexParts: parts.length,
      revParts: revParts.length,
    };
    await tx.store.put(head);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request.
    }
    throw error;
  }
  return true;
}

/**
 * Reads the snapshot a record per request, filling `revs` with the rev of each article it holds (the
 * revs' records are parsed a task each). Null when there is none, it is of another version or a part is
 * missing: the caller re-indexes.
 */
export async function readSnapshot(db: LibraryDb, revs: Map<string, number>): Promise<LoadedSnapshot | null> {
  const store = db.transaction('meta').store;
  const head = await store.get(SEARCH_INDEX_KEY);
  if (!head || !('indexVersion' in head)) return null;
  if (isLegacy(head)) {
    for (const [id, rev] of Object.entries(head.revs)) revs.set(id, rev);
    return { parts: head.parts, legacy: true };
  }
  if (head.indexVersion !== INDEX_VERSION) return null;
  const texts: string[] = [];
  for (let n = 0; n < head.indexParts + head.revParts; n++) {
    const chunk = await store.get(chunkKey(n));
    if (!chunk || !('text' in chunk)) return null;
    texts.push(chunk.text);
  }
  for (const [n, text] of texts.slice(head.indexParts).entries()) {
    if (n > 0) await nextTask();
    for (const [id, rev] of JSON.parse(text) as Array<[string, number]>) revs.set(id, rev);
  }
  return { parts: texts.slice(0, head.indexParts), legacy: false };
}

function isLegacy(head: object): head is LegacySearchIndexSnapshot {
  const legacy = head as Partial<LegacySearchIndexSnapshot>;
  return legacy.indexVersion === 2 && Array.isArray(legacy.parts) && typeof legacy.revs === 'object';
}
