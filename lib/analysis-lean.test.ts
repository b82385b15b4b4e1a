import { describe, expect, it } from 'vitest';
import { fromLeanAnalysis, type LeanAnalysis, toLeanAnalysis } from './analysis-lean.ts';
import type { Analysis, Entity } from './types.ts';

const entity = (name: string, sentences: string[], firstSentence = sentences[0] ?? ''): Entity => ({
  id: `person:${name.toLowerCase()}`,
  name,
  kind: 'person',
  count: sentences.length,
  aliases: [],
  firstSentence,
  sentences,
  mentions: [],
});

const analysis = (entities: Entity[]): Analysis => ({
  url: 'https://example.org/a',
  title: 'A',
  byline: null,
  siteName: null,
  publishedTime: null,
  lang: 'de',
  langSource: 'markup',
  excerpt: null,
  wordCount: 12,
  readingMinutes: 1,
  status: 'ok',
  message: null,
  text: 'Anna traf Ben.\n\nBen ging.',
  paragraphs: ['Anna traf Ben.', 'Ben ging.'],
  blocks: [
    { kind: 'paragraph', text: 'Anna traf Ben.', start: 0 },
    { kind: 'paragraph', text: 'Ben ging.', start: 16 },
  ],
  contentHtml: '<p>Anna traf Ben.</p><p>Ben ging.</p>',
  entities,
  quotes: [],
  summary: [],
  related: [],
  support: { names: 'full', speakers: 'full', quotes: 'full', summary: 'full' },
  timings: {},
});

describe('the lean analysis', () => {
  const full = analysis([
    entity('Anna', ['Anna traf Ben.']),
    entity('Ben', ['Anna traf Ben.', 'Ben ging.'], 'Ben ging.'),
    entity('Carl', [], ''),
  ]);

  it('stores each cited sentence once and refers to it by index', () => {
    const lean = toLeanAnalysis(full);
    expect(lean.sentences).toEqual(['Anna traf Ben.', 'Ben ging.', '']);
    expect(lean.entities.map((e) => [e.name, e.firstSentence, e.sentences])).toEqual([
      ['Anna', 0, [0]],
      ['Ben', 1, [0, 1]],
      ['Carl', 2, []],
    ]);
    expect(lean).not.toHaveProperty('paragraphs');
    expect(lean.text).toBe(full.text);
  });

  it('restores the full analysis exactly, also after a JSON round trip', () => {
    const lean = JSON.parse(JSON.stringify(toLeanAnalysis(full))) as LeanAnalysis;
    expect(fromLeanAnalysis(lean)).toEqual(full);
  });

  it('refuses an index that points nowhere', () => {
    const lean = toLeanAnalysis(full);
    lean.entities[0]!.sentences = [7];
    expect(() => fromLeanAnalysis(lean)).toThrow(/no sentence 7/);
  });
});
