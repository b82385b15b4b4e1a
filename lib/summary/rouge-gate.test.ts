import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hasSharedData,
  requireSharedDataInCi,
  SKIP_NO_DATA,
  sharedPath,
} from '../../tests/support/shared-data.ts';
import { evaluateSummaries, loadCnnDm } from './evaluate.ts';

describe.skipIf(!hasSharedData)(
  `summary ROUGE gate on CNN/DM dev (${hasSharedData ? 'data present' : SKIP_NO_DATA})`,
  () => {
    requireSharedDataInCi();
    const docs = loadCnnDm(readFileSync(sharedPath('summary', 'cnndm-dev.jsonl'), 'utf8'));
    const { summary, lead3 } = evaluateSummaries(docs);
    const pct = (x: number) => (x * 100).toFixed(2);
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
  },
);
