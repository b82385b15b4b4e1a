import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../lib/quotes/index.ts';
import { QUOTES_GOLD } from '../fixtures/quotes-gold/articles.ts';
import { buildArticle, buildEntities, scoreQuotes } from '../fixtures/quotes-gold/build.ts';

const runs = QUOTES_GOLD.map((gold) => {
  const article = buildArticle(gold.paragraphs, gold.lang);
  const entities = buildEntities(article.text, gold.entities);
  return { id: gold.id, gold: gold.quotes, found: findQuotes(article, entities), article };
});
const scores = scoreQuotes(runs);
const lateIds = new Set(QUOTES_GOLD.filter((a) => a.addedLate).map((a) => a.id));
const late = scoreQuotes(runs.filter((r) => lateIds.has(r.id)));

describe('quote gold set (German and English)', () => {
  it('is big and varied enough to mean something', () => {
    expect(scores.gold).toBeGreaterThanOrEqual(40);
    expect(QUOTES_GOLD.some((a) => a.lang === 'de')).toBe(true);
    expect(QUOTES_GOLD.some((a) => a.lang === 'en')).toBe(true);
    expect(
      QUOTES_GOLD.flatMap((a) => a.quotes).filter((q) => q.speaker === null).length,
    ).toBeGreaterThanOrEqual(5);
    expect(
      QUOTES_GOLD.flatMap((a) => a.quotes).filter((q) => q.kind === 'phrase').length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('finds the quote spans with F1 ≥ 0.95', () => {
    console.info(
      `quotes gold: P=${scores.precision.toFixed(3)} R=${scores.recall.toFixed(3)} F1=${scores.f1.toFixed(3)} ` +
        `speaker=${scores.speakerAccuracy.toFixed(3)} kind=${scores.kindAccuracy.toFixed(3)} ` +
        `(${scores.matched}/${scores.gold} gold, ${scores.found} found)\n  ${scores.errors.join('\n  ')}\n` +
        `articles added late: P=${late.precision.toFixed(3)} R=${late.recall.toFixed(3)} F1=${late.f1.toFixed(3)} ` +
        `speaker=${late.speakerAccuracy.toFixed(3)} kind=${late.kindAccuracy.toFixed(3)} (${late.gold} quotes)`,
    );
    expect(scores.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('names the right speaker for ≥ 85 % of the quotes', () => {
    expect(scores.speakerAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('tells speech from phrases for ≥ 85 % of the quotes', () => {
    expect(scores.kindAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('gives offsets that point at the quoted words', () => {
    for (const run of runs) {
      for (const quote of run.found) {
        const span = run.article.text.slice(quote.start, quote.end);
        expect(span.startsWith(quote.text.slice(0, 10))).toBe(true);
        expect(span.endsWith(quote.text.slice(-5))).toBe(true);
      }
    }
  });
});
