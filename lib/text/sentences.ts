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

/**
 * How much of a sentence's end the abbreviation check reads: the last word and the whitespace after it.
 * A longer word is no abbreviation.
 */
const MERGE_TAIL = 64;

const PARAGRAPH_BREAK = /\n\s*\n/;

/**
 * The segmenter is handed text in windows of this many characters. V8's Intl.Segmenter gets slower per
 * segment as its input grows (quadratic overall: 5 s for a 130 KB paragraph, 54 s for 530 KB, in Node
 * 24), so a long text is segmented window by window; a window's last segment may be cut off by the
 * window's end, so the next window starts where that segment starts.
 */
const SEGMENT_WINDOW = 4096;

function segmentInWindows(
  segmenter: Intl.Segmenter,
  text: string,
): Array<{ segment: string; index: number }> {
  const out: Array<{ segment: string; index: number }> = [];
  let start = 0;
  while (start < text.length) {
    const end = Math.min(start + SEGMENT_WINDOW, text.length);
    const window: Array<{ segment: string; index: number }> = [];
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) {
      window.push({ segment, index: start + index });
    }
    const last = window.at(-1);
    if (end === text.length || !last || window.length === 1) {
      // The end of the text, or one "sentence" longer than a window: it is cut at the window's end.
      out.push(...window);
      start = end;
    } else {
      window.pop();
      out.push(...window);
      start = last.index;
    }
  }
  return out;
}

export function splitSentences(text: string, lang: string): SentenceSpan[] {
  const abbreviations = abbreviationsFor(lang);
  const raw = segmentInWindows(sentenceSegmenter(lang), text);

  // Merge segments that the segmenter split after an abbreviation. A merged sentence keeps its parts
  // and only a short tail for the abbreviation check: growing one string and re-reading it whole at every
  // merge is quadratic ("z. B. z. B. …" repeated: 1 s for 40,000 characters).
  const merged: Array<{ parts: string[]; index: number; tail: string; paragraphBreak: boolean }> = [];
  for (const { segment, index } of raw) {
    const previous = merged[merged.length - 1];
    // Never merge across a paragraph break.
    if (previous && !previous.paragraphBreak && endsInsideSentence(previous.tail, segment, abbreviations)) {
      previous.parts.push(segment);
      previous.tail = (previous.tail + segment).slice(-MERGE_TAIL);
      // The tail also sees a break that straddles the joint just made.
      previous.paragraphBreak = PARAGRAPH_BREAK.test(segment) || PARAGRAPH_BREAK.test(previous.tail);
      continue;
    }
    merged.push({
      parts: [segment],
      index,
      tail: segment.slice(-MERGE_TAIL),
      paragraphBreak: PARAGRAPH_BREAK.test(segment),
    });
  }

  const spans: SentenceSpan[] = [];
  for (const { parts, index } of merged) {
    const segment = parts.length === 1 ? parts[0]! : parts.join('');
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    spans.push({ text: trimmed, start: index + leading, end: index + leading + trimmed.length });
  }
  return spans;
}

/** What ends right before a word that opens a sentence or a line: a full stop (and a closing quote) and space, a line break, or the text's start. */
const OPENING_BEFORE = /(?:^|[.!?…]["”’]?\s+|\n\s*)$/u;

/** Whether the word starting at `at` opens a sentence or a line of `text` (its capital says nothing then). */
export function opensSentence(text: string, at: number): boolean {
  return OPENING_BEFORE.test(text.slice(Math.max(0, at - 4), at));
}
