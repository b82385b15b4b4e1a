import { describe, expect, it } from 'vitest';
import { makeEntity } from '../../tests/support/entities.ts';
import { rankSavedByEntities, type SavedSummary } from './saved.ts';

const entity = makeEntity;

const CURRENT = [
  entity('Kim Jong Un', 'person', 5),
  entity('Nordkorea', 'place', 4),
  entity('Russland', 'place', 2),
  entity('Berlin', 'place', 1),
];

function saved(
  id: string,
  entities: SavedSummary['entities'],
  url = `https://x.example/${id}`,
): SavedSummary {
  return { id, url, title: `Artikel ${id}`, entities };
}

describe('rankSavedByEntities', () => {
  it('ranks saved articles by the weight of the entities they share and names them', () => {
    const ranked = rankSavedByEntities(
      CURRENT,
      [
        saved('weak', [{ name: 'Russland', kind: 'place', count: 1 }]),
        saved('strong', [
          { name: 'Kim Jong Un', kind: 'person', count: 6 },
          { name: 'Nordkorea', kind: 'place', count: 3 },
        ]),
        saved('none', [{ name: 'Paris', kind: 'place', count: 9 }]),
      ],
      'https://x.example/current',
    );
    expect(ranked.map((article) => article.id)).toEqual(['strong', 'weak']);
    expect(ranked[0]!.shared).toEqual(['Kim Jong Un', 'Nordkorea']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('leaves out the article being read, whatever tracking parameters its saved URL has', () => {
    const ranked = rankSavedByEntities(
      CURRENT,
      [
        saved(
          'self',
          [{ name: 'Nordkorea', kind: 'place', count: 4 }],
          'http://www.x.example/current/?utm_source=rss',
        ),
      ],
      'https://x.example/current',
    );
    expect(ranked).toEqual([]);
  });

  it('matches names without regard to case, accents or hyphens, but keeps kinds apart', () => {
    const ranked = rankSavedByEntities(
      [entity('Kim Jong-un', 'person', 2), entity('Jordan', 'place', 2)],
      [
        saved('a', [{ name: 'kim jong un', kind: 'person', count: 1 }]),
        saved('b', [{ name: 'Jordan', kind: 'person', count: 3 }]),
      ],
      'https://x.example/current',
    );
    expect(ranked.map((article) => [article.id, article.shared])).toEqual([['a', ['Kim Jong-un']]]);
  });

  it('weighs an entity shared by every saved article less than a rare one', () => {
    const everywhere = { name: 'Berlin', kind: 'place' as const, count: 1 };
    const ranked = rankSavedByEntities(
      [entity('Berlin', 'place', 1), entity('Pjöngjang', 'place', 1)],
      [
        saved('common', [everywhere]),
        saved('rare', [{ name: 'Pjöngjang', kind: 'place', count: 1 }, everywhere]),
        saved('other', [everywhere]),
      ],
      'https://x.example/current',
    );
    expect(ranked[0]!.id).toBe('rare');
    expect(ranked[0]!.shared).toEqual(['Pjöngjang', 'Berlin']);
  });
});
