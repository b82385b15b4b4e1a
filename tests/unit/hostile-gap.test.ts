import { describe, expect, it } from 'vitest';
import { judgeGap, MAX_GAP_MS } from '../support/hostile-pages.ts';

describe('judgeGap (the hostile e2e test’s page-timer check)', () => {
  it('is the plain limit when the control phase stayed within it', () => {
    expect(judgeGap(35, MAX_GAP_MS)).toEqual({ allowed: MAX_GAP_MS, excess: 0, ok: true });
    expect(judgeGap(199, MAX_GAP_MS + 1).ok).toBe(false);
  });

  it('allows on top only what the machine alone added beyond the limit with Kontext idle', () => {
    expect(judgeGap(320, 310)).toEqual({ allowed: 320, excess: 120, ok: true });
    expect(judgeGap(320, 321).ok).toBe(false);
  });
});
