/**
 * Multi-token gazetteer lookup: lists of names (countries, cities, organisations…) matched as whole
 * token sequences, longest match first. The tagger uses matches as features (it learns how far to trust
 * them); the entity table uses them to canonicalise genitives ("Nordkoreas" → "Nordkorea").
 */

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

export class Gazetteer {
  /** Key: the first token; value: entries starting with it as token arrays with their kind. */
  private readonly byFirst = new Map<string, Array<{ tokens: string[]; kind: GazetteerKind }>>();
  private readonly single = new Map<string, GazetteerKind>();

  constructor(lists: GazetteerLists) {
    for (const kind of ['PER', 'ORG', 'LOC'] as const) {
      for (const name of lists[kind] ?? []) {
        if (!name.includes(' ')) {
          // Later kinds win for single words: a country name is a place before it is anything else.
          if (name) this.single.set(name, kind);
          continue;
        }
        const tokens = name.split(' ').filter(Boolean);
        if (tokens.length === 1) {
          this.single.set(tokens[0]!, kind);
          continue;
        }
        const list = this.byFirst.get(tokens[0]!) ?? [];
        list.push({ tokens, kind });
        this.byFirst.set(tokens[0]!, list);
      }
    }
    for (const list of this.byFirst.values()) {
      if (list.length > 1) list.sort((a, b) => b.tokens.length - a.tokens.length);
    }
  }

  /** The kind of a single-token entry, if any. */
  kindOf(word: string): GazetteerKind | undefined {
    return this.single.get(word);
  }

  /** Longest-match annotation of a token sequence; undefined where no entry covers a token. */
  annotate(tokens: readonly string[]): Array<GazetteerMatch | undefined> {
    const out: Array<GazetteerMatch | undefined> = new Array(tokens.length).fill(undefined);
    let i = 0;
    while (i < tokens.length) {
      const word = tokens[i]!;
      let matched = 0;
      let kind: GazetteerKind | undefined;
      for (const entry of this.byFirst.get(word) ?? []) {
        const n = entry.tokens.length;
        if (i + n > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (tokens[i + k] !== entry.tokens[k]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = n;
          kind = entry.kind;
          break;
        }
      }
      if (!matched) {
        kind = this.single.get(word);
        if (kind) matched = 1;
      }
      if (matched && kind) {
        for (let k = 0; k < matched; k++) out[i + k] = { kind, position: k === 0 ? 'B' : 'I' };
        i += matched;
      } else {
        i += 1;
      }
    }
    return out;
  }
}
