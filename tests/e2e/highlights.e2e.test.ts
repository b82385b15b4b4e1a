/**
 * Page invariance, in real Chromium and Firefox: over the 20 real pages in ../shared and the seed news
 * page, analysing and highlighting through the extension leaves the page's serialised DOM (apart from
 * Kontext's own card host) and its text unchanged, and so does clearing; the page logs no error while
 * Kontext works; and the painted ranges, read back from the live page, are the analysed words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSeedPage } from '../fixtures/news-page.ts';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA, sharedPath } from '../support/shared-data.ts';
import { type FixtureServer, forEachBrowser, serveFixtures, useExtensionSession } from './harness.ts';
import {
  analyseThroughPopup,
  clearThroughExtension,
  collapse,
  expectedTexts,
  offlineCopy,
  openServedPage,
  pageState,
  waitForAids,
} from './reading-aids.ts';

requireSharedDataInCi();

const PAGES = hasSharedData
  ? readdirSync(sharedPath('pages', 'readability'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

/** Share of the analysed mentions that must be found and painted in the live page. */
const MIN_PAINTED_SHARE = 0.9;

describe.skipIf(!hasSharedData)(hasSharedData ? 'highlights never change the page' : SKIP_NO_DATA, () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await serveFixtures((origin) => {
      const routes: Record<string, string> = { '/seed/article': buildSeedPage({ origin })! };
      for (const name of PAGES) {
        const html = readFileSync(sharedPath('pages', 'readability', name, 'source.html'), 'utf8');
        routes[`/pages/${name}/`] = offlineCopy(html);
      }
      return routes;
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  forEachBrowser((browserName) => {
    const session = useExtensionSession(browserName);

    for (const name of ['seed', ...PAGES]) {
      it(`${name}: DOM and text unchanged after highlighting and after clearing; highlights on the right words`, async () => {
        const path = name === 'seed' ? '/seed/article' : `/pages/${name}/`;
        const { page, errors, ownErrors } = await openServedPage(session(), server.url(path));
        const before = await pageState(page);

        const { tabId, analysis } = await analyseThroughPopup(session(), page);
        expect(analysis, 'the background returns the analysis').not.toBeNull();
        const articleFound = analysis!.status === 'ok';
        // Possible names (below the confidence threshold) are listed in the popup, never painted.
        const mentionCount =
          analysis!.entities.filter((e) => !e.possible).reduce((n, e) => n + e.mentions.length, 0) +
          analysis!.quotes.length;
        const shown = await waitForAids(
          session(),
          tabId,
          (s) =>
            !articleFound || (s?.active === true && Object.keys(s.painted).length > 0) || mentionCount === 0,
        );

        const during = await pageState(page);
        expect(during.html).toBe(before.html);
        expect(during.text).toBe(before.text);
        expect(during.hasHost).toBe(false); // no card opened, so not even the host

        if (articleFound && mentionCount > 0) {
          expect(shown?.active).toBe(true);
          expect(shown?.mode).toBe('highlight-api');
          expect(during.adoptedSheets).toBe(before.adoptedSheets + 1);
          const expected = expectedTexts(analysis!);
          let painted = 0;
          for (const [kind, texts] of Object.entries(shown!.painted)) {
            for (const text of texts) {
              expect(
                expected[kind]?.has(collapse(text)),
                `${kind} highlight "${text}" is an analysed ${kind}`,
              ).toBe(true);
              painted++;
            }
          }
          expect(painted / mentionCount).toBeGreaterThanOrEqual(MIN_PAINTED_SHARE);
          if (name === 'seed') expect(shown!.painted.person).toContain('Kim Jong Un');
        }

        await clearThroughExtension(session(), tabId);
        const cleared = await waitForAids(session(), tabId, (s) => s?.active === false);
        expect(cleared?.active).toBe(false);
        expect(cleared?.painted).toEqual({});
        const after = await pageState(page);
        expect(after.hasHost).toBe(false);
        expect(after.adoptedSheets).toBe(before.adoptedSheets);
        expect(after.html).toBe(before.html);
        expect(after.text).toBe(before.text);

        errors.stop();
        // Real pages' own scripts fail offline (missing third-party code); what they logged before Kontext
        // did anything is theirs. Anything new is Kontext's.
        // Firefox also reports, at moments of its choosing, the page's own third-party loads (lazy images,
        // late scripts) that the offline policy of offlineCopy blocks, and that it throttled those reports.
        // They come from that test policy, so they are the page's too; Kontext itself fetches nothing.
        const offlinePolicy = /Content-Security-Policy: /;
        expect(errors.errors.filter((e) => !ownErrors.has(e) && !offlinePolicy.test(e))).toEqual([]);
        await page.close();
      });
    }
  });
});
