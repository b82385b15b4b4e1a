import { expect, it } from 'vitest';
import { articleFrom, nodeModelLoader } from '../../tests/support/ner-models.ts';
import { loadNerModel, recognizeEntities } from './index.ts';
import { isEnglishInstitutionWord, isInstitutionWord } from './institutions.ts';

it('knows Bundes-/Landes- institutions in any case form, not their plurals or other compounds', () => {
  for (const w of [
    'Bundesverfassungsgericht',
    'Bundesumweltministerium',
    'Bundestages',
    'Landeskriminalamt',
  ]) {
    expect(isInstitutionWord(w)).toBe(true);
  }
  for (const w of ['Bundesländer', 'Bundesgerichte', 'Bundesliga', 'Landesstraße', 'Bundesbürger']) {
    expect(isInstitutionWord(w)).toBe(false);
  }
});

it('adds an institution the tagger left out as an organisation', async () => {
  const model = await loadNerModel('de', nodeModelLoader());
  const article = articleFrom(
    [{ kind: 'paragraph', text: 'Das Bundesverfassungsgericht hat das Gesetz in Teilen gekippt.' }],
    'de',
  );
  const found = recognizeEntities(article, model).find((e) => e.name === 'Bundesverfassungsgericht');
  expect(found?.kind).toBe('organization');
});

it('adds an English legislature named by one word, not the lower-case common noun', async () => {
  expect(isEnglishInstitutionWord('Commons')).toBe(true);
  expect(isEnglishInstitutionWord('parliament')).toBe(false);
  const model = await loadNerModel('en', nodeModelLoader());
  const article = articleFrom(
    [
      {
        kind: 'paragraph',
        text: 'The bill passed the Commons on Tuesday and the Lords will debate it. The parliament of Ghana met.',
      },
    ],
    'en',
  );
  const names = recognizeEntities(article, model).map((e) => [e.name, e.kind]);
  expect(names).toContainEqual(['Commons', 'organization']);
  expect(names).toContainEqual(['Lords', 'organization']);
  expect(names.map(([n]) => n)).not.toContain('parliament');
});
