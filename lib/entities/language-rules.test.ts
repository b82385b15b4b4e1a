import { describe, expect, it } from 'vitest';
import { compoundParts, demonymMatcher, genitiveBase, isDemonymOf } from './language-rules.ts';

describe('language rules', () => {
  it('derives German genitive bases, not for English or s-final names', () => {
    expect(genitiveBase('Nordkoreas', 'de')).toBe('Nordkorea');
    expect(genitiveBase('Putins', 'de')).toBe('Putin');
    expect(genitiveBase('Klaus’', 'de')).toBe('Klaus');
    expect(genitiveBase('Paris', 'en')).toBeNull();
    expect(genitiveBase('Kurs', 'de')).toBe('Kur');
    expect(genitiveBase('Moskau', 'de')).toBeNull();
  });

  it('links demonyms and adjectives to places', () => {
    expect(isDemonymOf('nordkoreanische', 'Nordkorea', 'de')).toBe(true);
    expect(isDemonymOf('russischen', 'Russland', 'de')).toBe(true);
    expect(isDemonymOf('ukrainischer', 'Ukraine', 'de')).toBe(true);
    expect(isDemonymOf('französische', 'Frankreich', 'de')).toBe(true);
    expect(isDemonymOf('Russian', 'Russia', 'en')).toBe(true);
    expect(isDemonymOf('Ukrainian', 'Ukraine', 'en')).toBe(true);
    expect(isDemonymOf('russland', 'Russland', 'de')).toBe(false);
    expect(isDemonymOf('Russen', 'Russland', 'de')).toBe(false);
    expect(isDemonymOf('nordkoreanische', 'Nordkorea', 'fr')).toBe(false);
    const match = demonymMatcher(['Nordkorea', 'Russland'], 'de');
    expect(match('russische')).toBe('Russland');
    expect(match('soldaten')).toBeUndefined();
  });

  it('splits compounds with offsets', () => {
    expect(compoundParts('Ukraine-Krieges')).toEqual([
      { text: 'Ukraine', offset: 0 },
      { text: 'Krieges', offset: 8 },
    ]);
    expect(compoundParts('Kursk')).toEqual([]);
  });
});
