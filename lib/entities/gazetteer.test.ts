import { describe, expect, it } from 'vitest';
import { Gazetteer } from './gazetteer.ts';

describe('Gazetteer', () => {
  const gaz = Gazetteer.fromLists({
    LOC: ['New York', 'York', 'Nordkorea'],
    ORG: ['New York Times', 'KCNA'],
  });

  it('annotates the longest match with B/I positions', () => {
    expect(gaz.annotate(['the', 'New', 'York', 'Times', 'in', 'York'])).toEqual([
      undefined,
      { kind: 'ORG', position: 'B' },
      { kind: 'ORG', position: 'I' },
      { kind: 'ORG', position: 'I' },
      undefined,
      { kind: 'LOC', position: 'B' },
    ]);
    expect(gaz.annotate(['New', 'York', 'City'])[1]).toEqual({ kind: 'LOC', position: 'I' });
  });

  it('looks up single words exactly (case-sensitive)', () => {
    expect(gaz.kindOf('Nordkorea')).toBe('LOC');
    expect(gaz.kindOf('KCNA')).toBe('ORG');
    expect(gaz.kindOf('nordkorea')).toBeUndefined();
  });
});
