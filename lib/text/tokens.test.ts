import { describe, expect, it } from 'vitest';
import { isCapitalised, isPunctuation, MAX_TOKEN_PARTS, tokenize, tokenizeRange } from './tokens.ts';

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

describe('tokenizeRange (the quote reader)', () => {
  it('reads only the range, with offsets into the whole text, and keeps a possessive on its word', () => {
    const text = 'Vorher. Clinton’s aide said: "No."';
    const tokens = tokenizeRange(text, 8, 27);
    expect(tokens.map((t) => t.text)).toEqual(['Clinton’s', 'aide', 'said']);
    expect(text.slice(tokens[0]!.start, tokens[0]!.end)).toBe('Clinton’s');
  });
});

describe('word classes', () => {
  it('knows capitalised words in any script and punctuation', () => {
    expect(['Kim', 'Österreich', 'Ángel', 'Δελφοί'].every(isCapitalised)).toBe(true);
    expect(['kim', 'über', '3D', ''].some(isCapitalised)).toBe(false);
    expect(isPunctuation('„')).toBe(true);
    expect(isPunctuation('3')).toBe(false);
  });
});
