import { describe, expect, it } from 'vitest';
import { loadNerModel } from './entities/index.ts';
import { languageSupport } from './language-support.ts';

describe('languageSupport', () => {
  it('offers everything in German and English, whatever the region', () => {
    for (const lang of ['de', 'en', 'de-AT', 'en_GB', 'DE']) {
      expect(languageSupport(lang), lang).toEqual({
        names: 'full',
        speakers: 'full',
        quotes: 'full',
        summary: 'full',
      });
    }
  });

  it('offers no names or speakers, and reduced quotes and summary, in other languages and an unknown one', () => {
    for (const lang of ['it', 'ru', 'zh', 'es', 'ko', 'und', '']) {
      expect(languageSupport(lang), lang).toEqual({
        names: 'none',
        speakers: 'none',
        quotes: 'partial',
        summary: 'partial',
      });
    }
  });

  it('says names are available exactly where the pipeline asks for an entity model', async () => {
    for (const lang of ['de', 'en', 'fr', 'it', 'ru', 'zh', 'und']) {
      const asked: string[] = [];
      await loadNerModel(lang, async (name) => {
        asked.push(name);
        return null;
      });
      expect(languageSupport(lang).names === 'full', lang).toBe(asked.length > 0);
    }
  });
});
