/**
 * Paired bootstrap over per-document differences (Koehn 2004; Berg-Kirkpatrick et al. 2012): resample
 * the documents with replacement and read the spread of the mean difference. A seeded generator makes
 * the interval the same on every run, so a gate on it does not flicker.
 */
import { seededRandom } from './seeded-random.ts';

export interface BootstrapInterval {
  /** Mean of the differences on the documents as given. */
  mean: number;
  /** The `alpha` and `1 - alpha` quantiles of the resampled means (a two-sided 1 - 2·alpha interval). */
  lower: number;
  upper: number;
}

export function pairedBootstrap(
  differences: number[],
  options: { resamples?: number; seed?: number; alpha?: number } = {},
): BootstrapInterval {
  const n = differences.length;
  if (n === 0) return { mean: 0, lower: 0, upper: 0 };
  const resamples = options.resamples ?? 2000;
  const alpha = options.alpha ?? 0.05;
  const random = seededRandom(options.seed ?? 13);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[Math.floor(random() * n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { mean: differences.reduce((a, b) => a + b, 0) / n, lower: at(alpha), upper: at(1 - alpha) };
}
