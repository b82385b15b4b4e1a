import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../../tests/unit/highlight/make-analysis.ts';
import { buildCoOccurrence, buildEntityCard, mentionContext } from './card-model.ts';

describe('the card’s context words', () => {
  const analysis = makeAnalysis(
    [
      'Paris erlebte am Montag neue Proteste gegen die Rentenreform in Frankreich.',
      'Die Regierung in Paris hielt an ihren Plänen fest.',
    ],
    [{ name: 'Paris', kind: 'place' }],
    [],
  );
  const paris = analysis.entities[0]!;

  it('carries the article’s words around the mentions and its language', () => {
    const model = buildEntityCard(analysis, paris, buildCoOccurrence(analysis), 0);
    expect(model.lang).toBe(analysis.lang);
    expect(model.context).toContain('Rentenreform');
    expect(model.context).toContain('Regierung');
  });

  it('cuts each window at word boundaries', () => {
    const text = 'alpha beta gamma Paris delta epsilon';
    const at = text.indexOf('Paris');
    expect(mentionContext(text, { mentions: [{ start: at, end: at + 5 }] as never })).toBe(text);
    const long = `${'x'.repeat(200)} word Paris word ${'y'.repeat(200)}`;
    const p = long.indexOf('Paris');
    expect(mentionContext(long, { mentions: [{ start: p, end: p + 5 }] as never })).toBe('word Paris word');
  });
});
