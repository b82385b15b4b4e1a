/**
 * Evaluates the shipped summariser against Lead-3 on ../shared/data/summary/cnndm-dev.jsonl: every
 * article goes through the analyze pipeline with the entity model loaded from public/models, as the CLI
 * does. Prints mean ROUGE-1, ROUGE-2 and ROUGE-L F1 (×100) against the human highlights for all
 * articles, the tuning part and the part kept out of tuning, with the paired-bootstrap 90% interval of
 * the difference to Lead-3 (fixed seed). Usage: npm run eval:summary [-- --long] [-- path.jsonl]
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateSummaries, loadCnnDm, type PartResult } from '../lib/summary/evaluate.ts';
import type { RougeTriple } from '../lib/summary/rouge.ts';
import { sharedPath } from '../tests/support/shared-paths.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

const args = process.argv.slice(2);
const file = resolve(args.find((a) => a.endsWith('.jsonl')) ?? sharedPath('summary', 'cnndm-dev.jsonl'));
if (!existsSync(file)) {
  console.error(`No evaluation file at ${file} (the shared data folder is missing).`);
  process.exit(1);
}
const length = args.includes('--long') ? 'long' : 'short';
const docs = loadCnnDm(readFileSync(file, 'utf8'));
const result = await evaluateSummaries(docs, { loadModel: loadModelFromDisk, length });

const pct = (x: number) => (x * 100).toFixed(2).padStart(7);
const row = (name: string, r: RougeTriple) =>
  `  ${name.padEnd(20)} ${pct(r.rouge1.f1)} ${pct(r.rouge2.f1)} ${pct(r.rougeL.f1)}`;
const interval = (p: PartResult, m: 'rouge1' | 'rouge2' | 'rougeL') => {
  const d = p.difference[m];
  return `${(d.mean * 100).toFixed(2)} [${(d.lower * 100).toFixed(2)}, ${(d.upper * 100).toFixed(2)}]`;
};
console.log(
  `${docs.length} articles from ${file} (summary length: ${length}; shipped pipeline with entities)`,
);
for (const [name, part] of [
  ['all', result.all],
  ['tuning part', result.tuning],
  ['kept out of tuning', result.keptOut],
] as const) {
  console.log(
    `${name} (${part.count})${' '.repeat(Math.max(1, 23 - name.length))}${'R-1 F1'.padStart(7)} ${'R-2 F1'.padStart(7)} ${'R-L F1'.padStart(7)}`,
  );
  console.log(row('Lead-3', part.lead3));
  console.log(row('Kontext extractive', part.summary));
  console.log(
    `  difference, 90% paired bootstrap: R-1 ${interval(part, 'rouge1')}  R-2 ${interval(part, 'rouge2')}  R-L ${interval(part, 'rougeL')}`,
  );
}
if (length === 'long') {
  console.log(
    '(5 sentences against Lead-3’s 3: F1 favours the shorter; the Lead-3 comparison is the short setting.)',
  );
} else {
  const beats = (p: PartResult) =>
    p.summary.rouge1.f1 > p.lead3.rouge1.f1 && p.summary.rougeL.f1 > p.lead3.rougeL.f1;
  console.log(
    beats(result.all) && beats(result.keptOut)
      ? 'Kontext beats Lead-3 on ROUGE-1 and ROUGE-L, on all articles and on the kept-out part.'
      : 'Kontext does NOT beat Lead-3 on ROUGE-1 and ROUGE-L on all articles and the kept-out part.',
  );
}
