/**
 * Sentence splitting on Intl.Segmenter, with the abbreviation handling ICU's segmenter lacks in
 * Node and browsers (no suppression lists): "z. B.", "Dr.", "U.S.", "Nr.", ordinal dates
 * ("am 3. Oktober") and initials ("J. R. R. Tolkien") do not end a sentence.
 */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Abbreviations (without the final dot, lower-cased) after which a capitalised word rarely starts a
 * sentence. Number abbreviations ("Nr. 5", "No. 5") need no entry: the segmenter never splits
 * before a digit.
 */
const ABBREVIATIONS: Record<string, ReadonlySet<string>> = {
  de: new Set(
    (
      'z b bzw ca dr prof st hr fr vgl ggf inkl evtl bspw mio mrd jh str tel usw ' +
      'u a d h o ä sog etc gen sen dipl ing med jur phil rer nat zit ff zb ua dh ' +
      'jan feb febr apr aug sept sep okt nov dez'
    ) // "am 3. Jan. Kiew" is rare; "Jan. 2025" is not
      .split(' '),
  ),
  en: new Set(
    (
      'mr mrs ms dr prof jr sr st gen sen rep gov lt col sgt capt cpl maj adm cmdr rev hon pres supt det ' +
      'vs etc inc corp ltd co bros mt ft approx dept est e g ie eg al ' +
      'jan feb mar apr jun jul aug sep sept oct nov dec'
    ).split(' '),
  ),
};

const MONTHS =
  /^(Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December)\b/;

/** Words that typically start an English sentence; after "U.S." they mean the acronym did end one. */
const SENTENCE_STARTERS = new Set(
  'The A An He She It They We I You This That These Those But And Or So Yet In On At For If When While After Before His Her Their Its Our There Here As'.split(
    ' ',
  ),
);

function abbreviationsFor(lang: string): ReadonlySet<string> {
  const base = lang.slice(0, 2).toLowerCase();
  return ABBREVIATIONS[base] ?? new Set([...(ABBREVIATIONS.en ?? []), ...(ABBREVIATIONS.de ?? [])]);
}

/**
 * True when the segment `left` ends with a dot that does not end a sentence, judged by the next
 * segment `right`.
 */
function endsInsideSentence(left: string, right: string, abbreviations: ReadonlySet<string>): boolean {
  const trimmed = left.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const nextWord = right.trimStart().match(/^[^\s]+/)?.[0] ?? '';
  if (!nextWord) return false;
  // "…“ sagte er." and similar lower-case continuations: ICU already keeps these, but be safe.
  if (/^[\p{Ll}]/u.test(nextWord)) return true;
  const lastToken = trimmed.match(/(?:^|[\s(„"“‚'‘»«])([^\s(„"“‚'‘»«]+)$/u)?.[1] ?? trimmed;
  const word = lastToken.slice(0, -1);
  // Dotted acronyms: "U.S.", "U.K.", "z.B.", "i.e."
  // Length first: the repeated group overflows Firefox's regex backtracking on a pathological "a.a.a.…".
  if (word.length <= 15 && /^(\p{L}\.)+\p{L}$/u.test(word)) {
    if (word.length <= 3 && /^\p{Ll}/u.test(word)) return true; // z.B., u.a., i.e.
    return !SENTENCE_STARTERS.has(nextWord.replace(/[^\p{L}]/gu, ''));
  }
  // Initials: "J. R. R. Tolkien", "M. Krause"
  if (/^\p{Lu}$/u.test(word) && /^\p{Lu}/u.test(nextWord)) return true;
  if (abbreviations.has(word.toLowerCase())) return true;
  // Ordinal dates: "am 3. Oktober", "vom 24. Februar 2022"
  if (/^\d{1,2}$/.test(word) && MONTHS.test(nextWord)) return true;
  return false;
}

/**
 * One segmenter per locale, reused: a segmenter holds no per-text state, and constructing one per call
 * (per block of an article) cost about 0.1 ms each once ICU is up.
 */
const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(lang: string): Intl.Segmenter {
  const locale = lang === 'und' || !lang ? undefined : lang;
  const key = locale ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/**
 * Pays the one-time set-up of the first Intl.Segmenter (ICU's sentence rules: about 20 ms in Node, 25 ms
 * in a fresh Chromium worker; later segmenters, any locale, cost about 0.1 ms), so a caller can do it
 * while it waits for something else.
 */
export function prepareSentenceSplitter(): void {
  sentenceSegmenter('und');
}

export function splitSentences(text: string, lang: string): SentenceSpan[] {
  const abbreviations = abbreviationsFor(lang);
  const raw: Array<{ segment: string; index: number }> = [];
  for (const { segment, index } of sentenceSegmenter(lang).segment(text)) raw.push({ segment, index });

  // Merge segments that the segmenter split after an abbreviation.
  const merged: Array<{ segment: string; index: number }> = [];
  for (const piece of raw) {
    const previous = merged[merged.length - 1];
    if (previous && endsInsideSentence(previous.segment, piece.segment, abbreviations)) {
      // Never merge across a paragraph break.
      if (!/\n\s*\n/.test(previous.segment)) {
        previous.segment += piece.segment;
        continue;
      }
    }
    merged.push(piece); // raw's objects are this call's own copies: merging may extend them
  }

  const spans: SentenceSpan[] = [];
  for (const { segment, index } of merged) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    spans.push({ text: trimmed, start: index + leading, end: index + leading + trimmed.length });
  }
  return spans;
}
