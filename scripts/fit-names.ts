/**
 * Fits the entity confidence (lib/entities/confidence.ts) on the tuning part of the names gold set:
 * a logistic regression of "this entry is a right name of the right kind" on the confidence features
 * of every entry, then painted-entry precision and recall per language for a range of thresholds, on
 * the tuning part and the held-out part. The weights and threshold are copied into confidence.ts by
 * hand; the held-out figures are for reporting only.
 *
 *   npm run fit:names                 tuning-part figures per threshold
 *   npm run fit:names -- --held-out   held-out figures as well (a judgement: not for choosing)
 */

import { type ConfidenceFeatures, FEATURE_NAMES, featureVector } from '../lib/entities/confidence.ts';
import { loadNerModel, recognizeEntities } from '../lib/entities/index.ts';
import { layoutBlocks } from '../lib/extract/blocks.ts';
import { toAnalysisText } from '../lib/text/characters.ts';
import type { Entity } from '../lib/types.ts';
import { NAMES_GOLD, partOf } from '../tests/fixtures/names-gold/pages.ts';
import { judgeEntities, type PageRun, scoreByCell } from '../tests/fixtures/names-gold/score.ts';
import { loadModelFromDisk } from './node-model-loader.ts';

interface Sample {
  x: number[];
  y: number;
}

const runs: PageRun[] = [];
const samples: Sample[] = [];
for (const page of NAMES_GOLD) {
  const model = await loadNerModel(page.lang, loadModelFromDisk);
  // The blocks analyzeText makes of the page.
  const { blocks, text } = layoutBlocks(
    page.paragraphs.map((p) => ({ kind: 'paragraph' as const, text: toAnalysisText(p).trim() })),
  );
  const features = new Map<Entity, ConfidenceFeatures>();
  const entities = recognizeEntities({ text, blocks, lang: page.lang }, model, undefined, (e, f) =>
    features.set(e, f),
  );
  runs.push({ page, entities });
  if (partOf(page) !== 'tune') continue;
  judgeEntities(page, entities).forEach((verdict, i) => {
    samples.push({ x: featureVector(features.get(entities[i]!)!), y: verdict === null ? 1 : 0 });
  });
}

// Logistic regression, batch gradient descent with a small L2 penalty (bias not penalised).
const d = FEATURE_NAMES.length;
const w = new Array<number>(d + 1).fill(0);
const lambda = 0.01;
for (let iter = 0; iter < 20000; iter++) {
  const grad = new Array<number>(d + 1).fill(0);
  for (const s of samples) {
    let z = w[0]!;
    for (let k = 0; k < d; k++) z += w[k + 1]! * s.x[k]!;
    const err = 1 / (1 + Math.exp(-z)) - s.y;
    grad[0]! += err;
    for (let k = 0; k < d; k++) grad[k + 1]! += err * s.x[k]!;
  }
  for (let k = 0; k <= d; k++) {
    const penalty = k === 0 ? 0 : lambda * w[k]!;
    w[k] = w[k]! - 0.5 * (grad[k]! / samples.length + penalty);
  }
}
console.log(`${samples.length} tuning entries, ${samples.filter((s) => s.y === 1).length} right`);
console.log(`weights [bias, ${FEATURE_NAMES.join(', ')}]: [${w.map((x) => x.toFixed(3)).join(', ')}]`);

const confidence = (f: ConfidenceFeatures) => {
  const x = featureVector(f);
  let z = w[0]!;
  for (let k = 0; k < d; k++) z += w[k + 1]! * x[k]!;
  return 1 / (1 + Math.exp(-z));
};
// Re-run to get features for all pages with the fitted weights.
const conf = new Map<string, number>();
for (const page of NAMES_GOLD) {
  const model = await loadNerModel(page.lang, loadModelFromDisk);
  const { blocks, text } = layoutBlocks(
    page.paragraphs.map((p) => ({ kind: 'paragraph' as const, text: toAnalysisText(p).trim() })),
  );
  recognizeEntities({ text, blocks, lang: page.lang }, model, undefined, (e, f) =>
    conf.set(`${page.id}\u0000${e.id}`, confidence(f)),
  );
}
const f3 = (x: number) => x.toFixed(3);
const heldOut = process.argv.includes('--held-out');
for (const t of [0.5, 0.7, 0.75, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.94]) {
  const cells = scoreByCell(
    runs.map((r) => ({
      page: r.page,
      entities: r.entities.map((e) => ({ ...e, possible: (conf.get(`${r.page.id}\u0000${e.id}`) ?? 0) < t })),
    })),
  );
  console.log(
    `t=${t.toFixed(2)} ${Object.entries(cells)
      .filter(([c]) => heldOut || !c.endsWith('heldOut'))
      .map(([c, s]) => `${c} P=${f3(s.precision)} R=${f3(s.recall)}`)
      .join('  ')}`,
  );
}
