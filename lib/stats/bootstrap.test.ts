import { describe, expect, it } from 'vitest';
import { pairedBootstrap } from './bootstrap.ts';

describe('pairedBootstrap', () => {
  const differences = [0.3, -0.1, 0.2, 0.05, -0.2, 0.4, 0.1, 0.0, -0.05, 0.25];

  it('brackets the mean, and gives the same interval for the same seed', () => {
    const a = pairedBootstrap(differences, { seed: 7 });
    expect(a.mean).toBeCloseTo(0.095, 10);
    expect(a.lower).toBeLessThan(a.mean);
    expect(a.upper).toBeGreaterThan(a.mean);
    expect(pairedBootstrap(differences, { seed: 7 })).toEqual(a);
    expect(pairedBootstrap(differences, { seed: 8 })).not.toEqual(a);
  });

  it('narrows as the documents grow in number', () => {
    const small = pairedBootstrap(differences);
    const large = pairedBootstrap(Array.from({ length: 20 }, () => differences).flat());
    expect(large.upper - large.lower).toBeLessThan(small.upper - small.lower);
  });

  it('collapses to the value when every difference is the same', () => {
    expect(pairedBootstrap([0.5, 0.5, 0.5])).toEqual({ mean: 0.5, lower: 0.5, upper: 0.5 });
    expect(pairedBootstrap([])).toEqual({ mean: 0, lower: 0, upper: 0 });
  });
});
