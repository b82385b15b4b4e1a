import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD, confidenceFeatures, confidenceOf } from './confidence.ts';

const tagged = (entries: Record<string, { margin: number; kind: string }>) => ({
  get: (key: string) => entries[key],
});

describe('confidenceFeatures', () => {
  it('reads margin, count, agreement, known, opener-only and word count', () => {
    const f = confidenceFeatures(
      {
        name: 'Radon',
        kind: 'person',
        mentions: [{ start: 0, end: 5, text: 'Radon' }],
      },
      tagged({ '0:5': { margin: 4, kind: 'person' } }),
      (start) => start === 0,
      false,
    );
    expect(f.margin).toBeCloseTo(Math.tanh(1));
    expect(f.mentions).toBeCloseTo(Math.log(2));
    expect(f).toMatchObject({ agreement: 1, known: 0, openerOnly: 1, multiword: 0 });
  });

  it('counts disagreeing kinds and mentions inside sentences', () => {
    const f = confidenceFeatures(
      {
        name: 'Tesla',
        kind: 'organization',
        mentions: [
          { start: 0, end: 5, text: 'Tesla' },
          { start: 20, end: 25, text: 'Tesla' },
        ],
      },
      tagged({ '0:5': { margin: 1, kind: 'organization' }, '20:25': { margin: 1, kind: 'person' } }),
      (start) => start === 0,
      false,
    );
    expect(f.agreement).toBe(0.5);
    expect(f.openerOnly).toBe(0);
  });
});

describe('confidenceOf with the shipped weights', () => {
  const base = { margin: 0.5, mentions: Math.log(2), agreement: 1, known: 0, openerOnly: 0, multiword: 0 };
  it('paints an unknown one-word name seen inside a sentence', () => {
    expect(confidenceOf(base)).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
  });
  it('only lists an unknown one-word name that only ever opens a sentence', () => {
    expect(confidenceOf({ ...base, openerOnly: 1 })).toBeLessThan(CONFIDENCE_THRESHOLD);
  });
  it('rises with a known name and with more words', () => {
    expect(confidenceOf({ ...base, known: 1 })).toBeGreaterThan(confidenceOf(base));
    expect(confidenceOf({ ...base, multiword: 1 })).toBeGreaterThan(confidenceOf(base));
  });
});
