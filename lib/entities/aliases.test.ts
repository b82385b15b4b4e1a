import { describe, expect, it } from 'vitest';
import { makeEntity } from '../../tests/support/entities.ts';
import type { Entity, Mention } from '../types.ts';
import { abbreviates, resolveAliases } from './aliases.ts';

/** The n-th occurrence (0-based) of `surface` in `text` as a mention. */
function at(text: string, surface: string, n = 0): Mention {
  let start = -1;
  for (let k = 0; k <= n; k++) start = text.indexOf(surface, start + 1);
  if (start < 0) throw new Error(`${surface} #${n} not in text`);
  return { start, end: start + surface.length, text: surface };
}

function entity(name: string, kind: Entity['kind'], mentions: Mention[]): Entity {
  return { ...makeEntity(name, kind, mentions.length), mentions };
}

describe('abbreviates', () => {
  it('accepts initials and letters in order, first letter first', () => {
    expect(abbreviates('WHO', 'World Health Organization')).toBe(true);
    expect(abbreviates('BKA', 'Bundeskriminalamt')).toBe(true);
    expect(abbreviates('WHO', 'Weltgesundheitsorganisation')).toBe(true);
    expect(abbreviates('FBI', 'Bundeskriminalamt')).toBe(false);
    expect(abbreviates('BAK', 'Bundeskriminalamt')).toBe(false);
  });
});

describe('resolveAliases', () => {
  it('makes a defined abbreviation one entity with the name, also inside compounds', () => {
    const text = 'Das Bundeskriminalamt (BKA) warnt. BKA-Präsident Ostheim sprach. Das BKA arbeitet.';
    const out = resolveAliases(
      [
        entity('Bundeskriminalamt', 'organization', [at(text, 'Bundeskriminalamt')]),
        entity('BKA', 'organization', [at(text, 'BKA', 2)]),
      ],
      { text, lang: 'de' },
    );
    expect(out.map((e) => [e.name, e.count])).toEqual([['Bundeskriminalamt', 4]]);
    for (const m of out[0]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('makes US, U.S. and United States one place', () => {
    const text = 'The U.S. and China met. The United States said the US wanted rules.';
    const out = resolveAliases(
      [
        entity('U.S.', 'place', [at(text, 'U.S.')]),
        entity('United States', 'place', [at(text, 'United States')]),
        entity(
          'US',
          'organization',
          [at(text, ' US ')].map((m) => ({ start: m.start + 1, end: m.end - 1, text: 'US' })),
        ),
        entity('China', 'place', [at(text, 'China')]),
      ],
      { text, lang: 'en' },
    );
    expect(out.map((e) => [e.name, e.kind, e.count])).toEqual([
      ['United States', 'place', 3],
      ['China', 'place', 1],
    ]);
  });

  it('gives a bare surname to a fuller name of a wrong kind and makes it a person', () => {
    const text = 'Directed by Sofia Marquez. Marquez grew up in Madrid.';
    const out = resolveAliases(
      [
        entity('Sofia Marquez', 'place', [at(text, 'Sofia Marquez')]),
        entity('Marquez', 'person', [at(text, 'Marquez', 1)]),
      ],
      { text, lang: 'en', isGivenName: (w) => w === 'Sofia' },
    );
    expect(out.map((e) => [e.name, e.kind, e.count])).toEqual([['Sofia Marquez', 'person', 2]]);
  });

  it('joins "Frankfurt" to "Frankfurt am Main" but not "Sudan" to "South Sudan"', () => {
    const text = 'Frankfurt am Main. In Frankfurt. Sudan and South Sudan.';
    const out = resolveAliases(
      [
        entity('Frankfurt am Main', 'place', [at(text, 'Frankfurt am Main')]),
        entity('Frankfurt', 'place', [at(text, 'Frankfurt', 1)]),
        entity('Sudan', 'place', [at(text, 'Sudan')]),
        entity('South Sudan', 'place', [at(text, 'South Sudan')]),
      ],
      { text, lang: 'en' },
    );
    expect(out.map((e) => [e.name, e.count])).toEqual([
      ['Frankfurt am Main', 2],
      ['Sudan', 1],
      ['South Sudan', 1],
    ]);
  });

  it('makes a one-word organisation the short name of the one longer organisation ending in it', () => {
    const text =
      'Manchester City won. City scored twice. Apple showed the Apple Watch. Bristol City Council met.';
    const out = resolveAliases(
      [
        entity('Manchester City', 'organization', [at(text, 'Manchester City')]),
        entity('City', 'organization', [at(text, 'City', 1)]),
        entity('Apple', 'organization', [at(text, 'Apple')]),
        entity('Apple Watch', 'organization', [at(text, 'Apple Watch')]),
        entity('Bristol City Council', 'organization', [at(text, 'Bristol City Council')]),
      ],
      { text, lang: 'en' },
    );
    expect(out.map((e) => [e.name, e.count])).toEqual([
      ['Manchester City', 2],
      ['Apple', 1],
      ['Apple Watch', 1],
      ['Bristol City Council', 1],
    ]);
  });
});
