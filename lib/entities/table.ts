/**
 * The entity table of an article: tagged mentions grouped into entities with a canonical name (the
 * fullest mention: "Kim" → "Kim Jong Un", "Nordkoreas" → "Nordkorea"), counts, aliases and sentences.
 */
import { foldCase, foldName } from '../text/fold.ts';
import type { Token } from '../text/tokens.ts';
import type { Entity, EntityKind, Mention } from '../types.ts';
import { compoundParts, demonymMatcher, genitiveBase } from './language-rules.ts';
import {
  dropCovered,
  extendOverParticles,
  extendOverPlacePrefix,
  isPlacePrefix,
  joinFirmPairs,
  joinOrganisationParts,
  nameKey,
  nominativeScore,
  stripLeadingTitle,
  stripOpeningArticle,
  stripOpeningWord,
  stripPostNominal,
} from './name-spans.ts';

export interface RawMention {
  start: number;
  end: number;
  text: string;
  kind: EntityKind;
  sentence: number;
  /**
   * A common noun follows that the mention owns ("Putins Drohnenangriffe"): a German genitive
   * before its noun, which only names take, so the mention is a genitive.
   */
  ownsNext?: boolean;
}

/**
 * The sentence a card shows as the entity's first mention: the first one outside a photo caption when
 * there is one (a caption sits above the article's first paragraph but is not where the story names it).
 */
function firstReadSentence(
  mentions: ReadonlyArray<{ sentence: number }>,
  captionSentences: ReadonlySet<number> | undefined,
): number {
  const first = mentions[0]!.sentence;
  if (!captionSentences?.has(first)) return first;
  return mentions.find((m) => !captionSentences.has(m.sentence))?.sentence ?? first;
}

export interface TableInput {
  text: string;
  lang: string;
  mentions: RawMention[];
  /** Sentence texts by index (RawMention.sentence). */
  sentences: string[];
  /** Indexes into `sentences` of sentences read from photo captions. */
  captionSentences?: ReadonlySet<number>;
  /** Tokens of the article with their sentence index, for demonym and compound links. */
  tokens: Array<Token & { sentence: number }>;
  /** Whether a word is known as a name (gazetteer or model vocabulary); used for genitives. */
  isKnownName: (word: string) => boolean;
  /** The gazetteer's kind of a name, when it lists it. */
  gazetteerKind?: (name: string) => EntityKind | undefined;
  /** Whether a capitalised word is a known common noun (German nouns are capitalised). */
  isCommonNoun?: (word: string) => boolean;
  /** Whether a word is a known given name ("Jonas" is not the genitive of "Jona"). */
  isGivenName?: (word: string) => boolean;
}

interface Group {
  name: string;
  /** Canonical names of the group's mentions with their counts (case forms of one German name). */
  names: Map<string, number>;
  kinds: Map<EntityKind, number>;
  mentions: Array<Mention & { sentence: number }>;
}

