/**
 * Quality gate for related reading: the links findRelatedLinks returns are compared with the hand-made
 * labels in tests/fixtures/related/<page>.json (one file per page, written by reading each page before
 * looking at Kontext's output). Two sets:
 * - the 20 real pages of ../shared/data/pages/readability and the seed fixture (the rules were written
 *   while reading them);
 * - 22 built news pages in German and English (tests/fixtures/related/built/, with affiliate blocks,
 *   tag lists, section links, share/reuse links, author pages, teaser lists and real related lists):
 *   12 marked "tune", on which the rules were tuned, and 10 marked "held-out", never tuned on.
 * Precision and recall are micro-averaged over links; per-page misses and wrong links are printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRelatedLinks, rankRelatedLinks } from '../../lib/related/index.ts';
import type { RelatedLink } from '../../lib/types.ts';
import { sameArticleKey } from '../../lib/url.ts';
import { buildSeedPage, readSeedArticle } from '../fixtures/news-page.ts';
import { describeWithSharedData, ROOT, sharedPath } from '../support/shared-data.ts';

interface Label {
  page: string;
  url: string;
  related: string[];
  /** Built pages: the page's file under tests/fixtures/related, and which part of the gold set it is in. */
  html?: string;
  split?: 'tune' | 'held-out';
  /** The title a reader should see for some links (fragments, raw URLs and sentences are not titles). */
  titles?: Record<string, string>;
  notes: string;
}

const LABELS = join(ROOT, 'tests', 'fixtures', 'related');
const SEED_ORIGIN = 'http://127.0.0.1:8080';
/** Measured 1.000 and 1.000 (159 links); the floor leaves room for one or two changed links. */
const TARGET = 0.98;

function readLabel(page: string): Label {
  return JSON.parse(readFileSync(join(LABELS, `${page}.json`), 'utf8')) as Label;
}

/**
 * Script and style contents are text, never elements, so dropping them changes no link or heading; it
 * spares jsdom most of the parsing (the pages carry megabytes of inline JS and CSS it cannot use).
 */
