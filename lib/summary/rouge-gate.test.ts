import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithSharedData, hasSharedData, sharedPath } from '../../tests/support/shared-data.ts';
import { evaluateSummaries, loadCnnDm } from './evaluate.ts';

describeWithSharedData('summary ROUGE gate on CNN/DM dev (Kontext vs Lead-3)', () => {
  // A skipped describe still runs its body to collect the tests: read only when the data is there.
  const docs = hasSharedData ? loadCnnDm(readFileSync(sharedPath('summary', 'cnndm-dev.jsonl'), 'utf8')) : [];
  const { summary, lead3 } = evaluateSummaries(docs);
  const pct = (x: number) => (x * 100).toFixed(2);
  if (hasSharedData)
    console.info(
      `CNN/DM dev (${docs.length}): Kontext R1 ${pct(summary.rouge1.f1)} R2 ${pct(summary.rouge2.f1)} RL ${pct(summary.rougeL.f1)}` +
        ` | Lead-3 R1 ${pct(lead3.rouge1.f1)} R2 ${pct(lead3.rouge2.f1)} RL ${pct(lead3.rougeL.f1)}`,
    );

  it('uses the whole dev file', () => {
    expect(docs.length).toBe(100);
  });

  it('beats Lead-3 on ROUGE-1 F1', () => {
    expect(summary.rouge1.f1).toBeGreaterThan(lead3.rouge1.f1);
  });

  it('beats Lead-3 on ROUGE-L F1', () => {
    expect(summary.rougeL.f1).toBeGreaterThan(lead3.rougeL.f1);
  });
});
