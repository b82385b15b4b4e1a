/**
 * Issue 12, in real Chromium and Firefox: real news markup. Names split by soft hyphens, <wbr>,
 * zero-width characters and no-break spaces are listed AND painted; an article written one sentence a
 * paragraph (which Readability's isProbablyReaderable calls no article) is analysed, not refused.
 */
import { describe, expect, it } from 'vitest';
import { toAnalysisText } from '../../lib/text/characters.ts';
import { buildSeedPage, SEED_ENTITIES } from '../fixtures/news-page.ts';
import { buildShortParagraphsPage } from '../fixtures/short-paragraphs-page.ts';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from '../support/shared-data.ts';
import { forEachBrowser, serveFixtures, useExtensionSession } from './harness.ts';
import { analyseThroughPopup, openServedPage, waitForAids } from './reading-aids.ts';

requireSharedDataInCi();

/** How German news sites split words, one kind of split per name of the seed article. */
const SPLITS: ReadonlyArray<[name: string, split: string]> = [
  ['Nordkorea', 'Nord&shy;korea'],
  ['Pjöngjang', 'Pjöng<wbr>jang'],
  ['Kim Jong Un', 'Kim&nbsp;Jong\u202fUn'],
  ['Moskau', 'Mos\u200bkau'],
  ['Russland', 'Russ\u2060land'],
  ['Ukraine', 'Ukrai\ufeffne'],
  ['Kursk', 'Kur\u200csk'],
  ['Putin', 'Pu\u200dtin'],
];

/** The seed page with every name in the article's text (not in tags or attributes) split. */
function seedPageWithSplitNames(origin: string): string {
  const html = buildSeedPage({ origin })!;
  const start = html.indexOf('<article');
  const end = html.indexOf('</article>');
  const article = html
    .slice(start, end)
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : SPLITS.reduce((text, [name, split]) => text.replaceAll(name, split), part),
    )
    .join('');
  return html.slice(0, start) + article + html.slice(end);
}

describe.skipIf(!hasSharedData)(hasSharedData ? 'real news markup' : SKIP_NO_DATA, () => {
  forEachBrowser((browserName) => {
    const session = useExtensionSession(browserName);

    it('paints every listed name, also names split by invisible characters and no-break spaces', async () => {
      const server = await serveFixtures((origin) => ({ '/split': seedPageWithSplitNames(origin) }));
      const { page } = await openServedPage(session(), server.url('/split'));
      const { tabId, analysis } = await analyseThroughPopup(session(), page);
      expect(analysis?.status).toBe('ok');
      const names = analysis!.entities.map((e) => e.name);
      // The premise: the split names are recognised and listed as the seed's expected names.
      for (const [name, kind] of SEED_ENTITIES) {
        if (SPLITS.some(([split]) => split === name)) {
          expect(analysis!.entities.find((e) => e.name === name)?.kind, `${name} is listed`).toBe(kind);
        }
      }
      const shown = await waitForAids(
        session(),
        tabId,
        (s) => s?.active === true && Object.keys(s.painted).length > 0,
      );
      for (const entity of analysis!.entities) {
        const painted = (shown?.painted[entity.kind] ?? []).map(toAnalysisText);
        const forms = new Set(entity.mentions.map((m) => m.text));
        expect(
          painted.some((text) => forms.has(text)),
          `${entity.kind} "${entity.name}" is painted (listed: ${names.join(', ')})`,
        ).toBe(true);
      }
      // And the painted ranges hold the page's own characters: a soft hyphen inside "Nordkorea".
      expect(shown?.painted.place).toContain('Nord\u00adkorea');
      await page.close();
      await server.close();
    });

    it('analyses an article of one-sentence paragraphs instead of refusing it', async () => {
      const server = await serveFixtures({ '/short': buildShortParagraphsPage() });
      const { page } = await openServedPage(session(), server.url('/short'));
      const { outcome, analysis } = await analyseThroughPopup(session(), page);
      expect(outcome).toBe('analysis');
      expect(analysis?.status).toBe('ok');
      expect(analysis?.entities.map((e) => e.name)).toContain('York');
      await page.close();
      await server.close();
    });
  });
});
