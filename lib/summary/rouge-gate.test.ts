import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { loadModelFromDisk } from '../../scripts/node-model-loader.ts';
import { describeWithSharedData, sharedPath } from '../../tests/support/shared-data.ts';
import type { ModelLoader } from '../analyze.ts';
import { evaluateSummaries, loadCnnDm, type PartResult, type SummaryEvaluation } from './evaluate.ts';

/**
 * How much worse than Lead-3 the 5% end of the paired bootstrap interval of (Kontext − Lead-3) may be,
 * per metric, in ROUGE F1: with 100 articles the interval is about ±0.7 points wide, so a summariser
 * that is really a point worse than Lead-3 on any of the three fails, while noise does not.
 */
const NON_INFERIORITY_MARGIN = 0.0075;

describeWithSharedData('summary ROUGE gate on CNN/DM dev: the shipped pipeline vs Lead-3', () => {
  let result: SummaryEvaluation;
  const modelsLoaded: string[] = [];

  beforeAll(async () => {
    const docs = loadCnnDm(readFileSync(sharedPath('summary', 'cnndm-dev.jsonl'), 'utf8'));
    const recordingLoader: ModelLoader = (name) => {
      modelsLoaded.push(name);
      return loadModelFromDisk(name);
    };
    result = await evaluateSummaries(docs, { loadModel: recordingLoader });
    const pct = (x: number) => (x * 100).toFixed(2);
    const line = (name: string, p: PartResult) =>
      `${name} (${p.count}): Kontext R1 ${pct(p.summary.rouge1.f1)} R2 ${pct(p.summary.rouge2.f1)} RL ${pct(p.summary.rougeL.f1)}` +
      ` | Lead-3 R1 ${pct(p.lead3.rouge1.f1)} R2 ${pct(p.lead3.rouge2.f1)} RL ${pct(p.lead3.rougeL.f1)}`;
    console.info(`${line('CNN/DM dev', result.all)}\n${line('kept out of tuning', result.keptOut)}`);
  }, 120_000);

  it('uses the whole dev file, split into a tuning part and a kept-out part', () => {
    expect(result.all.count).toBe(100);
    expect(result.tuning.count + result.keptOut.count).toBe(100);
    expect(result.keptOut.count).toBeGreaterThanOrEqual(40);
  });

  it('summarises with the English entity model loaded, as the CLI and the extension do', () => {
    expect(modelsLoaded).toContain('ner-en.bin');
  });

  it.each([
    ['all 100 articles', 'all'],
    ['the kept-out part', 'keptOut'],
  ] as const)('beats Lead-3 on ROUGE-1 and ROUGE-L F1 on %s', (_name, part) => {
    const p = result[part];
    expect(p.summary.rouge1.f1).toBeGreaterThan(p.lead3.rouge1.f1);
    expect(p.summary.rougeL.f1).toBeGreaterThan(p.lead3.rougeL.f1);
  });

  it.each(['rouge1', 'rouge2', 'rougeL'] as const)(
    'is not worse than Lead-3 on %s beyond the bootstrap margin (fixed seed)',
    (metric) => {
      expect(result.all.difference[metric].lower).toBeGreaterThan(-NON_INFERIORITY_MARGIN);
    },
  );
});
