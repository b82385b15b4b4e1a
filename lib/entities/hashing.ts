/**
 * 32-bit string hashes and open-addressing tables over typed arrays: the tagger's feature weights and
 * its word lists are looked up by hash, so the model file is a few typed arrays that load as views
 * (no parsing, no Map building) and tagging never builds a lookup key.
 *
 * The hash is FNV-1a over UTF-16 code units, finished with MurmurHash3's fmix32 so all its bits are
 * well mixed (a table's home slot comes from the high bits, see homeSlot). Tables store the full 32-bit hash and never the string: two strings
 * with the same hash share an entry. With a model's 10⁴–10⁵ entries, a word or feature that is not in
 * a table hits an entry by chance about once in 10⁵ lookups, adding one small, unrelated weight.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A hash state before any character: mix a domain (template index, table kind) into it. */
export function hashStart(domain: number): number {
  // 0x10000 + domain is not a UTF-16 code unit, so no string prefix can imitate a domain.
  return Math.imul(FNV_OFFSET ^ (0x10000 + domain), FNV_PRIME);
}

/** Mixes value[start..end) into a hash state. */
export function hashChars(h: number, value: string, start = 0, end = value.length): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ value.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Mixes one code unit (a separator) into a hash state. */
export function hashChar(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** The final 32-bit hash of a state; never 0, which marks an empty table slot. */
export function hashFinish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** Hash domains of the word tables (feature templates use their own index as domain). */
export const WORD_DOMAIN = 0xfff0;

/** The hash a word table stores for a word (case-sensitive). */
export function wordHash(word: string): number {
  return hashFinish(hashChars(hashStart(WORD_DOMAIN), word));
}

/**
 * The fullest a table gets. A lookup of a missing key (the common case for features) then ends after
 * about 3.6 probes on average, against 2.5 at half full; powers of two at most half full, as before,
 * left the tables between a quarter and a half full.
 */
const MAX_LOAD = 0.6;

/** Capacity for `count` keys: at most MAX_LOAD full, and always with an empty slot. */
export function tableCapacity(count: number): number {
  return Math.max(16, Math.ceil(count / MAX_LOAD) + 1);
}

/**
 * The home slot of hash `h` (a uint32) in a table of `size` slots: the high bits of h scaled to the
 * size (multiply-shift, exact in a double), so any size works, not only powers of two.
 */
export function homeSlot(h: number, size: number): number {
  return ((h * size) / 4294967296) | 0;
}

/**
 * Open addressing with linear probing over a Uint32Array of hashes (0 = empty). Values live in
 * arrays parallel to the slots, indexed by what `find` returns.
 */
export class HashIndex {
  constructor(readonly keys: Uint32Array) {}

  /**
   * Whether `keys` can serve as an index: it has an empty slot (without one, a lookup of a missing key
   * would never end) and fewer than 2^21 slots (homeSlot's product must stay exact).
   */
  static isValid(keys: Uint32Array): boolean {
    return keys.length > 0 && keys.length < 2 ** 21 && keys.includes(0);
  }

  /** The slot holding hash `h`, or -1. */
  find(h: number): number {
    const keys = this.keys;
    const size = keys.length;
    let slot = homeSlot(h, size);
    for (;;) {
      const k = keys[slot]!;
      if (k === h) return slot;
      if (k === 0) return -1;
      if (++slot === size) slot = 0;
    }
  }

  /** The slot of `keys` that holds hash `h`, or the empty slot where it would go (building a table). */
  static probe(keys: Uint32Array, h: number): number {
    const size = keys.length;
    let slot = homeSlot(h, size);
    while (keys[slot] !== 0 && keys[slot] !== h) if (++slot === size) slot = 0;
    return slot;
  }

  /** Builds the index of distinct hashes; returns it with each hash's slot (same order as `hashes`). */
  static build(hashes: readonly number[]): { index: HashIndex; slots: number[] } {
    const keys = new Uint32Array(tableCapacity(hashes.length));
    const slots = hashes.map((h) => {
      const slot = HashIndex.probe(keys, h);
      keys[slot] = h;
      return slot;
    });
    return { index: new HashIndex(keys), slots };
  }
}
