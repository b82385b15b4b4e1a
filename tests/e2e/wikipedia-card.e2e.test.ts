/**
 * Wikipedia summaries in the hover card, in real Chromium and Firefox, against a local stub that serves
 * hand-written answers in the shape of Wikipedia's two endpoints (tests/fixtures/wikipedia/responses.ts).
 * The test build reads `wikipediaOrigin` from storage.local and asks that origin instead of
 * https://{lang}.wikipedia.org; its host permission for 127.0.0.1 covers it, so the popup's switch is
 * granted without a prompt.
 *
 * Off (the default): hovering names sends nothing to the stub; the card shows the switch. On (switched
 * in the popup, as a reader does): the card for Kim Jong Un shows the stub's description and extract.
 * The seed article is German, so the German edition is asked first.
 */
import { describe, expect, it } from 'vitest';
import { KIM_SEARCH_DE, KIM_SUMMARY_DE } from '../fixtures/wikipedia/responses.ts';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from '../support/shared-data.ts';
import {
  evaluateInExtension,
  type FixtureServer,
  forEachBrowser,
  openPage,
  openPopup,
  type Page,
  serveFixtures,
  useExtensionSession,
} from './harness.ts';
import { analyseThroughPopup, pointAtFirst, useSeedArticlePage, waitForAids } from './reading-aids.ts';

requireSharedDataInCi();

const json = (body: unknown) => ({
  body: JSON.stringify(body),
  contentType: 'application/json; charset=utf-8',
});

function serveWikipediaStub(): Promise<FixtureServer> {
  return serveFixtures({
    '/w/rest.php/v1/search/title': json(KIM_SEARCH_DE),
    '/api/rest_v1/page/summary/Kim_Jong-un': json(KIM_SUMMARY_DE),
  });
}

async function setStorage(
  session: Parameters<typeof evaluateInExtension>[0],
  items: Record<string, unknown>,
) {
  await evaluateInExtension(
    session,
    async (values: Record<string, unknown>) => {
      // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
      const g = globalThis as any;
      await (g.browser ?? g.chrome).storage.local.set(values);
    },
    items,
  );
}

/** Moves the pointer onto the first mention of `name` (from off it, so the hover starts anew). */
async function hover(page: Page, name: string) {
  await page.keyboard.press('Escape');
  const point = await pointAtFirst(page, name);
  await page.mouse.move(point.x - 40, point.y + 80);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

describe.skipIf(!hasSharedData)(hasSharedData ? 'Wikipedia in the hover card' : SKIP_NO_DATA, () => {
  const seedArticleUrl = useSeedArticlePage();

  forEachBrowser((browserName) => {
    const session = useExtensionSession(browserName);

    it('off by default: hovering names asks the Wikipedia origin nothing; switched on in the popup, the card shows the summary', async () => {
      const stub = await serveWikipediaStub();
      await setStorage(session(), { wikipediaOrigin: stub.origin });
      const page = await openPage(session(), seedArticleUrl());
      const { tabId, analysis } = await analyseThroughPopup(session(), page);
      expect(analysis?.entities.some((e) => e.name === 'Kim Jong Un')).toBe(true);
      await waitForAids(session(), tabId, (s) => (s?.painted.person?.length ?? 0) > 0);

      // Off: each card renders the switch (its answer came back 'off'), and the stub hears nothing.
      for (const name of ['Kim Jong Un', 'Pjöngjang']) {
        await hover(page, name);
        const card = await waitForAids(
          session(),
          tabId,
          (s) => s?.card?.text.includes('Show Wikipedia summaries in cards') === true,
          8_000,
        );
        expect(card?.card?.text, `card for ${name}`).toContain('Show Wikipedia summaries in cards');
      }
      expect(stub.requests).toEqual([]);

      // On: the reader flips the switch in the popup (the click asks for the host permission).
      const popup = await openPopup(session(), tabId);
      const toggle = await popup.waitForSelector('[data-testid="wikipedia-toggle"]:not([disabled])', {
        timeout: 15_000,
      });
      await toggle!.click();
      await popup.waitForSelector('[data-testid="wikipedia-toggle"]:checked', { timeout: 10_000 });
      const stored = await evaluateInExtension(session(), async () => {
        // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
        const g = globalThis as any;
        return (g.browser ?? g.chrome).storage.local.get('wikipediaSummaries');
      });
      expect(stored).toEqual({ wikipediaSummaries: true });
      await popup.close();
      await page.bringToFront();

      await hover(page, 'Kim Jong Un');
      const shown = await waitForAids(
        session(),
        tabId,
        (s) => s?.card?.text.includes(KIM_SUMMARY_DE.description) === true,
        15_000,
      );
      const text = shown?.card?.text ?? '';
      expect(text).toContain('nordkoreanischer Politiker, Oberster Führer Nordkoreas');
      expect(text).toContain('Kim Jong-un ist ein nordkoreanischer Politiker (Stub-Auszug für Tests).');
      // Two sentences of the extract, not the third.
      expect(text).not.toContain('Ein dritter Satz');
      expect(stub.requests).toContain('/w/rest.php/v1/search/title?q=Kim%20Jong%20Un&limit=5');
      expect(stub.requests).toContain('/api/rest_v1/page/summary/Kim_Jong-un');

      await setStorage(session(), { wikipediaSummaries: false, wikipediaOrigin: null });
      await page.close();
      await stub.close();
    });
  });
});
