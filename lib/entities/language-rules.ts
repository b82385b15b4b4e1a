/**
 * Language rules on top of the statistical tagger, for the entity table:
 * - German genitive: "Nordkoreas" → "Nordkorea", "Putins" → "Putin" (only with evidence the base is a
 *   name: another mention, a gazetteer entry or a word the model knows).
 * - Demonyms and adjectives link to their place: "nordkoreanische" → Nordkorea, "russischen" → Russland,
 *   "Russian" → Russia.
 * - Compounds link their name part: "Ukraine-Krieges" → Ukraine, "Nordkorea-Russland" → both.
 */

/** Bases a German genitive form could come from: "Nordkoreas" → "Nordkorea"; "Bushs" → "Bush". */
export function genitiveBase(word: string, lang: string): string | null {
  if (lang !== 'de' || word.length < 4) return null;
  if (/[sS]['’]$/.test(word)) return word.slice(0, -1); // "Klaus’" → "Klaus"
  if (/[^sSxXzZß]s$/.test(word)) return word.slice(0, -1);
  return null;
}

/** Irregular adjectives and demonyms that no suffix rule derives. Lower-case adjective stem → place. */
const IRREGULAR: Record<string, Record<string, string>> = {
  de: {
    deutsch: 'Deutschland',
    französisch: 'Frankreich',
    österreichisch: 'Österreich',
    schweizerisch: 'Schweiz',
    niederländisch: 'Niederlande',
    britisch: 'Großbritannien',
    englisch: 'England',
    türkisch: 'Türkei',
    griechisch: 'Griechenland',
    chinesisch: 'China',
    japanisch: 'Japan',
    europäisch: 'Europa',
    israelisch: 'Israel',
    polnisch: 'Polen',
    dänisch: 'Dänemark',
    schwedisch: 'Schweden',
    norwegisch: 'Norwegen',
    finnisch: 'Finnland',
    spanisch: 'Spanien',
    italienisch: 'Italien',
    belarussisch: 'Belarus',
    syrisch: 'Syrien',
    iranisch: 'Iran',
    amerikanisch: 'Amerika',
    ungarisch: 'Ungarn',
    tschechisch: 'Tschechien',
    jemenitisch: 'Jemen',
  },
  en: {
    british: 'Britain',
    french: 'France',
    dutch: 'Netherlands',
    german: 'Germany',
    swiss: 'Switzerland',
    chinese: 'China',
    japanese: 'Japan',
    turkish: 'Turkey',
    greek: 'Greece',
    spanish: 'Spain',
    polish: 'Poland',
    israeli: 'Israel',
    american: 'America',
    european: 'Europe',
  },
};

const DE_ADJECTIVE_ENDINGS = /^(?:n|an|en|in|ä|)isch(?:e|en|er|es|em)?$/;
const EN_DEMONYM_ENDINGS = /^(?:n|an|ian|ean|ese|ish|i|s)$/;

/** Stems a place name's adjective may start with: "Russland" → "russ", "Ukraine" → "ukrain". */
function placeStems(place: string): string[] {
  const p = place.toLowerCase();
  const stems = new Set([p]);
  for (const ending of ['land', 'reich', 'ien', 'en', 'e', 'a']) {
    if (p.endsWith(ending) && p.length - ending.length >= 3) stems.add(p.slice(0, -ending.length));
  }
  return [...stems];
}

/**
 * A matcher from words to the places they are adjectives or demonyms of, among the given single-word
 * place names: "nordkoreanische" → "Nordkorea", "russischen" → "Russland", "Russian" → "Russia".
 */
export function demonymMatcher(
  places: readonly string[],
  lang: string,
): (word: string) => string | undefined {
  const endings = lang === 'de' ? DE_ADJECTIVE_ENDINGS : lang === 'en' ? EN_DEMONYM_ENDINGS : null;
  if (!endings) return () => undefined;
  const irregularEnding = lang === 'de' ? /^(?:e|en|er|es|em)?$/ : /^s?$/;
  const candidates: Array<{ stem: string; place: string; rest: RegExp }> = [];
  const single = places.filter((p) => !p.includes(' '));
  for (const [stem, target] of Object.entries(IRREGULAR[lang] ?? {})) {
    if (single.includes(target)) candidates.push({ stem, place: target, rest: irregularEnding });
  }
  for (const place of single) {
    for (const stem of placeStems(place)) candidates.push({ stem, place, rest: endings });
  }
  // By first letter, in list order: the table asks about every word of the article, and a word can
  // only start with a stem that starts with its own first letter.
  const byFirst = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const bucket = byFirst.get(c.stem[0]!);
    if (bucket) bucket.push(c);
    else byFirst.set(c.stem[0]!, [c]);
  }
  return (word) => {
    if (lang === 'en' && !/^\p{Lu}/u.test(word)) return undefined;
    const w = word.toLowerCase();
    if (lang === 'de' && w !== word && !w.includes('isch')) return undefined;
    for (const c of byFirst.get(w[0] ?? '') ?? []) {
      if (w.startsWith(c.stem) && c.rest.test(w.slice(c.stem.length))) return c.place;
    }
    return undefined;
  };
}

/** Whether `word` is an adjective or demonym of the single-word place `place`. */
export function isDemonymOf(word: string, place: string, lang: string): boolean {
  return demonymMatcher([place], lang)(word) === place;
}

/** Parts of a hyphenated compound with their offsets inside the word ("Ukraine-Krieges" → Ukraine at 0). */
export function compoundParts(word: string): Array<{ text: string; offset: number }> {
  if (!/[-‐‑]/.test(word)) return [];
  const parts: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const part of word.split(/[-‐‑]/)) {
    if (part) parts.push({ text: part, offset });
    offset += part.length + 1;
  }
  return parts;
}
