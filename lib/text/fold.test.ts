import { describe, expect, it } from 'vitest';
import { foldAccents, foldCase, foldName, sameName } from './fold.ts';

describe('foldAccents', () => {
  it('drops combining marks and decomposes compatibility forms, and leaves ASCII as it is', () => {
    expect(foldAccents('Erdoğan in Zürich')).toBe('Erdogan in Zurich');
    expect(foldAccents('ﬁnal Ⅻ')).toBe('final XII');
    expect(foldAccents('Plain ASCII, kept.')).toBe('Plain ASCII, kept.');
  });
});

describe('foldName', () => {
  it('lets hyphenated and spaced spellings of a name meet', () => {
    expect(sameName('Kim Jong-un', 'Kim Jong Un')).toBe(true);
    expect(sameName('Jean-Luc Mélenchon', 'Jean Luc Melenchon')).toBe(true);
  });

  it('drops accents and case, and spells ß as ss', () => {
    expect(foldName('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
    expect(foldName('Straße')).toBe('strasse');
    expect(foldName('ÉLYSÉE')).toBe('elysee');
  });

  it('collapses dots, apostrophes and runs of spaces into one space', () => {
    expect(foldName('  St. Pölten ')).toBe('st polten');
    expect(foldName("Beto O'Rourke")).toBe('beto o rourke');
    expect(foldName('Kim  Jong–un')).toBe('kim jong un');
  });

  it('keeps different names apart', () => {
    expect(sameName('Kim Jong Un', 'Kim Jong Il')).toBe(false);
    expect(sameName('Koch', 'Kochs')).toBe(false);
  });
});

describe('foldCase', () => {
  it('ignores case and spacing but keeps accents', () => {
    expect(foldCase('  Kim   JONG Un ')).toBe('kim jong un');
    expect(foldCase('Erdoğan')).not.toBe(foldCase('Erdogan'));
    expect(foldCase('Jose\u0301')).toBe(foldCase('José'));
  });
});
