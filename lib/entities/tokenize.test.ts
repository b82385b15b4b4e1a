import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_PARTS, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('gives exact offsets into the text', () => {
    const text = 'Mit Worten hat Nordkoreas Machthaber Kim Jong Un, so KCNA, gesprochen.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual([
      'Mit',
      'Worten',
      'hat',
      'Nordkoreas',
      'Machthaber',
      'Kim',
      'Jong',
      'Un',
      ',',
      'so',
      'KCNA',
      ',',
      'gesprochen',
      '.',
    ]);
  });

  it('keeps compounds, dotted abbreviations and titles whole, splits possessives and quotes', () => {
    expect(tokenize('Ukraine-Krieges „heldenhaften“ U.S. Dr. Smith’s J. Doe.').map((t) => t.text)).toEqual([
      'Ukraine-Krieges',
      '„',
      'heldenhaften',
      '“',
      'U.S.',
      'Dr.',
      'Smith',
      '’s',
      'J.',
      'Doe',
      '.',
    ]);
  });

  it('adds an offset for tokens of a part of a larger text', () => {
    expect(tokenize('Kim', 10)).toEqual([{ text: 'Kim', start: 10, end: 13 }]);
  });

  it('cuts a pathological token into bounded pieces instead of one 100k-character match', () => {
    for (const text of [`${'a-'.repeat(50_000)}a`, 'a.'.repeat(50_000)]) {
      const tokens = tokenize(text);
      expect(tokens.length).toBeGreaterThan(1000);
      for (const token of tokens) expect(token.text.length).toBeLessThanOrEqual(2 * MAX_TOKEN_PARTS);
      expect(tokens.map((t) => t.text).join('')).toBe(text);
    }
  });
});