export function buildEntityTable(input: TableInput): Entity[] {
  const { lang } = input;
  // 0. A hyphenated compound tagged as one name is cut to its name parts: "Nordkorea-Russland" →
  //    Nordkorea, Russland; "Ukraine-Krieges" → Ukraine (GermEval calls the compound a -part, not a
  //    name). "Baden-Württemberg" is known whole and stays. Adjacent places tagged as one name split
  //    too ("soll Pjöngjang Moskau … versorgen").
  const mentions: RawMention[] = [];
  const known = (word: string) => input.isKnownName(word);
  const kindOf = (name: string, fallback: EntityKind) => input.gazetteerKind?.(name) ?? fallback;
  // Names kept whole: particles ("Ursula von der Leyen"), titles off ("Justice Eleanor Marsh").
  const whole = dropCovered(
    extendOverPlacePrefix(
      extendOverParticles(
        joinOrganisationParts(
          joinFirmPairs(input.mentions, input.text),
          input.text,
          (w) => input.gazetteerKind?.(w) === 'place',
        ),
        input.tokens,
        input.text,
        input.isCommonNoun,
      ),
      input.tokens,
      input.text,
    ).map((m) =>
      stripOpeningArticle(
        stripOpeningWord(stripPostNominal(stripLeadingTitle(m)), input.text, input.isGivenName),
        input.text,
      ),
    ),
  );
  for (const m of whole) {
    const parts = m.text.includes(' ') ? [] : compoundParts(m.text);
    const knownParts = parts.filter((p) => /^\p{Lu}/u.test(p.text) && known(p.text));
    const words = m.text.split(' ');
    if (parts.length > 1 && !known(m.text) && knownParts.length > 0) {
      for (const p of knownParts) {
        const start = m.start + p.offset;
        mentions.push({
          ...m,
          kind: kindOf(p.text, m.kind),
          start,
          end: start + p.text.length,
          text: p.text,
        });
      }
    } else if (
      words.length > 1 &&
      !known(m.text) &&
      !isPlacePrefix(words[0]!) &&
      words.every((w) => input.gazetteerKind?.(w) === 'place') &&
      m.text === words.join(' ')
    ) {
      let offset = 0;
      for (const w of words) {
        const start = m.start + offset;
        mentions.push({ ...m, kind: 'place', start, end: start + w.length, text: w });
        offset += w.length + 1;
      }
    } else {
      mentions.push(m);
    }
  }
  mentions.push(...missedFullNames(mentions, input));
  const surfaceNames = new Set(mentions.map((m) => m.text));

  // German: a name in the genitive followed by a common noun inside one mention is cut after the
  // genitive ("Putins Drohnenangriffe" → "Putins") when its base is named elsewhere.
  if (lang === 'de') {
    for (let i = 0; i < mentions.length; i++) {
      const m = mentions[i]!;
      const words = m.text.split(' ');
      if (words.length < 2) continue;
      const base = genitiveBase(words[0]!, lang);
      if (m.kind === 'person' && input.isGivenName?.(words[0]!)) continue;
      if (base && (surfaceNames.has(base) || known(base))) {
        mentions[i] = { ...m, end: m.start + words[0]!.length, text: words[0]! };
      }
    }
  }

  // 1. Canonical form of each mention: the genitive base when there is evidence for it.
  const canonicalOf = (m: RawMention): string => {
    const words = m.text.split(' ');
    const last = words[words.length - 1]!;
    const base = genitiveBase(last, lang);
    if (!base) return m.text;
    const candidate = [...words.slice(0, -1), base].join(' ');
    // A person's name before the noun it owns is a genitive without any other evidence. A place's is
    // not trusted: "Paris Bürgermeisterin" (a slip for "Paris’") must not make "Pari".
    if (m.ownsNext && m.kind === 'person') return candidate;
    return surfaceNames.has(candidate) || input.isKnownName(candidate) ? candidate : m.text;
  };
  const canonical = mentions.map(canonicalOf);

  // 2. Person names: a shorter person mention whose words are the start or end of a fuller one
  //    ("Kim", "Kim Jong", "Jong Un") takes the fullest such name. When two fullest names share the
  //    words (father and son, "Werner Haller" and "Thomas Haller"), the bare "Haller" goes to the one
  //    named last before it (the first named after it when none is before), not the most frequent.
  const fullStarts = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    if (m.kind !== 'person') return;
    const starts = fullStarts.get(canonical[i]!) ?? [];
    starts.push(m.start);
    fullStarts.set(canonical[i]!, starts);
  });
  const personNames = [...fullStarts.keys()];
  /** How close the name's nearest mention before `at` is (lower is nearer; after `at` ranks last). */
  const distance = (name: string, at: number): number => {
    const starts = fullStarts.get(name) ?? [];
    const before = starts.filter((s) => s < at);
    if (before.length > 0) return at - Math.max(...before);
    return Number.MAX_SAFE_INTEGER / 2 + (Math.min(...starts) - at);
  };
  // Each name's folded words, folded once: every mention is compared with every person name.
  const folded = new Map<string, string[]>();
  const foldedWords = (name: string): string[] => {
    let words = folded.get(name);
    if (!words) {
      words = foldName(name).split(' ');
      folded.set(name, words);
    }
    return words;
  };
  const fullerPerson = (name: string, at: number): string => {
    const words = foldedWords(name);
    let best = name;
    for (const other of personNames) {
      const ow = foldedWords(other);
      if (ow.length <= words.length) continue;
      const prefix = words.every((w, k) => ow[k] === w);
      const suffix = words.every((w, k) => ow[ow.length - words.length + k] === w);
      if (!prefix && !suffix) continue;
      const bw = best.split(' ').length;
      if (ow.length > bw || (ow.length === bw && distance(other, at) < distance(best, at))) best = other;
    }
    return best;
  };

  const groups = new Map<string, Group>();
  mentions.forEach((m, i) => {
    let name = canonical[i]!;
    // Any single-word or partial mention of a known person joins that person, whatever its own tag.
    const fuller = fullerPerson(name, m.start);
    const kind: EntityKind = fuller !== name ? 'person' : m.kind;
    name = fuller;
    const key = nameKey(name, lang, foldName);
    const group: Group = groups.get(key) ?? { name, names: new Map(), kinds: new Map(), mentions: [] };
    group.names.set(name, (group.names.get(name) ?? 0) + 1);
    group.kinds.set(kind, (group.kinds.get(kind) ?? 0) + 1);
    group.mentions.push({ start: m.start, end: m.end, text: m.text, sentence: m.sentence });
    groups.set(key, group);
  });

  // The name of a group: a form as the text writes it in running prose over one in capitals ("Brussels"
  // over the dateline's "BRUSSELS"), then its most nominative form („Deutsche Bahn" over „Deutschen
  // Bahn"), then the most frequent, then the first.
  const inCapitals = (name: string) => (/\p{Ll}/u.test(name) ? 0 : 1);
  for (const g of groups.values()) {
    let best = g.name;
    for (const [name, n] of g.names) {
      const c = inCapitals(best) - inCapitals(name);
      const d = nominativeScore(name, lang) - nominativeScore(best, lang);
      if (c > 0 || (c === 0 && (d > 0 || (d === 0 && n > (g.names.get(best) ?? 0))))) best = name;
    }
    g.name = best;
  }

  // 3. Demonyms and compounds link to places (and compounds to any entity) already in the table.
  //    Demonyms and adjectives ("Kenyan", "Americans", „nordkoreanische") are never entities of their
  //    own (the tagger's MISC and -deriv classes keep them out of the spans): when their country is in
  //    the table they count as a mention of it and are painted as it; otherwise they are left alone.
  const taken = new Set(mentions.map((m) => `${m.start}:${m.end}`));
  const overlapsMention = coverageOf(mentions);
  const places = new Map(
    [...groups.values()].filter((g) => majorityKind(g) === 'place').map((g) => [g.name, g]),
  );
  const demonymOf = demonymMatcher([...places.keys()], lang);
  const byName = new Map<string, Group>();
  for (const g of groups.values()) {
    byName.set(foldCase(g.name), g);
    for (const m of g.mentions) byName.set(foldCase(m.text), g);
  }
  for (const token of input.tokens) {
    if (overlapsMention(token.start, token.end)) continue;
    const parts = compoundParts(token.text);
    if (parts.length > 1) {
      for (const part of parts) {
        const base = genitiveBase(part.text, lang);
        const g = byName.get(foldCase(part.text)) ?? (base ? byName.get(foldCase(base)) : undefined);
        const start = token.start + part.offset;
        const end = start + part.text.length;
        if (g && !taken.has(`${start}:${end}`)) {
          g.mentions.push({ start, end, text: part.text, sentence: token.sentence });
          taken.add(`${start}:${end}`);
        }
      }
      continue;
    }
    if (!/^\p{L}{4,}$/u.test(token.text)) continue;
    const placeName = demonymOf(token.text);
    const place = placeName ? places.get(placeName) : undefined;
    if (place)
      place.mentions.push({ start: token.start, end: token.end, text: token.text, sentence: token.sentence });
  }

  // 4. Entities.
  const entities: Entity[] = [];
  for (const g of groups.values()) {
    g.mentions.sort((a, b) => a.start - b.start);
    const kind = majorityKind(g);
    const aliases = [...new Set(g.mentions.map((m) => m.text))].filter((t) => t !== g.name);
    const sentenceIds = [...new Set(g.mentions.map((m) => m.sentence))];
    entities.push({
      id: `${kind}:${foldCase(g.name)}`,
      name: g.name,
      kind,
      count: g.mentions.length,
      aliases,
      firstSentence: input.sentences[firstReadSentence(g.mentions, input.captionSentences)] ?? '',
      sentences: sentenceIds.map((s) => input.sentences[s] ?? ''),
      mentions: g.mentions.map(({ start, end, text }) => ({ start, end, text })),
    });
  }
  entities.sort((a, b) => b.count - a.count || a.mentions[0]!.start - b.mentions[0]!.start);
  return entities;
}

