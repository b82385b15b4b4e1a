/**
 * Language identification for article text and normalisation of markup language tags. Text detection
 * uses franc-min's trigram model (ISO 639-3 codes), restricted to the languages Kontext has a use for
 * and mapped to ISO 639-1, which is what the rest of Kontext (Analysis.lang, Intl APIs) speaks.
 */
import { francAll } from 'franc-min';
import type { LangSource } from '../types.ts';

/**
 * franc-min's ISO 639-3 codes that we accept, with their ISO 639-1 code. Restricting the candidates
 * matters: near-identical languages (Bosnian/Serbian vs Croatian, Malay vs Indonesian, the many small
 * Latin-script languages) would otherwise win on short texts; we keep one representative of each group.
 */
const FRANC_TO_ISO_639_1: Readonly<Record<string, string>> = {
  // Latin script
  deu: 'de',
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  ces: 'cs',
  swe: 'sv',
  tur: 'tr',
  ron: 'ro',
  hun: 'hu',
  hrv: 'hr',
  ind: 'id',
  vie: 'vi',
  // Cyrillic
  rus: 'ru',
  ukr: 'uk',
  bul: 'bg',
  // Scripts with one language in franc-min (decided by script alone)
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  ell: 'el',
  tha: 'th',
  // Arabic and Devanagari scripts
  arb: 'ar',
  pes: 'fa',
  urd: 'ur',
  hin: 'hi',
};

const CANDIDATES = Object.keys(FRANC_TO_ISO_639_1);

/** Below this many letters a trigram profile is noise: "Ja, genau." says nothing reliable. */
const MIN_LETTERS = 25;

/** franc looks at no more than this many characters (its MAX_LENGTH). */
const FRANC_MAX_LENGTH = 2048;

/**
 * How far ahead of the runner-up the best language must be. franc scores the best language 1 and each
 * other one `1 - gap / (300 * length - bestDistance)`, where a trigram missing from a language's profile
 * costs 300. Its scores creep towards 1 as texts grow (distinct trigrams grow slower than length), so
 * we compare `(1 - runnerUpScore) * length` instead: roughly the gap counted in wholly unmatched
 * trigrams, which does not shrink with length. Measured on the real pages' paragraphs: clear cases sit
 * well above 5; Portuguese vs Spanish in one short paragraph, a Czech paragraph of English names, and
 * languages franc-min does not know (Danish, Finnish) sit around 2.5–3.5.
 */
const MIN_MARGIN = 5;

/**
 * URLs, e-mail addresses and digits carry no language signal but do add trigrams. An address is only
 * tried from a word's start (the lookbehind): tried from every position, `\S+@` rescans the rest of the
 * word each time, quadratic in a long run without spaces (1.2 s for 40,000 characters).
 */
const NOISE = /\bhttps?:\/\/\S+|\bwww\.\S+|(?<!\S)\S+@\S+\.\S+|[\p{N}_]+/gu;

/**
 * How much of a text the detector reads: franc reads only its first FRANC_MAX_LENGTH characters after
 * cleaning, and this leaves room for the noise that cleaning removes. Whole articles are passed in.
 */
const MAX_SAMPLE = FRANC_MAX_LENGTH * 8;

/**
 * A word that starts with a capital letter, with the lowercase name particles before it ("van der Berg",
 * "de Vries", "von Trotha"): those are part of the name too.
 */
const CAPITALISED =
  /(?<![\p{L}\p{M}])(?:(?:van|von|de|der|den|ter|ten|da|di|du|del|della|dos)\s+)*\p{Lu}[\p{L}\p{M}'’-]*/gu;

/**
 * ISO 639-1 code of the language `text` is written in, or null when the text is too short or the
 * detector cannot tell its two best candidates apart.
 */
export function detectLanguage(text: string): string | null {
  // Capitalised words are left out: names carry the language they come from, not the text's, and a
  // short English page about "Jan de Vries" and "Hendrik van den Broek" came out Dutch (issue 18).
  // The words left (function words, verbs, adjectives; German nouns aside) carry the text's language.
  const sample = text
    .slice(0, MAX_SAMPLE)
    .replace(NOISE, ' ')
    .replace(CAPITALISED, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;

  const ranked = francAll(sample, { only: CANDIDATES, minLength: 1 });
  const [best, runnerUp] = ranked;
  if (!best || best[0] === 'und') return null;
  const margin = runnerUp ? (1 - runnerUp[1]) * Math.min(sample.length, FRANC_MAX_LENGTH) : Infinity;
  if (margin < MIN_MARGIN) return null;
  return FRANC_TO_ISO_639_1[best[0]] ?? null;
}

/**
 * The page's language: its markup when present, unless the text detector confidently disagrees
 * (sites ship templates with a wrong `lang`, e.g. lang="en" on a French article). Chosen once per page,
 * in the text half (lib/analyze-extracted.ts): the content script ships no detector.
 */
export function chooseLanguage(
  markupLang: string | null | undefined,
  text: string,
): {
  lang: string;
  langSource: LangSource;
} {
  const fromMarkup = markupLang ? normalizeLangTag(markupLang) : null;
  const fromText = text.length >= 100 ? detectLanguage(text) : null;
  if (fromMarkup && (!fromText || fromText === fromMarkup)) return { lang: fromMarkup, langSource: 'markup' };
  if (fromText) return { lang: fromText, langSource: 'text' };
  if (fromMarkup) return { lang: fromMarkup, langSource: 'markup' };
  // A shorter text is still worth a guess: detectLanguage leaves names out (a short English page of
  // Dutch names came out Dutch when they counted) and is unsure when too few other words remain.
  const guess = text ? detectLanguage(text) : null;
  return guess ? { lang: guess, langSource: 'text' } : { lang: 'und', langSource: 'unknown' };
}

/** Three-letter codes that canonicalisation leaves as they are but that have an ISO 639-1 code. */
const THREE_LETTER_TO_ISO_639_1: Readonly<Record<string, string>> = { fil: 'tl' };

/**
 * The two-letter codes that name a language: ISO 639-1 and its withdrawn aliases (in, iw, ji, jw, mo, sh,
 * bh), as ICU's Intl.DisplayNames lists them. A list rather than DisplayNames itself: building that
 * object loads ICU's display-name data, which cost 20–30 ms in each fresh page (the content script's
 * extraction calls this once per page), and the list answers the same in every browser.
 */
const KNOWN_LANGUAGES: ReadonlySet<string> = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de ' +
    'dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ' +
    'ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ' +
    'ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa ' +
    'pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ' +
    'ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/**
 * The ISO 639-1 language of a markup tag (`<html lang>`, `Content-Language`, a CLI flag): 'de-DE' → 'de',
 * 'EN_us' → 'en', 'ger'/'deu' → 'de', 'iw' → 'he'. Null for junk, 'und', private-use tags and languages
 * without a two-letter code.
 */
export function normalizeLangTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const cleaned = tag.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(cleaned)) return null;

  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(cleaned)[0] ?? '';
  } catch {
    // Well-formed enough for our regex but not BCP 47 ("en-a"): fall back to the primary subtag.
    canonical = cleaned;
  }
  const primary = canonical.split('-')[0]?.toLowerCase() ?? '';
  const code = primary.length === 2 ? primary : THREE_LETTER_TO_ISO_639_1[primary];
  if (!code || code === 'und') return null;
  return KNOWN_LANGUAGES.has(code) ? code : null;
}
