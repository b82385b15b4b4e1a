/**
 * Pages in languages without an entity model (Italian, Russian, Chinese), through the whole pipeline
 * as the CLI runs it: the Analysis says what the language allows, lists no names, and shows only the
 * quotations a reader would call quotations, without guessed speakers (issue 12).
 */
import { Readable } from 'node:stream';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../lib/analyze.ts';
import { runAnalyzeCli } from '../../scripts/analyze.ts';
import { buildForeignPage, FOREIGN_ARTICLES, ITALIAN } from '../fixtures/foreign-pages.ts';

const URL_OF_PAGE = 'http://127.0.0.1:8080/artikel';

describe.each(FOREIGN_ARTICLES.map((foreign) => [foreign.lang, foreign] as const))(
  'a %s page',
  (_, foreign) => {
    /** Model files the pipeline asked for (none exist for these languages, so the loader has none). */
    const asked: string[] = [];
    const analysis = (async () => {
      const dom = new JSDOM(buildForeignPage(foreign, { origin: 'http://127.0.0.1:8080' }), {
        url: URL_OF_PAGE,
      });
      return analyzeDocument(dom.window.document, URL_OF_PAGE, {
        loadModel: async (name) => {
          asked.push(name);
          return null;
        },
      });
    })();

    it('is analysed in its own language, and says names and speakers are not available for it', async () => {
      const { status, lang, support } = await analysis;
      expect([status, lang]).toEqual(['ok', foreign.lang]);
      expect(support).toEqual({ names: 'none', speakers: 'none', quotes: 'partial', summary: 'partial' });
    });

    it('asks for no entity model and lists no names', async () => {
      expect((await analysis).entities).toEqual([]);
      expect(asked).toEqual([]);
    });

    it('lists exactly the speech in paired marks, without speakers, and none of the scare quotes', async () => {
      const { quotes } = await analysis;
      expect(quotes.map((q) => q.text)).toEqual(foreign.quotes);
      expect(quotes.map((q) => q.speaker)).toEqual(foreign.quotes.map(() => null));
      for (const word of foreign.notQuotes) expect(quotes.map((q) => q.text)).not.toContain(word);
    });
  },
);

it("the CLI's JSON says what the page's language allows", async () => {
  const written: string[] = [];
  const code = await runAnalyzeCli(['-', '--compact', '--url', URL_OF_PAGE], {
    stdin: Readable.from([buildForeignPage(ITALIAN)]),
    stdout: { write: (text) => written.push(text) > 0, once: () => undefined },
    stderr: { write: () => undefined },
  });
  expect(code).toBe(0);
  expect(JSON.parse(written.join(''))).toMatchObject({
    lang: 'it',
    support: { names: 'none', speakers: 'none', quotes: 'partial', summary: 'partial' },
  });
});