/**
 * Full names the tagger missed where the article introduces the person but whose surname it tagged
 * later („Lehrerin Martina Hoch“ untagged, then „Hoch“ a person): the first untagged „given name +
 * surname“ written before the surname's first tagged mention is a person mention too, so the surname
 * groups under the full name (issue 15: a speaker's name is never a fragment).
 */
function missedFullNames(mentions: readonly RawMention[], input: TableInput): RawMention[] {
  if (!input.isGivenName) return [];
  const covered = coverageOf(mentions);
  const named = new Set(
    mentions.filter((m) => m.kind === 'person' && m.text.includes(' ')).map((m) => m.text.split(' ').at(-1)),
  );
  const found: RawMention[] = [];
  for (const m of mentions) {
    if (m.kind !== 'person' || !/^\p{Lu}\p{Ll}+$/u.test(m.text) || named.has(m.text)) continue;
    named.add(m.text);
    const { tokens } = input;
    for (let k = 1; k < tokens.length && tokens[k]!.start < m.start; k++) {
      const given = tokens[k - 1]!;
      const surname = tokens[k]!;
      if (surname.text !== m.text || given.sentence !== surname.sentence) continue;
      if (given.end + 1 !== surname.start || !input.isGivenName(given.text)) continue;
      if (covered(given.start, surname.end)) continue;
      const text = input.text.slice(given.start, surname.end);
      found.push({ start: given.start, end: surname.end, text, kind: 'person', sentence: given.sentence });
      break;
    }
  }
  return found;
}

/**
 * Whether a range [start, end) overlaps any of the mentions: a binary search over the text the
 * mentions cover, as sorted disjoint ranges (every token of the article asks).
 */
function coverageOf(mentions: readonly RawMention[]): (start: number, end: number) => boolean {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of sorted) {
    const last = ends.length - 1;
    if (last >= 0 && m.start <= ends[last]!) ends[last] = Math.max(ends[last]!, m.end);
    else {
      starts.push(m.start);
      ends.push(m.end);
    }
  }
  return (start, end) => {
    // The last covered range that starts before `end`: the ranges before it end before it starts, so
    // [start, end) overlaps one of them only if it overlaps this one too.
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && start < ends[found]!;
  };
}

function majorityKind(g: Group): EntityKind {
  let best: EntityKind = 'person';
  let bestCount = -1;
  for (const [kind, count] of g.kinds) {
    if (count > bestCount) {
      best = kind;
      bestCount = count;
    }
  }
  return best;
}
