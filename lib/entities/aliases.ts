/**
 * One entity per name after the entity table (issue 14):
 * - an abbreviation defined in the text is the name it abbreviates: "World Health Organization (WHO)",
 *   „Bundeskriminalamt (BKA)" — every later "WHO"/"BKA" (also in "BKA-Präsident") is a mention of it;
 * - "US", "U.S.", "USA", "United States" (and „Vereinigte Staaten"), "UK", "Britain"… are one country;
 * - a bare surname tagged as a person joins a fuller name ending in it even when the tagger gave that
 *   a wrong kind ("Sofia Marquez" as a place, "Marquez" as a person), and the fuller name becomes a
 *   person when its first word is a given name;
 * - a one-word organisation that is the last word of exactly one longer organisation is its short
 *   name ("City" for "Manchester City", "Villa" for "Aston Villa", "Sachs" for "Goldman Sachs"); not a
 *   first word ("Apple" is not "Apple Watch", "Bristol" not "Bristol City Council");
 * - a single-word place that starts a longer place joined by a lower-case word ("Frankfurt" in
 *   "Frankfurt am Main") is that place.
 */
import { foldName } from '../text/fold.ts';
import type { Entity, EntityKind, Mention } from '../types.ts';

/** Mentions of `from` move to `into`; `from` is left empty (callers drop empty entities). */
export function mergeEntity(into: Entity, from: Entity): void {
  if (into === from) return;
  const seen = new Set(into.mentions.map((m) => `${m.start}:${m.end}`));
  const moved = from.mentions.filter((m) => !seen.has(`${m.start}:${m.end}`));
  if ((from.mentions[0]?.start ?? Infinity) < (into.mentions[0]?.start ?? Infinity)) {
    into.firstSentence = from.firstSentence;
  }
  setMentions(into, [...into.mentions, ...moved]);
  into.sentences = [...new Set([...into.sentences, ...from.sentences])];
  from.mentions = [];
  from.count = 0;
}

function setMentions(e: Entity, mentions: Mention[]): void {
  e.mentions = mentions.sort((a, b) => a.start - b.start);
  e.count = e.mentions.length;
  e.aliases = [...new Set(e.mentions.map((m) => m.text))].filter((t) => t !== e.name);
}

function withKind(e: Entity, kind: EntityKind): void {
  e.kind = kind;
  e.id = `${kind}:${e.id.slice(e.id.indexOf(':') + 1)}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether `abbr` can abbreviate `name`: same first letter, and its letters appear in order in the name
 * ("BKA" in "Bundeskriminalamt", "WHO" in "Weltgesundheitsorganisation"), case aside.
 */
export function abbreviates(abbr: string, name: string): boolean {
  const a = foldName(abbr).replace(/ /g, '');
  const n = foldName(name).replace(/ /g, '');
  if (a.length < 2 || a[0] !== n[0]) return false;
  let k = 0;
  for (const ch of n) if (ch === a[k]) k++;
  return k === a.length;
}

const DEFINITION = /^\s?\(\s?(\p{Lu}[\p{Lu}\p{N}.&]{1,7})\s?\)/u;

function mergeDefinedAbbreviations(entities: Entity[], text: string): void {
  const byName = new Map(entities.map((e) => [e.name, e]));
  for (const full of entities) {
    for (const m of [...full.mentions]) {
      const def = DEFINITION.exec(text.slice(m.end, m.end + 14));
      if (!def) continue;
      const abbr = def[1]!;
      if (!abbreviates(abbr, full.name) || abbr === full.name) continue;
      const tagged = byName.get(abbr);
      if (tagged && tagged !== full) mergeEntity(full, tagged);
      // Every other use of the abbreviation, also inside a compound ("BKA-Präsident"), is a mention.
      const taken = entities.flatMap((e) => e.mentions);
      const extra: Mention[] = [];
      for (const hit of text.matchAll(
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(abbr)}(?![\\p{L}\\p{N}])`, 'gu'),
      )) {
        const start = hit.index ?? 0;
        const end = start + abbr.length;
        if (!taken.some((t) => start < t.end && end > t.start)) extra.push({ start, end, text: abbr });
      }
      if (extra.length > 0) setMentions(full, [...full.mentions, ...extra]);
      break;
    }
  }
}

/** Spellings of one country; the first is the canonical name. Folded (foldName) when compared. */
const COUNTRY_SPELLINGS: Record<string, readonly string[][]> = {
  en: [
    ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America'],
    ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
  ],
  de: [
    ['USA', 'US', 'U.S.A.', 'Vereinigte Staaten', 'Vereinigten Staaten', 'Vereinigte Staaten von Amerika'],
    ['Großbritannien', 'Vereinigtes Königreich', 'Vereinigten Königreich', 'UK'],
  ],
};

function mergeCountrySpellings(entities: Entity[], lang: string): void {
  for (const spellings of COUNTRY_SPELLINGS[lang] ?? []) {
    const keys = new Set(spellings.map(foldName));
    const same = entities.filter((e) => e.mentions.length > 0 && keys.has(foldName(e.name)));
    if (same.length === 0) continue;
    const into = same.find((e) => foldName(e.name) === foldName(spellings[0]!)) ?? same[0]!;
    for (const other of same) mergeEntity(into, other);
    if (into.kind !== 'place') withKind(into, 'place');
  }
}

function mergeSurnames(entities: Entity[], isGivenName: (w: string) => boolean): void {
  for (const bare of entities) {
    if (bare.kind !== 'person' || bare.name.includes(' ') || bare.mentions.length === 0) continue;
    const key = foldName(bare.name);
    const fuller = entities.filter(
      (e) =>
        e !== bare && e.mentions.length > 0 && e.name.includes(' ') && foldName(e.name).endsWith(` ${key}`),
    );
    if (fuller.length !== 1) continue;
    const into = fuller[0]!;
    if (into.kind !== 'person' && isGivenName(into.name.split(' ')[0]!)) withKind(into, 'person');
    if (into.kind === 'person') mergeEntity(into, bare);
  }
}

function mergeOrganisationShortNames(entities: Entity[]): void {
  for (const short of entities) {
    if (short.kind !== 'organization' || short.name.includes(' ') || short.mentions.length === 0) continue;
    const key = foldName(short.name);
    const longer = entities.filter(
      (e) =>
        e !== short &&
        e.kind === 'organization' &&
        e.mentions.length > 0 &&
        foldName(e.name).endsWith(` ${key}`),
    );
    if (longer.length === 1) mergeEntity(longer[0]!, short);
  }
}

function mergePlaceHeads(entities: Entity[]): void {
  for (const head of entities) {
    if (head.kind !== 'place' || head.name.includes(' ') || head.mentions.length === 0) continue;
    const into = entities.find(
      (e) =>
        e !== head &&
        e.kind === 'place' &&
        e.mentions.length > 0 &&
        /^\S+ \p{Ll}/u.test(e.name) &&
        e.name.startsWith(`${head.name} `),
    );
    if (into) mergeEntity(into, head);
  }
}

/** The merges above, in order; entities left without mentions are dropped. */
export function resolveAliases(
  entities: Entity[],
  context: { text: string; lang: string; isGivenName?: (word: string) => boolean },
): Entity[] {
  mergeDefinedAbbreviations(entities, context.text);
  mergeCountrySpellings(entities, context.lang);
  mergeSurnames(entities, context.isGivenName ?? (() => false));
  mergeOrganisationShortNames(entities);
  mergePlaceHeads(entities);
  return entities.filter((e) => e.mentions.length > 0);
}
