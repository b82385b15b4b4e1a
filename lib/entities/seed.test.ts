/**
 * The seed article (../shared/data/seed/article-de.txt): the entities the foundation issue names are
 * found with their canonical names and kinds, and common nouns are not entities.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedArticle, SEED_ENTITIES } from '../../tests/fixtures/news-page.ts';
import { articleFrom, nodeModelLoader } from '../../tests/support/ner-models.ts';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from '../../tests/support/shared-data.ts';
import type { Entity } from '../types.ts';
import { loadNerModel, recognizeEntities } from './index.ts';

requireSharedDataInCi();

describe.skipIf(!hasSharedData)(
  `seed article entities (${hasSharedData ? 'shared data present' : SKIP_NO_DATA})`,
  () => {
    let entities: Entity[] = [];
    let text = '';

    beforeAll(async () => {
      const plain = readSeedArticle()!;
      const article = articleFrom(
        [
          { kind: 'heading', text: plain.title },
          ...plain.blocks,
          ...plain.related.map((t) => ({ kind: 'list-item' as const, text: t })),
          ...(plain.pingback ? [{ kind: 'paragraph' as const, text: plain.pingback }] : []),
        ],
        'de',
      );
      text = article.text;
      entities = recognizeEntities(article, await loadNerModel('de', nodeModelLoader()));
    });

    const find = (name: string) => entities.find((e) => e.name === name);

    it.each(SEED_ENTITIES)('finds %s as a %s under its canonical name', (name, kind) => {
      expect(find(name), `entities: ${entities.map((e) => `${e.name}/${e.kind}`).join(', ')}`).toBeDefined();
      expect(find(name)!.kind).toBe(kind);
      // Painted, not only listed as a possible name (confidence.ts).
      expect(find(name)!.possible, `${name} confidence ${find(name)!.confidence}`).toBe(false);
    });

    it('folds genitives and short names into the canonical entity', () => {
      expect(find('Nordkorea')!.aliases).toContain('Nordkoreas');
      expect(find('Russland')!.aliases).toContain('Russlands');
      expect(find('Kim Jong Un')!.aliases).toContain('Kim');
      // "Putins Drohnenangriffe": the only mention, a genitive before the noun it owns.
      expect(find('Putin')?.aliases).toContain('Putins');
      for (const stray of ['Nordkoreas', 'Russlands', 'Kim', 'Putins']) expect(find(stray)).toBeUndefined();
    });

    it('marks no common noun as an entity', () => {
      const surfaces = entities.flatMap((e) => [e.name, ...e.aliases]);
      for (const noun of [
        'Soldaten',
        'Botschaft',
        'Machthaber',
        'Truppen',
        'Geheimdienste',
        'Jahreswechsel',
      ]) {
        expect(surfaces.filter((s) => s.includes(noun))).toEqual([]);
      }
    });

    it('gives exact mention offsets, counts and sentences', () => {
      for (const e of entities) {
        expect(e.count).toBe(e.mentions.length);
        expect(e.sentences.length).toBeGreaterThan(0);
        expect(e.firstSentence).toBe(e.sentences[0]);
        for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      }
      expect(find('Kim Jong Un')!.count).toBeGreaterThanOrEqual(6);
      expect(find('Kim Jong Un')!.firstSentence).toContain('Kim Jong Un');
    });
  },
);
