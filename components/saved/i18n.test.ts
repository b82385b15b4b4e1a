import { describe, expect, it } from 'vitest';
import { parseLibraryJson } from '../../lib/storage/export-json.ts';
import { exportText } from '../../tests/support/hostile-library.ts';
import { makeSavedArticle } from '../../tests/support/saved-articles.ts';
import { createSavedTranslator, describeFailure } from './i18n.ts';

/** The localised message the list shows for a file, in both UI languages. */
function messagesFor(file: string): { en: string; de: string } {
  let error: unknown;
  try {
    parseLibraryJson(file);
  } catch (e) {
    error = e;
  }
  return {
    en: describeFailure(error, createSavedTranslator('en')),
    de: describeFailure(error, createSavedTranslator('de')),
  };
}

describe('import failure messages say what is wrong, in English and German', () => {
  it('a version written as text', () => {
    const { en, de } = messagesFor(exportText([makeSavedArticle()], '1'));
    expect(en).toBe(
      'The format version in this export is missing or not a number ("1"); this Kontext reads version 1. Nothing was imported.',
    );
    expect(de).toContain('fehlt oder ist keine Zahl ("1"); dieses Kontext liest Version 1');
  });

  it('a file that is valid JSON but a list', () => {
    const { en, de } = messagesFor(JSON.stringify([makeSavedArticle()]));
    expect(en).toMatch(/^This JSON file holds a list, not a Kontext export/);
    expect(de).toMatch(/^Diese JSON-Datei enthält eine Liste, keinen Kontext-Export/);
  });

  it('a newer version, and an unknown one', () => {
    expect(messagesFor(exportText([], 2)).de).toContain('neueren Kontext (Formatversion 2)');
    expect(messagesFor(exportText([], 0)).en).toContain(
      'unknown format version (0); this Kontext reads version 1',
    );
  });

  it('a damaged record names the article and the field', () => {
    const { de } = messagesFor(exportText([makeSavedArticle({ url: 'javascript:alert(1)' })]));
    expect(de).toMatch(/^Dieser Export ist beschädigt\. .*article 1\.url: not an http\(s\) address/);
  });
});
