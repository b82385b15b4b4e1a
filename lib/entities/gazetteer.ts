/**
 * Multi-token gazetteer lookup: lists of names (countries, cities, organisations…) matched as whole
 * token sequences, longest match first. The tagger uses matches as features (it learns how far to trust
 * them); the entity table uses them to canonicalise genitives ("Nordkoreas" → "Nordkorea").
 *
 * Names are stored by hash (see hashing.ts): `names` maps the hash of a name's tokens (joined by one
 * space) to its kind, `starts` maps the hash of a first token to the token count of its longest
 * multi-token name. Both are typed arrays in the model file.
 */
import { hashChar, hashChars, hashFinish, hashStart, wordHash } from './hashing.ts';
import { HashedWordValues } from './lexicon.ts';

export type GazetteerKind = 'LOC' | 'ORG' | 'PER';

export interface GazetteerLists {
  LOC?: string[];
  ORG?: string[];
  PER?: string[];
}

export interface GazetteerMatch {
  kind: GazetteerKind;
  /** Position of the token in the match: B for the first, I for the rest. */
  position: 'B' | 'I';
}

/** Kind codes as stored in the file (0 is never stored). */
const KIND_CODES: readonly GazetteerKind[] = ['PER', 'PER', 'ORG', 'LOC'];
const CODE: Record<GazetteerKind, number> = { PER: 1, ORG: 2, LOC: 3 };

/** Shared match objects: annotate allocates nothing per token. */
const MATCHES: ReadonlyArray<readonly [GazetteerMatch, GazetteerMatch]> = KIND_CODES.map((kind) => [
  Object.freeze({ kind, position: 'B' }),
  Object.freeze({ kind, position: 'I' }),
]);

const NAME_DOMAIN = 0xfff2;
const SPACE = 0x20;

/** Hash of a name given as tokens[from..to), the same as of the tokens joined by single spaces. */
function nameHash(tokens: readonly string[], from: number, to: number): number {
  let h = hashStart(NAME_DOMAIN);
  for (let k = from; k < to; k++) {
    if (k > from) h = hashChar(h, SPACE);
    h = hashChars(h, tokens[k]!);
  }
  return hashFinish(h);
}

export class Gazetteer {
  constructor(
    /** Name hash → kind code (1 PER, 2 ORG, 3 LOC). */
    readonly names: HashedWordValues,
    /** First-token word hash → token count of the longest multi-token name it starts (≥ 2). */
    readonly starts: HashedWordValues,
  ) {}

  /**
   * From name lists. Later kinds win for single words (a country name is a place before it is anything
   * else); for multi-token names the first kind listed (PER, ORG, LOC) wins.
   */
  static fromLists(lists: GazetteerLists): Gazetteer {
    const names = new Map<number, number>();
    const starts = new Map<number, number>();
    for (const kind of ['PER', 'ORG', 'LOC'] as const) {
      for (const name of lists[kind] ?? []) {
        const tokens = name.split(' ').filter(Boolean);
        if (tokens.length === 0) continue;
        const h = nameHash(tokens, 0, tokens.length);
        if (tokens.length === 1) {
          names.set(h, CODE[kind]);
          continue;
        }
        if (!names.has(h)) names.set(h, CODE[kind]);
        const first = wordHash(tokens[0]!);
        starts.set(first, Math.max(starts.get(first) ?? 0, tokens.length));
      }
    }
    return new Gazetteer(HashedWordValues.fromHashes(names), HashedWordValues.fromHashes(starts));
  }

  /** The kind of a single-token entry, if any. */
  kindOf(word: string): GazetteerKind | undefined {
    const code = this.names.getHash(nameHash([word], 0, 1));
    return code === undefined ? undefined : KIND_CODES[code];
  }

  /** Longest-match annotation of a token sequence; undefined where no entry covers a token. */
  annotate(tokens: readonly string[]): Array<GazetteerMatch | undefined> {
    const out: Array<GazetteerMatch | undefined> = new Array(tokens.length).fill(undefined);
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      let code: number | undefined;
      const longest = Math.min(this.starts.get(tokens[i]!) ?? 0, tokens.length - i);
      for (let n = longest; n >= 2 && !matched; n--) {
        code = this.names.getHash(nameHash(tokens, i, i + n));
        if (code !== undefined) matched = n;
      }
      if (!matched) {
        code = this.names.getHash(nameHash(tokens, i, i + 1));
        if (code !== undefined) matched = 1;
      }
      const match = code === undefined ? undefined : MATCHES[code];
      if (matched && match) {
        for (let k = 0; k < matched; k++) out[i + k] = match[k === 0 ? 0 : 1];
        i += matched;
      } else {
        i += 1;
      }
    }
    return out;
  }
}
