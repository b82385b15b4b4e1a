/**
 * Quality gate for related reading: on the 20 real pages of ../shared/data/pages/readability and the
 * seed fixture, the links findRelatedLinks returns are compared with the hand-made labels in
 * tests/fixtures/related/<page>.json (one file per page, written by reading each page). Precision and
 * recall are micro-averaged over links and must both reach 0.9; per-page misses are printed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeAll, expect, it } from 'vitest';
import { findRelatedLinks, rankRelatedLinks } from '../../lib/related/index.ts';
import { samePageKey } from '../../lib/related/url.ts';
import type { RelatedLink } from '../../lib/types.ts';
import { buildSeedPage, readSeedArticle } from '../fixtures/news-page.ts';
import { describeWithSharedData, ROOT, sharedPath } from '../support/shared-data.ts';

interface Label {
  page: string;
  url: string;
  related: string[];
  notes: string;
}

const LABELS = join(ROOT, 'tests', 'fixtures', 'related');
const SEED_ORIGIN = 'http://127.0.0.1:8080';
const TARGET = 0.9;

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

function score(label: Label, found: RelatedLink[]): PageResult {
  const expected = new Set(label.related.map(samePageKey));
  const foundKeys = new Set(found.map((link) => samePageKey(link.url)));
  return {
    page: label.page,
    found,
    truePositives: [...foundKeys].filter((key) => expected.has(key)).length,
    falsePositives: found.filter((link) => !expected.has(samePageKey(link.url))).map((link) => link.url),
    misses: label.related.filter((url) => !foundKeys.has(samePageKey(url))),
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
    let truePositives = 0;
    let foundTotal = 0;
    let expectedTotal = 0;
    for (const result of results) {
      truePositives += result.truePositives;
      foundTotal += result.truePositives + result.falsePositives.length;
      expectedTotal += result.truePositives + result.misses.length;
      if (result.misses.length || result.falsePositives.length) {
        console.log(
          `[related] ${result.page}: ${result.truePositives} right` +
            result.misses.map((url) => `\n  missed ${url}`).join('') +
            result.falsePositives.map((url) => `\n  wrong  ${url}`).join(''),
        );
      }
    }
    const precision = foundTotal ? truePositives / foundTotal : 1;
    const recall = expectedTotal ? truePositives / expectedTotal : 1;
    console.log(
      `[related] precision ${precision.toFixed(3)} (${truePositives}/${foundTotal}), ` +
        `recall ${recall.toFixed(3)} (${truePositives}/${expectedTotal})`,
    );
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
