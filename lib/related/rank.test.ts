import { describe, expect, it } from 'vitest';
import { makeEntity } from '../../tests/support/entities.ts';
import type { RelatedLink } from '../types.ts';
import { rankRelatedLinks } from './index.ts';

const entity = makeEntity;

function link(url: string, title: string, source: RelatedLink['source']): RelatedLink {
  return { url, title, host: new URL(url).hostname, source, score: 0 };
}

const ARTICLE = {
  lang: 'de',
  text:
    'Kim Jong Un lobt die Soldaten. Nordkorea unterstützt Russland im Krieg gegen die Ukraine. ' +
    'Putin dankt Kim. Die Allianz zwischen Nordkorea und Russland wächst; Soldaten kämpfen in Kursk.',
  entities: [
    entity('Kim Jong Un', 'person', 4),
    entity('Nordkorea', 'place', 3),
    entity('Russland', 'place', 3),
    entity('Putin', 'person', 2),
    entity('Ukraine', 'place', 1),
  ],
};

describe('rankRelatedLinks', () => {
  it('orders by topical overlap and sets scores, returning a new array', () => {
    const links = [
      link('https://x.example/wetter', 'Das Wetter am Wochenende', 'in-text'),
      link('https://x.example/kim-putin', 'Kim Jong Un trifft Putin in Moskau', 'in-text'),
    ];
    const ranked = rankRelatedLinks(links, ARTICLE);
    expect(ranked.map((l) => l.url)).toEqual(['https://x.example/kim-putin', 'https://x.example/wetter']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    expect(links[0]!.score).toBe(0);
    expect(ranked).not.toBe(links);
  });

  it('counts words of the URL slug when the title is thin', () => {
    const ranked = rankRelatedLinks(
      [
        link('https://x.example/politik/allgemein', 'Hier weiterlesen', 'in-text'),
        link('https://x.example/nordkorea-russland-allianz', 'Hier weiterlesen', 'in-text'),
      ],
      ARTICLE,
    );
    expect(ranked[0]!.url).toBe('https://x.example/nordkorea-russland-allianz');
  });

  it('keeps block links ahead of a pingback even when the pingback matches the article better', () => {
    const ranked = rankRelatedLinks(
      [
        link('https://blog.example/p', 'Kim Jong Un & Putin: Nordkorea-Russland Allianz', 'pingback'),
        link('https://x.example/a', 'Globale Allianzen: Lehren aus dem Jemen-Konflikt', 'block'),
        link('https://x.example/b', 'Neue Fronten und Strategien', 'block'),
      ],
      ARTICLE,
    );
    expect(ranked.map((l) => l.source)).toEqual(['block', 'block', 'pingback']);
  });

  it('lets a strongly topical in-text link pass a block link with no overlap', () => {
    const ranked = rankRelatedLinks(
      [
        link('https://x.example/rezept', 'Ein Rezept für Apfelkuchen', 'block'),
        link('https://x.example/kim', 'Kim Jong Un, Putin und Nordkoreas Soldaten in Russland', 'in-text'),
      ],
      ARTICLE,
    );
    expect(ranked[0]!.url).toBe('https://x.example/kim');
  });

  it('breaks ties by source (block, in-text, pingback), then page order', () => {
    const ranked = rankRelatedLinks(
      [
        link('https://x.example/3', 'Ohne Bezug drei', 'pingback'),
        link('https://x.example/2', 'Ohne Bezug zwei', 'in-text'),
        link('https://x.example/1b', 'Ohne Bezug eins b', 'block'),
        link('https://x.example/1a', 'Ohne Bezug eins a', 'block'),
      ],
      { lang: 'de', text: '', entities: [] },
    );
    expect(ranked.map((l) => l.url)).toEqual([
      'https://x.example/1b',
      'https://x.example/1a',
      'https://x.example/2',
      'https://x.example/3',
    ]);
  });
});