function parse(html: string, url: string): Document {
  const withoutCode = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  return new JSDOM(withoutCode, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** Parsing 20 real pages is the slow part; on a loaded machine it can take a while. */
const PARSE_TIMEOUT_MS = 180_000;

interface PageResult {
  page: string;
  found: RelatedLink[];
  truePositives: number;
  falsePositives: string[];
  misses: string[];
}

interface Totals {
  precision: number;
  recall: number;
  truePositives: number;
  found: number;
  expected: number;
}

/** Micro-averaged precision and recall; each page with a miss or a wrong link is printed. */
function totals(results: PageResult[], name: string): Totals {
  let truePositives = 0;
  let found = 0;
  let expected = 0;
  for (const result of results) {
    truePositives += result.truePositives;
    found += result.truePositives + result.falsePositives.length;
    expected += result.truePositives + result.misses.length;
    if (result.misses.length || result.falsePositives.length) {
      console.log(
        `[related] ${result.page}: ${result.truePositives} right` +
          result.misses.map((url) => `\n  missed ${url}`).join('') +
          result.falsePositives.map((url) => `\n  wrong  ${url}`).join(''),
      );
    }
  }
  const precision = found ? truePositives / found : 1;
  const recall = expected ? truePositives / expected : 1;
  console.log(
    `[related] ${name}: precision ${precision.toFixed(3)} (${truePositives}/${found}), ` +
      `recall ${recall.toFixed(3)} (${truePositives}/${expected}), ${results.length} pages`,
  );
  return { precision, recall, truePositives, found, expected };
}

function score(label: Label, found: RelatedLink[]): PageResult {
  const expected = new Set(label.related.map(sameArticleKey));
  const foundKeys = new Set(found.map((link) => sameArticleKey(link.url)));
  return {
    page: label.page,
    found,
    truePositives: [...foundKeys].filter((key) => expected.has(key)).length,
    falsePositives: found.filter((link) => !expected.has(sameArticleKey(link.url))).map((link) => link.url),
    misses: label.related.filter((url) => !foundKeys.has(sameArticleKey(url))),
  };
}

describeWithSharedData('related reading gate (20 readability pages + seed)', () => {
  const results: PageResult[] = [];

  beforeAll(() => {
    const pages = readdirSync(sharedPath('pages', 'readability'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const page of pages) {
      const label = readLabel(page);
      const html = readFileSync(sharedPath('pages', 'readability', page, 'source.html'), 'utf8');
      results.push(score(label, findRelatedLinks(parse(html, label.url), label.url)));
    }
    const seed = readLabel('seed');
    const seedHtml = buildSeedPage({ origin: SEED_ORIGIN });
    if (!seedHtml) throw new Error('seed page unavailable although ../shared is present');
    results.push(score(seed, findRelatedLinks(parse(seedHtml, seed.url), seed.url)));
  }, PARSE_TIMEOUT_MS);

  it('has a labelled expectation file for each of the 20 pages and the seed', () => {
    expect(results).toHaveLength(21);
  });

  it(`reaches precision and recall ≥ ${TARGET} over all links`, () => {
    const { precision, recall } = totals(results, 'readability pages + seed');
    expect(precision).toBeGreaterThanOrEqual(TARGET);
    expect(recall).toBeGreaterThanOrEqual(TARGET);
  });

  it('finds exactly the three "Weiterführende Analysen" links and the pingback on the seed, block links first', () => {
    const seed = results.find((result) => result.page === 'seed');
    const label = readLabel('seed');
    expect(seed?.found.map((link) => link.url)).toEqual(label.related);
    expect(seed?.found.map((link) => link.source)).toEqual(['block', 'block', 'block', 'pingback']);
  });

  it("ranks the seed's three block links before its pingback", () => {
    const seed = results.find((result) => result.page === 'seed');
    const article = readSeedArticle();
    const text = article ? article.blocks.map((block) => block.text).join('\n\n') : '';
    const ranked = rankRelatedLinks(seed?.found ?? [], { text, lang: 'de', entities: [] });
    expect(ranked.map((link) => link.source)).toEqual(['block', 'block', 'block', 'pingback']);
  });
});

/**
 * Floors just under what was measured on each part: tune precision 1.000 (65/65), recall 0.970 (65/67);
 * held out, measured once after the tuning, precision 0.944 (51/54), recall 0.962 (51/53).
 */
const BUILT_FLOORS = {
  tune: { precision: 0.98, recall: 0.95 },
  'held-out': { precision: 0.92, recall: 0.94 },
} as const;

/** A title that is an address rather than words: "https://amzn.to/3Xk9QpL", "www.example.org/a". */
const RAW_URL_TITLE = /^(https?:\/\/|www\.)\S+$|^\S+\.[a-z]{2,}\/\S*$/i;

describe('related reading gate (built news pages)', () => {
  const labels = readdirSync(LABELS)
    .filter((name) => name.endsWith('.json'))
    .map((name) => readLabel(name.replace(/\.json$/, '')))
    .filter((label) => label.html !== undefined);
  const results = new Map<string, PageResult>();

  beforeAll(() => {
    for (const label of labels) {
      const html = readFileSync(join(LABELS, label.html ?? ''), 'utf8');
      results.set(label.page, score(label, findRelatedLinks(parse(html, label.url), label.url)));
    }
  }, PARSE_TIMEOUT_MS);

  it('has at least 20 built pages, each labelled tune or held-out, at least 8 of them held out', () => {
    expect(labels.length).toBeGreaterThanOrEqual(20);
    expect(labels.every((label) => label.split === 'tune' || label.split === 'held-out')).toBe(true);
    expect(labels.filter((label) => label.split === 'held-out').length).toBeGreaterThanOrEqual(8);
  });

  for (const split of ['tune', 'held-out'] as const) {
    it(`reaches the ${split} floors (precision ≥ ${BUILT_FLOORS[split].precision}, recall ≥ ${BUILT_FLOORS[split].recall})`, () => {
      const part = labels.filter((label) => label.split === split).map((label) => results.get(label.page)!);
      const { precision, recall } = totals(part, `built pages, ${split}`);
      expect(precision).toBeGreaterThanOrEqual(BUILT_FLOORS[split].precision);
      expect(recall).toBeGreaterThanOrEqual(BUILT_FLOORS[split].recall);
    });
  }

  it('titles links with words: never a raw URL, and the labelled title where one is given', () => {
    const wrong: string[] = [];
    for (const label of labels) {
      for (const link of results.get(label.page)?.found ?? []) {
        const expected = label.titles?.[link.url];
        if (RAW_URL_TITLE.test(link.title) || (expected !== undefined && link.title !== expected)) {
          wrong.push(
            `${label.page}: ${link.url} titled ${JSON.stringify(link.title)}${expected ? `, expected ${JSON.stringify(expected)}` : ''}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
