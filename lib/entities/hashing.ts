/**
 * 32-bit string hashes and open-addressing tables over typed arrays: the tagger's feature weights and
 * its word lists are looked up by hash, so the model file is a few typed arrays that load as views
 * (no parsing, no Map building) and tagging never builds a lookup key.
 *
 * The hash is FNV-1a over UTF-16 code units, finished with MurmurHash3's fmix32 so its low bits (the
 * table index) are well mixed. Tables store the full 32-bit hash and never the string: two strings
 * with the same hash share an entry. With a model's 10⁴–10⁵ entries, a word or feature that is not in
 * a table hits an entry by chance about once in 10⁵ lookups, adding one small, unrelated weight.
 */

const FNV_OFFSET = 0x811c9dc5;
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
 * Capacity for `count` keys: a power of two at most half full, so a lookup of a missing key (the
 * common case for features) ends after about two probes.
 */
export function tableCapacity(count: number): number {
  let cap = 16;
  while (cap < count * 2) cap *= 2;
  return cap;
}

/**
 * Open addressing with linear probing over a Uint32Array of hashes (0 = empty). Values live in
 * arrays parallel to the slots, indexed by what `find` returns.
 */
export class HashIndex {
  private readonly mask: number;

  constructor(readonly keys: Uint32Array) {
    this.mask = keys.length - 1;
  }

  /**
   * Whether `keys` can serve as an index: a power-of-two length and an empty slot (without one, a
   * lookup of a missing key would never end).
   */
  static isValid(keys: Uint32Array): boolean {
    const n = keys.length;
    return n > 0 && (n & (n - 1)) === 0 && keys.includes(0);
  }

  /** The slot holding hash `h`, or -1. */
  find(h: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === h) return slot;
      if (k === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Builds the index of distinct hashes; returns it with each hash's slot (same order as `hashes`). */
  static build(hashes: readonly number[]): { index: HashIndex; slots: number[] } {
    const keys = new Uint32Array(tableCapacity(hashes.length));
    const mask = keys.length - 1;
    const slots = hashes.map((h) => {
      let slot = h & mask;
      while (keys[slot] !== 0 && keys[slot] !== h) slot = (slot + 1) & mask;
      keys[slot] = h;
      return slot;
    });
    return { index: new HashIndex(keys), slots };
  }
}
