/**
 * Word lists for the tagger's features (first names, case profile, and whatever lexicons a language
 * adds), stored by word hash so the model file holds them as typed arrays:
 * - `set`: exact membership by 32-bit hash (4–8 bytes a word);
 * - `map`: a number per word (hash → value, in the narrowest of Uint8, Int16 and Int32 that holds all);
 * - `bloom`: approximate membership for large lists (≈ 10 bits a word, about 1% false positives).
 * Training builds the same objects the extension loads, so features see identical lists in both.
 */
import { HashIndex, hashChars, hashFinish, hashStart, wordHash } from './hashing.ts';

export interface WordSet {
  has(word: string): boolean;
}

export interface WordValues {
  get(word: string): number | undefined;
}

/** A lexicon as the trainer hands it over: words (exact set), word → value, or words for a Bloom filter. */
export type LexiconSource = readonly string[] | ReadonlyMap<string, number> | BloomSource;

export interface BloomSource {
  bloom: readonly string[];
  /** Bits of filter per word; 10 gives about 1% false positives. */
  bitsPerWord?: number;
}

/** Values of a word → number table. */
export type ValueArray = Uint8Array | Int16Array | Int32Array;

/** A lexicon's typed arrays, by role ('keys', 'values', 'bits'), as stored in the model file. */
export type LexiconArrays = Record<string, Uint32Array | ValueArray>;

export function isValueArray(a: unknown): a is ValueArray {
  return a instanceof Uint8Array || a instanceof Int16Array || a instanceof Int32Array;
}

export interface StoredLexicon {
  kind: 'set' | 'map' | 'bloom';
  /** Bloom filters: number of hash functions. */
  hashes?: number;
  arrays: LexiconArrays;
}

export class HashedWordSet implements WordSet {
  private readonly index: HashIndex;

  constructor(keys: Uint32Array) {
    this.index = new HashIndex(keys);
  }

  static from(words: Iterable<string>): HashedWordSet {
    return new HashedWordSet(HashIndex.build([...new Set([...words].map(wordHash))]).index.keys);
  }

  has(word: string): boolean {
    return this.index.find(wordHash(word)) >= 0;
  }

  get keys(): Uint32Array {
    return this.index.keys;
  }
}

export class HashedWordValues implements WordValues {
  private readonly index: HashIndex;

  constructor(
    keys: Uint32Array,
    readonly values: ValueArray,
  ) {
    this.index = new HashIndex(keys);
  }

  /** Later entries win when words repeat (or share a hash). */
  static from(entries: Iterable<readonly [string, number]>): HashedWordValues {
    const byHash = new Map<number, number>();
    for (const [word, value] of entries) byHash.set(wordHash(word), value);
    return HashedWordValues.fromHashes(byHash);
  }

  /** A table over hashes computed elsewhere (see wordHash for words). */
  static fromHashes(byHash: ReadonlyMap<number, number>): HashedWordValues {
    const { index, slots } = HashIndex.build([...byHash.keys()]);
    const all = [...byHash.values()];
    const fits = (min: number, max: number) => all.every((v) => Number.isInteger(v) && v >= min && v <= max);
    const values = fits(0, 255)
      ? new Uint8Array(index.keys.length)
      : fits(-32768, 32767)
        ? new Int16Array(index.keys.length)
        : new Int32Array(index.keys.length);
    all.forEach((value, i) => {
      values[slots[i]!] = value;
    });
    return new HashedWordValues(index.keys, values);
  }

  get(word: string): number | undefined {
    return this.getHash(wordHash(word));
  }

  getHash(h: number): number | undefined {
    const slot = this.index.find(h);
    return slot >= 0 ? this.values[slot] : undefined;
  }

  get keys(): Uint32Array {
    return this.index.keys;
  }
}

const BLOOM_DOMAIN = 0xfff1;

/** A Bloom filter with double hashing (Kirsch–Mitzenmacher): index_j = h1 + j·h2 mod bits. */
export class BloomWordSet implements WordSet {
  private readonly size: number;

  constructor(
    readonly bits: Uint32Array,
    readonly hashes: number,
  ) {
    this.size = bits.length * 32;
  }

  static from(words: Iterable<string>, bitsPerWord = 10): BloomWordSet {
    const unique = [...new Set(words)];
    const bits = new Uint32Array(Math.max(1, Math.ceil((unique.length * bitsPerWord) / 32)));
    const filter = new BloomWordSet(bits, Math.max(1, Math.round(bitsPerWord * Math.LN2)));
    for (const w of unique) {
      const h1 = wordHash(w);
      const h2 = secondHash(w);
      for (let j = 0; j < filter.hashes; j++) {
        const i = ((h1 + Math.imul(j, h2)) >>> 0) % filter.size;
        bits[i >>> 5]! |= 1 << (i & 31);
      }
    }
    return filter;
  }

  has(word: string): boolean {
    const h1 = wordHash(word);
    const h2 = secondHash(word);
    for (let j = 0; j < this.hashes; j++) {
      const i = ((h1 + Math.imul(j, h2)) >>> 0) % this.size;
      if ((this.bits[i >>> 5]! & (1 << (i & 31))) === 0) return false;
    }
    return true;
  }
}

function secondHash(word: string): number {
  return hashFinish(hashChars(hashStart(BLOOM_DOMAIN), word)) | 1;
}

export type Lexicon = HashedWordSet | HashedWordValues | BloomWordSet;

export function buildLexicon(source: LexiconSource): Lexicon {
  if (Array.isArray(source)) return HashedWordSet.from(source as readonly string[]);
  if (source instanceof Map) return HashedWordValues.from(source);
  const bloom = source as BloomSource;
  return BloomWordSet.from(bloom.bloom, bloom.bitsPerWord);
}

export function storeLexicon(lexicon: Lexicon): StoredLexicon {
  if (lexicon instanceof HashedWordSet) return { kind: 'set', arrays: { keys: lexicon.keys } };
  if (lexicon instanceof HashedWordValues) {
    return { kind: 'map', arrays: { keys: lexicon.keys, values: lexicon.values } };
  }
  return { kind: 'bloom', hashes: lexicon.hashes, arrays: { bits: lexicon.bits } };
}

/** The lexicon of stored arrays, or null when they do not fit together. */
export function restoreLexicon(stored: StoredLexicon): Lexicon | null {
  const { keys, values, bits } = stored.arrays;
  switch (stored.kind) {
    case 'set':
      return keys instanceof Uint32Array && HashIndex.isValid(keys) ? new HashedWordSet(keys) : null;
    case 'map':
      return keys instanceof Uint32Array &&
        HashIndex.isValid(keys) &&
        isValueArray(values) &&
        values.length === keys.length
        ? new HashedWordValues(keys, values)
        : null;
    case 'bloom': {
      const hashes = stored.hashes ?? 0;
      return bits instanceof Uint32Array &&
        bits.length > 0 &&
        Number.isInteger(hashes) &&
        hashes >= 1 &&
        hashes <= 32
        ? new BloomWordSet(bits, hashes)
        : null;
    }
    default:
      return null;
  }
}
