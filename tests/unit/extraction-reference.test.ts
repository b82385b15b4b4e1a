/**
 * Extraction quality against an independent reference: known article texts (the demo and seed
 * articles in German, 6 CNN/DailyMail articles in English) are put into three realistic page layouts
 * with page furniture around them (tests/fixtures/reference-pages.ts), and Kontext's extracted text is
 * scored against the text that was put in, by word-level F1 (tests/support/token-f1.ts). Unlike
 * readability-pages.test.ts, whose expected output is Readability's own, a word of furniture kept or
 * a word of the article lost counts here.
 */
import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/index.ts';
import { loadCnnDm } from '../../lib/summary/evaluate.ts';
import { splitSentences } from '../../lib/text/sentences.ts';
import { type PlainArticle, parsePlainArticle, readSeedArticle } from '../fixtures/news-page.ts';
import { buildReferencePage, REFERENCE_LAYOUTS, referenceText } from '../fixtures/reference-pages.ts';
import { describeWithSharedData, ROOT, sharedPath } from '../support/shared-data.ts';
import { type TokenScores, tokenF1 } from '../support/token-f1.ts';

/** Floors a little below the measured figures (see the printed table), so a regression fails. */
const MIN_MEAN_F1 = 0.985; // measured 0.991 (P 0.983, R 1.000)
const MIN_PAGE_F1 = 0.95; // lowest measured 0.979

/** A CNN/DailyMail article (one line of text) as a plain article: paragraphs of three sentences. */
function cnnDmArticle(text: string, reference: string): PlainArticle {
  const sentences = splitSentences(text, 'en').map((s) => s.text);
  const blocks: PlainArticle['blocks'] = [];
  for (let i = 0; i < sentences.length; i += 3)
    blocks.push({ kind: 'paragraph', text: sentences.slice(i, i + 3).join(' ') });
  const title = reference.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
  return { title, blocks, relatedHeading: null, related: [], pingback: null };
}

/** The demo article without its "Weiterführende Analysen" list and pingback (those are not article text). */
function demoArticle(): PlainArticle {
  return parsePlainArticle(readFileSync(`${ROOT}/demo/article-de.txt`, 'utf8'));
}

interface ReferenceRun {
  name: string;
  scores: TokenScores;
}

describeWithSharedData('extraction against the inserted article text (word F1)', () => {
  const runs: ReferenceRun[] = [];

  beforeAll(() => {
    const cnn = loadCnnDm(readFileSync(sharedPath('summary', 'cnndm-dev.jsonl'), 'utf8')).slice(0, 6);
    const articles: Array<[string, PlainArticle, string]> = [
      ['demo-de', demoArticle(), 'de'],
      ['seed-de', readSeedArticle()!, 'de'],
      ...cnn.map(
        (d) =>
          [d.id.slice(0, 16), cnnDmArticle(d.article, d.reference), 'en'] as [string, PlainArticle, string],
      ),
    ];
    const virtualConsole = new VirtualConsole();
    for (const [name, article, lang] of articles) {
      for (const layout of REFERENCE_LAYOUTS) {
        const url = `https://news.example/${name}`;
        const doc = new JSDOM(buildReferencePage(article, layout, lang), { url, virtualConsole }).window
          .document;
        const { page } = extractArticle(doc, url);
        runs.push({ name: `${name}/${layout}`, scores: tokenF1(page.text, referenceText(article)) });
      }
    }
    const f = (x: number) => x.toFixed(3);
    console.table(
      runs.map((r) => ({
        page: r.name,
        P: f(r.scores.precision),
        R: f(r.scores.recall),
        F1: f(r.scores.f1),
      })),
    );
    const mean = (pick: (s: TokenScores) => number) =>
      runs.reduce((s, r) => s + pick(r.scores), 0) / runs.length;
    console.log(
      `${runs.length} pages: mean word P ${f(mean((s) => s.precision))} R ${f(mean((s) => s.recall))} F1 ${f(mean((s) => s.f1))}`,
    );
  }, 120_000);

  it('builds 24 pages: 8 articles in 3 layouts', () => {
    expect(runs).toHaveLength(24);
  });

  it(`finds the article text: mean word F1 ≥ ${MIN_MEAN_F1}`, () => {
    const meanF1 = runs.reduce((s, r) => s + r.scores.f1, 0) / runs.length;
    expect(meanF1).toBeGreaterThanOrEqual(MIN_MEAN_F1);
  });

  it(`finds it on every page: word F1 ≥ ${MIN_PAGE_F1}`, () => {
    const below = runs
      .filter((r) => r.scores.f1 < MIN_PAGE_F1)
      .map((r) => `${r.name} ${r.scores.f1.toFixed(3)}`);
    expect(below).toEqual([]);
  });
});
