/**
 * Benchmark: quotes and summary throughput. Quotes on the gold-set articles repeated into one long
 * article (≈ 100 quotes per 20,000 words); summaries on the 100 CNN/DailyMail dev articles when
 * ../shared is present. Prints figures; asserts nothing (speed lives here, never in tests).
 * Run: `npx tsx scripts/bench/text.ts` (or through `npm run bench`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQuotes } from '../../lib/quotes/index.ts';
import { loadCnnDm } from '../../lib/summary/evaluate.ts';
import { blocksFromPlainText, summarize } from '../../lib/summary/index.ts';
import type { Entity } from '../../lib/types.ts';
import { QUOTES_GOLD } from '../../tests/fixtures/quotes-gold/articles.ts';
import { buildArticle, buildEntities } from '../../tests/fixtures/quotes-gold/build.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CNNDM = resolve(
  process.env.KONTEXT_SHARED_DATA ?? resolve(ROOT, '..', 'shared', 'data'),
  'summary',
  'cnndm-dev.jsonl',
);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

export default async function benchText(): Promise<void> {
  // One long German+English article: every gold paragraph, repeated.
  const paragraphs: string[] = [];
  const goldEntities = QUOTES_GOLD.flatMap((a) => a.entities);
  for (let i = 0; i < 8; i++) for (const a of QUOTES_GOLD) paragraphs.push(...a.paragraphs);
  const article = buildArticle(paragraphs, 'de');
  const entities: Entity[] = buildEntities(article.text, goldEntities);
  const words = article.text.split(/\s+/).length;
  findQuotes(article, entities); // warm-up (regex compilation, JIT)
  const runs: number[] = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    const [quotes, ms] = time(() => findQuotes(article, entities));
    runs.push(ms);
    count = quotes.length;
  }
  const quoteMs = median(runs);
  console.log(
    `quotes: ${count} quotes in ${words.toLocaleString('en')} words (${article.text.length.toLocaleString('en')} chars): ` +
      `median ${quoteMs.toFixed(1)} ms, ${Math.round(words / (quoteMs / 1000)).toLocaleString('en')} words/s`,
  );

  if (!existsSync(CNNDM)) {
    console.log(`summary: skipped, ${CNNDM} is absent`);
    return;
  }
  const docs = loadCnnDm(readFileSync(CNNDM, 'utf8')).map((d) => ({
    ...blocksFromPlainText(d.article),
    lang: 'en',
  }));
  for (const d of docs.slice(0, 5)) summarize(d); // warm-up
  const perArticle: number[] = [];
  let totalWords = 0;
  for (const d of docs) {
    totalWords += d.text.split(/\s+/).length;
    perArticle.push(time(() => summarize(d, { length: 'long' }))[1]);
  }
  const total = perArticle.reduce((a, b) => a + b, 0);
  console.log(
    `summary: ${docs.length} CNN/DM articles (${Math.round(totalWords / docs.length)} words on average): ` +
      `median ${median(perArticle).toFixed(2)} ms, max ${Math.max(...perArticle).toFixed(2)} ms, ` +
      `${Math.round(totalWords / (total / 1000)).toLocaleString('en')} words/s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchText();
