/**
 * Issue 12: news sites put soft hyphens, <wbr>, zero-width characters and no-break spaces inside names.
 * Extraction reads such a name whole; the highlighter must find it in the live page and paint exactly
 * the live text, with the invisible characters inside the painted Range.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/extract/index.ts';
import { locateBlocks } from '../../../lib/highlight/locate-blocks.ts';
import { buildHighlightSpans } from '../../../lib/highlight/spans.ts';
import { toAnalysisText } from '../../../lib/text/characters.ts';
import { makeAnalysis } from './make-analysis.ts';

const URL = 'http://127.0.0.1:8080/politik/gipfel';

/** Each name split by a different character news pages use. */
const SPLIT_NAMES: ReadonlyArray<[html: string, name: string, kind: 'person' | 'place' | 'organization']> = [
  ['Nord&shy;korea', 'Nordkorea', 'place'],
  ['Pjöng<wbr>jang', 'Pjöngjang', 'place'],
  ['Vladi\u200bmir&nbsp;Putin', 'Vladimir Putin', 'person'],
  ['Kim\u202fJong\u00a0Un', 'Kim Jong Un', 'person'],
  ['Mos\u2060kau', 'Moskau', 'place'],
  ['Russ\u200cland', 'Russland', 'place'],
  ['Kre\ufeffml', 'Kreml', 'organization'],
  ['Sü\u200ddkorea', 'Südkorea', 'place'],
];

function page(): string {
  const sentences = SPLIT_NAMES.map(
    ([html], i) =>
      `<p>Am ${i + 1}. Tag des Treffens war ${html} erneut Thema der Gespräche, wie Diplomaten in der Hauptstadt am Abend berichteten. Beobachter sprachen von einem Signal, das weit über die Region hinaus gehört werde.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="de"><head><title>Gipfel</title></head><body>
  <main><article><h1>Gipfel in der Hauptstadt</h1>${sentences}</article></main></body></html>`;
}

function setup() {
  const doc = new JSDOM(page(), { url: URL }).window.document;
  const { page: extracted, anchors } = extractArticle(doc, URL, { anchors: true });
  const analysis = makeAnalysis(
    extracted.blocks.map((b) => b.text),
    SPLIT_NAMES.map(([, name, kind]) => ({ name, kind })),
  );
  return { doc, analysis, anchors };
}

describe('names split by invisible characters and no-break spaces', () => {
  it('are read whole by extraction', () => {
    const { analysis } = setup();
    // makeAnalysis throws when a name does not occur; check the text holds no invisible character too.
    expect(analysis.text).not.toMatch(/[\u00ad\u200b-\u200d\u2060\ufeff\u00a0\u202f]/);
  });

  for (const source of ['anchor', 'search'] as const) {
    it(`are painted, each over its exact live text (${source})`, () => {
      const { doc, analysis, anchors } = setup();
      const location = locateBlocks(doc, analysis.blocks, source === 'anchor' ? anchors : null);
      expect(location.blocks.slice(1).every((b) => b?.source === source)).toBe(true);
      const spans = buildHighlightSpans(doc, analysis, location);
      for (const [html, name] of SPLIT_NAMES) {
        const painted = spans.filter((s) => analysis.text.slice(s.start, s.end) === name);
        expect(painted, `${name} is painted`).toHaveLength(1);
        const live = painted[0]!.range.toString();
        // The Range covers the page's own characters, invisible ones included, and no more.
        expect(toAnalysisText(live)).toBe(name);
        if (!html.includes('<wbr>')) expect(live).not.toBe(name);
      }
    });
  }
});

describe('toAnalysisText', () => {
  it('drops invisible characters and reads every whitespace run as one space', () => {
    expect(toAnalysisText('Nord\u00adkorea\u00a0und\u202f \tSüd\u200bkorea\ufeff')).toBe(
      'Nordkorea und Südkorea',
    );
    expect(toAnalysisText('a\u200c\u200d\u2060b')).toBe('ab');
  });
});
