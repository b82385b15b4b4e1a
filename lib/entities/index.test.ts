import { describe, expect, it } from 'vitest';
import { articleFrom, nodeModelLoader } from '../../tests/support/ner-models.ts';
import { tokenize } from '../text/tokens.ts';
import {
  companiesByRole,
  loadNerModel,
  organisationsInMisc,
  primaryLanguage,
  recognizeEntities,
} from './index.ts';

describe('loadNerModel', () => {
  it('loads only the requested language, once', async () => {
    const requested: string[] = [];
    const loader = nodeModelLoader(requested);
    const first = await loadNerModel('de-DE', loader);
    const second = await loadNerModel('de', loader);
    expect(first).not.toBeNull();
    expect(second).toBe(first);
    expect(requested).toEqual(['ner-de.bin']);
  });

  it('returns null for a language without a model, without asking the loader', async () => {
    const requested: string[] = [];
    expect(await loadNerModel('fr', nodeModelLoader(requested))).toBeNull();
    expect(requested).toEqual([]);
  });

  it('returns null when the loader has no file or what it has is not a model file', async () => {
    expect(await loadNerModel('en', async () => null)).toBeNull();
    expect(await loadNerModel('en', async () => new Uint8Array(64).buffer)).toBeNull();
  });

  it('normalises language tags', () => {
    expect(primaryLanguage('en-GB')).toBe('en');
    expect(primaryLanguage('DE_at')).toBe('de');
  });
});

describe('recognizeEntities', () => {
  it('returns [] without a model', () => {
    expect(
      recognizeEntities(articleFrom([{ kind: 'paragraph', text: 'Kim met Putin.' }], 'fr'), null),
    ).toEqual([]);
  });

  it('finds English people, places and organisations with exact offsets', async () => {
    const model = await loadNerModel('en', nodeModelLoader());
    const article = articleFrom(
      [
        { kind: 'heading', text: 'Merkel visits Washington' },
        {
          kind: 'paragraph',
          text: 'German Chancellor Angela Merkel met President Barack Obama in Washington on Friday. Merkel said the European Union would work with the United Nations.',
        },
      ],
      'en',
    );
    const entities = recognizeEntities(article, model);
    const byName = new Map(entities.map((e) => [e.name, e]));
    expect(byName.get('Angela Merkel')?.kind).toBe('person');
    expect(byName.get('Angela Merkel')?.count).toBe(3);
    expect(byName.get('Barack Obama')?.kind).toBe('person');
    expect(byName.get('Washington')?.kind).toBe('place');
    expect(byName.get('European Union')?.kind).toBe('organization');
    expect(byName.has('Chancellor Angela Merkel')).toBe(false);
    for (const e of entities)
      for (const m of e.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('credit lines', () => {
  it('names no one from a credit line left as a paragraph', async () => {
    const model = await loadNerModel('de', nodeModelLoader());
    const article = articleFrom(
      [
        { kind: 'paragraph', text: 'Sabine Kehl nannte den Streik in Berlin unverhältnismäßig.' },
        { kind: 'paragraph', text: 'Foto: Jens Büttner/dpa' },
      ],
      'de',
    );
    const names = recognizeEntities(article, model).map((e) => e.name);
    expect(names).toContain('Sabine Kehl');
    expect(names.some((n) => n.includes('Büttner'))).toBe(false);
  });
});

describe('organisationsInMisc', () => {
  it('reads an organisation out of a MISC span ending in a head noun, not a demonym or an event', () => {
    const text = 'The British Antarctic Survey and British troops watched the World Cup.';
    const tokens = tokenize(text, 0);
    const raw = ['O', 'B-MISC', 'I-MISC', 'I-MISC', 'O', 'B-MISC', 'O', 'O', 'O', 'B-MISC', 'I-MISC', 'O'];
    expect(tokens.map((t) => t.text)).toHaveLength(raw.length);
    expect(organisationsInMisc(tokens, raw, text, 0).map((m) => [m.text, m.kind])).toEqual([
      ['British Antarctic Survey', 'organization'],
    ]);
  });
});

describe('companiesByRole', () => {
  it('reads an untagged company before its role or shares or after its trade, not a common word or a tagged name', () => {
    const text =
      'Lucasfilm president Karen Doyle spoke. Company president Joe Lee agreed. Tesla shares fell. Apple shares rose. New York president Ann Ray came. It beat the streaming service Netflix.';
    const tokens = tokenize(text, 0);
    // "company" is mostly written in lower case (case profile 1); the rest are unseen.
    const caseProfile = new Map([['company', 1]]);
    const apple = text.indexOf('Apple');
    const tagged = [
      { start: apple, end: apple + 5, text: 'Apple', kind: 'organization' as const, sentence: 0 },
    ];
    expect(companiesByRole(tokens, tagged, text, 0, caseProfile).map((m) => m.text)).toEqual([
      'Lucasfilm',
      'Tesla',
      'Netflix',
    ]);
  });
});
