/**
 * Issue 15 gate: who said each quote, on the speaker gold set (tests/fixtures/speakers-gold: 211
 * written articles, 1207 hand-labelled quotes, 834 German and 373 English, run through `analyzeText`,
 * the CLI's text entry; and 11 real pages of ../shared/data/pages/readability, 76 quotes, run
 * through `analyzeDocument`; both with the NER model from public/models).
 *
 * The set is split by a stable hash of the article id: rules were tuned on the tune part only; the
 * held-out part (about 30 %) was never looked at while tuning and is the figure to trust. Floors sit
 * just under the measured figures (printed below), per language and part.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ArticleRun,
  articleText,
  formatScores,
  isHeldOut,
  runArticle,
  SPEAKERS_GOLD,
  type SpeakerScores,
  scoreSpeakers,
} from '../fixtures/speakers-gold/score.ts';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from '../support/shared-paths.ts';

interface Floors {
  recall: number;
  speakerAccuracy: number;
  endToEndF1: number;
}

const FLOORS: Record<string, Floors> = {
  // German tune part grew from 52 to 86 articles in round 8 (43 articles written for it; 34 fell to
  // tune, 9 to held out): 0.998 / 0.994 measured. Held out (27 → 36 articles) measured 0.854 / 0.852
  // (the original 27: 0.864 → 0.871; the 9 new ones: 0.769 before round 8's rules → 0.808).
  // Those figures were taken with the old German model. With the model that learns from Europeana and
  // LER (merged in the same round) the tune part measures 0.986 / 0.983 (the recogniser now misses or
  // cuts a few speakers' names: Isabelle Graw, Lisa-Marie Krause, „Reichardt" for Elke Reichardt) and
  // the held-out part 0.864 / 0.862, so the tune floor sat under the new figure. Span rules for a double
  // given name and a given name + surname tagged as a place, and a surname speaker taking the first
  // name written before it, bring the tune part back to 0.995 / 0.992 (held out unchanged, 0.864 / 0.862).
  // Round 10: 18 articles of new kinds (9 tune, 9 held out). Before its rules: tune 0.992 / 0.987 (95
  // articles), held out 0.855 / 0.854 (45); the new tune articles alone 0.957 / 0.936. After rules
  // found on the new tune articles and on probe sentences of general classes (verb stems, „wie X
  // sagte“, nationalities, the introducing sentence's subject, interviews, two candidates → unclear):
  // tune 0.996 / 0.991, held out 0.884 / 0.882 — floors just under.
  // Round 11: three classes from probe sentences (untagged organisations as speakers, the police and
  // other institutions — a spokesperson stays unnamed —, lower-case quoted clauses of 8+ words are
  // speech) and 4 articles with them (2 tune, 2 held out). Tune stays 0.996 / 0.991 (97 articles; the
  // two new tune articles had 2 of 9 speech quotes wrong after the class rules, none after two more),
  // held out 0.884 / 0.882 (47) — the floors stay where they were, just under.
  'de tune': { recall: 0.99, speakerAccuracy: 0.99, endToEndF1: 0.99 },
  'de held-out': { recall: 0.99, speakerAccuracy: 0.88, endToEndF1: 0.88 },
  // English tune part grew from 26 to 55 articles and pages (issue 15 rounds 2-5): its floors sit
  // under the figures on the larger part (0.977 / 0.973), not the smaller part's 0.990 / 0.981.
  'en tune': { recall: 0.99, speakerAccuracy: 0.97, endToEndF1: 0.97 },
  'en held-out': { recall: 0.99, speakerAccuracy: 0.91, endToEndF1: 0.91 },
};

const runs: ArticleRun[] = [];
const scores: Record<string, SpeakerScores> = {};

beforeAll(async () => {
  requireSharedDataInCi();
  // Without ../shared the real pages drop out (stated here, not silently); the written articles run.
  if (!hasSharedData) console.info(`real pages of the speaker gold set ${SKIP_NO_DATA}`);
  for (const article of SPEAKERS_GOLD) runs.push(await runArticle(article));
  for (const lang of ['de', 'en']) {
    for (const heldOut of [false, true]) {
      const label = `${lang} ${heldOut ? 'held-out' : 'tune'}`;
      scores[label] = scoreSpeakers(
        runs.filter((r) => r.article.lang === lang && isHeldOut(r.article) === heldOut),
      );
    }
  }
  // The real pages on their own too (inside the figures above, by the same split; not gated apart).
  const pages = scoreSpeakers(runs.filter((r) => r.article.page));
  console.info(
    [...Object.entries(scores), ['real pages', pages] as const]
      .map(([label, s]) => formatScores(label, s))
      .join('\n'),
  );
  // Tuning aid: KONTEXT_SPEAKERS_TUNE_ERRORS=1 prints the tune part's errors. Never the held-out
  // part's: reading them would turn it into tuning data.
  if (process.env.KONTEXT_SPEAKERS_TUNE_ERRORS) {
    for (const lang of ['de', 'en']) {
      console.info(`${lang} tune errors:\n  ${scores[`${lang} tune`]!.errors.join('\n  ')}`);
    }
  }
  // ~90 articles and pages through the whole pipeline: on a loaded machine this outlasts the default
  // 10 s hook limit. A limit against hangs, not a speed check (speed lives in `npm run bench`).
}, 120_000);

describe('speaker gold set', () => {
  it('has ≥ 300 quotes from ≥ 40 articles, about half German, with a held-out part', () => {
    const quotes = SPEAKERS_GOLD.flatMap((a) => a.quotes.map((q) => ({ ...q, lang: a.lang })));
    expect(quotes.length).toBeGreaterThanOrEqual(300);
    expect(SPEAKERS_GOLD.length).toBeGreaterThanOrEqual(40);
    expect(quotes.filter((q) => q.lang === 'de').length).toBeGreaterThanOrEqual(150);
    expect(new Set(SPEAKERS_GOLD.map((a) => a.id)).size).toBe(SPEAKERS_GOLD.length);
    for (const lang of ['de', 'en']) {
      const heldOut = SPEAKERS_GOLD.filter((a) => a.lang === lang && isHeldOut(a)).length;
      expect(heldOut).toBeGreaterThanOrEqual(5);
    }
  });

  it('labels only quotes that occur in their article', () => {
    for (const article of SPEAKERS_GOLD) {
      const text = articleText(article);
      for (const quote of article.quotes) {
        // Multi-paragraph quotes are joined by one space; their first words are in one paragraph.
        expect(text, article.id).toContain(quote.text.slice(0, 20));
      }
    }
  });

  it.each(Object.keys(FLOORS))(
    '%s: quote recall, speaker accuracy and end-to-end F1 above their floors',
    (label) => {
      const s = scores[label]!;
      const floor = FLOORS[label]!;
      const detail = `${formatScores(label, s)}\n  ${s.errors.join('\n  ')}`;
      expect(s.recall, detail).toBeGreaterThanOrEqual(floor.recall);
      expect(s.speakerAccuracy, detail).toBeGreaterThanOrEqual(floor.speakerAccuracy);
      expect(s.endToEndF1, detail).toBeGreaterThanOrEqual(floor.endToEndF1);
    },
  );
});
