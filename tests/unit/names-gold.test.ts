/**
 * Reader-level gate for names (issue 14): the painted entries of the entity table against the hand-labelled
 * names gold set, through the shipped pipeline (`analyzeText` with the shipped models, as the CLI runs
 * it). Floors sit a little under the measured figures (`npm run eval:names`), per language, on the
 * part rules were tuned on and on the held-out part.
 */
import { describe, expect, it } from 'vitest';
import { NAMES_GOLD, partOf } from '../fixtures/names-gold/pages.ts';
import { type NamesCell, runNamesGold, scoreByCell } from '../fixtures/names-gold/score.ts';
import { nodeModelLoader } from '../support/ner-models.ts';

const runs = await runNamesGold(nodeModelLoader());
const cells = scoreByCell(runs);

/**
 * Measured figures (painted entries at the shipped confidence threshold) minus about 0.02: de tune
 * P 0.974 R 0.884, held-out P 0.968 R 0.857; en tune P 0.959 R 0.937, held-out P 0.824 R 0.797 (42
 * English pages since issue 14's third round: twelve more, five in the tuning part and seven held out,
 * so the held-out part grew from 10 to 17 pages; on its first 10 pages the figures rose from P 0.826
 * R 0.826 to P 0.841 R 0.841 with the prune-1 English model, the seven new ones score P 0.810 R 0.762).
 * Session 10 (issue 14, fourth round): thirteen more English pages (55), seven in the tuning part and six
 * held out (23 held-out pages). Measured: de tune P 0.962 R 0.884, held-out P 0.952 R 0.843 (unchanged);
 * en tune P 0.956 R 0.921, held-out P 0.847 R 0.831 — on the 17 earlier held-out pages P 0.827 R 0.810
 * (from P 0.824 R 0.797), on the six new ones P 0.898 R 0.883. The English held-out floors moved up to
 * about 0.02 under the new figure on all 23 pages.
 */
const FLOORS: Record<NamesCell, { precision: number; recall: number }> = {
  'de-tune': { precision: 0.95, recall: 0.86 },
  'de-heldOut': { precision: 0.94, recall: 0.83 },
  'en-tune': { precision: 0.94, recall: 0.91 },
  'en-heldOut': { precision: 0.83, recall: 0.81 },
};

describe('names gold set (reader level)', () => {
  it('has at least 40 pages, at least 20 per language, in both parts', () => {
    expect(NAMES_GOLD.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['de', 'en']) {
      const pages = NAMES_GOLD.filter((p) => p.lang === lang);
      expect(pages.length).toBeGreaterThanOrEqual(20);
      const tune = pages.filter((p) => partOf(p) === 'tune').length;
      expect(tune / pages.length).toBeGreaterThan(0.4);
      expect(tune / pages.length).toBeLessThan(0.8);
    }
    expect(new Set(NAMES_GOLD.map((p) => p.id)).size).toBe(NAMES_GOLD.length);
  });

  for (const [cell, floor] of Object.entries(FLOORS) as Array<[NamesCell, (typeof FLOORS)[NamesCell]]>) {
    it(`${cell}: painted entries precision ≥ ${floor.precision}, recall ≥ ${floor.recall}`, () => {
      const s = cells[cell];
      console.info(
        `names gold ${cell}: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (${s.right}/${s.painted}, ${s.found}/${s.gold})`,
      );
      expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
      expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
    });
  }
});
