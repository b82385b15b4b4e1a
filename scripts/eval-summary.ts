/**
 * Evaluates the extractive summariser against Lead-3 on ../shared/data/summary/cnndm-dev.jsonl:
 * mean ROUGE-1, ROUGE-2 and ROUGE-L F1 (×100) against the human highlights, both computed by the
 * same sentence splitter and ROUGE code. Usage: npm run eval:summary [-- --long] [-- path.jsonl]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateSummaries, loadCnnDm } from '../lib/summary/evaluate.ts';
import type { RougeTriple } from '../lib/summary/rouge.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const file =
  args.find((a) => a.endsWith('.jsonl')) ??
  resolve(
    process.env.KONTEXT_SHARED_DATA ?? resolve(root, '..', 'shared', 'data'),
    'summary',
    'cnndm-dev.jsonl',
  );
if (!existsSync(file)) {
  console.error(`No evaluation file at ${file} (the shared data folder is missing).`);
  process.exit(1);
}
const length = args.includes('--long') ? 'long' : 'short';
const docs = loadCnnDm(readFileSync(file, 'utf8'));
const result = evaluateSummaries(docs, { length });
const row = (name: string, r: RougeTriple) =>
  `${name.padEnd(22)} ${(r.rouge1.f1 * 100).toFixed(2).padStart(7)} ${(r.rouge2.f1 * 100).toFixed(2).padStart(7)} ${(r.rougeL.f1 * 100).toFixed(2).padStart(7)}`;
console.log(`${docs.length} articles from ${file} (summary length: ${length})`);
console.log(`${'system'.padEnd(22)} ${'R-1 F1'.padStart(7)} ${'R-2 F1'.padStart(7)} ${'R-L F1'.padStart(7)}`);
console.log(row('Lead-3', result.lead3));
console.log(row('Kontext extractive', result.summary));
const beats =
  result.summary.rouge1.f1 > result.lead3.rouge1.f1 && result.summary.rougeL.f1 > result.lead3.rougeL.f1;
if (length === 'long') {
  console.log(
    '(5 sentences against Lead-3’s 3: F1 favours the shorter; the Lead-3 comparison is the short setting.)',
  );
} else {
  console.log(
    beats
      ? 'Kontext beats Lead-3 on ROUGE-1 and ROUGE-L.'
      : 'Kontext does NOT beat Lead-3 on ROUGE-1 and ROUGE-L.',
  );
}
