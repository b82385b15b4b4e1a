/**
 * Issue 12 in real Chromium and Firefox ESR with the test build:
 *  - the popup, the saved list and the reader show body text at 14 px or more (Chromium injects
 *    `body { font-size: 75% }` into extension pages, which once shrank the popup to 10.5 px);
 *  - pages in Italian, Russian and Chinese (no entity model) get a plain notice instead of "no names",
 *    only their real quotations, and no section heading with nothing under it.
 * The pages are written for the tests (tests/fixtures/foreign-pages.ts), so no ../shared data is needed.
 * Chromium takes the README picture of the popup's Saved tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildForeignPage, FOREIGN_ARTICLES, ITALIAN, RUSSIAN } from '../fixtures/foreign-pages.ts';
import {
  type FixtureServer,
  forEachBrowser,
  navigate,
  openPage,
  openPopup,
  type Page,
  saveScreenshot,
  serveFixtures,
  tabIdOf,
  useExtensionSession,
  waitForPopupOutcome,
} from './harness.ts';

const pathOf = (lang: string) => `/notizie/${lang}`;
const SAVED = [ITALIAN, RUSSIAN];

/** Body text must be at least this large (what Firefox and the design give: 14 px in the popup). */
const MIN_BODY_TEXT_PX = 14;

/** Computed font size in px of the first element matching each selector (0 when there is none). */
function fontSizes(page: Page, selectors: string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (wanted: string[]) =>
      Object.fromEntries(
        wanted.map((selector) => {
          const element = document.querySelector(selector);
          return [selector, element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0];
        }),
      ),
    selectors,
  );
}

function expectReadable(sizes: Record<string, number>): void {
  for (const [selector, px] of Object.entries(sizes)) {
    expect(px, `${selector} is ${px} px`).toBeGreaterThanOrEqual(MIN_BODY_TEXT_PX);
  }
}

interface ForeignPopup {
  notice: string;
  headings: string[];
  quotes: string[];
  speakers: string[];
}

function readForeignPopup(popup: Page): Promise<ForeignPopup> {
  return popup.evaluate(() => ({
    notice: document.querySelector('[data-testid="language-notice"]')?.textContent ?? '',
    headings: [...document.querySelectorAll('h2')].map((h) => h.textContent ?? ''),
    quotes: [...document.querySelectorAll('[data-testid="quote"] q')].map((q) => q.textContent ?? ''),
    speakers: [...document.querySelectorAll('[data-testid="quote"]')].map(
      (q) => q.getAttribute('data-speaker') ?? '',
    ),
  }));
}

let server: FixtureServer;
beforeAll(async () => {
  server = await serveFixtures((origin) =>
    Object.fromEntries(
      FOREIGN_ARTICLES.map((foreign) => [pathOf(foreign.lang), buildForeignPage(foreign, { origin })]),
    ),
  );
});
afterAll(async () => {
  await server?.close();
});

describe('a readable popup, list and reader; honest output for languages without models', () => {
  forEachBrowser((name) => {
    const session = useExtensionSession(name);
    const seen = new Map<string, ForeignPopup>();
    const popupSizes = new Map<string, Record<string, number>>();

    beforeAll(async () => {
      // Each page analysed, and the Italian and Russian ones saved from the popup, as a reader would.
      // The Chinese one is not saved: the Saved tab's README picture is taken below, and the test
      // machines have no Chinese font.
      for (const foreign of FOREIGN_ARTICLES) {
        const page = await openPage(session(), server.url(pathOf(foreign.lang)));
        const popup = await openPopup(session(), await tabIdOf(session(), page));
        if ((await waitForPopupOutcome(popup)) === 'analysis') {
          seen.set(foreign.lang, await readForeignPopup(popup));
          popupSizes.set(
            foreign.lang,
            await fontSizes(popup, ['body', '[data-testid="title"]', '[data-testid="language-notice"]', 'q']),
          );
        }
        if (SAVED.includes(foreign)) {
          await popup.click('[data-testid="save"]');
          await popup.waitForSelector('[data-testid="save"][aria-pressed="true"]', { timeout: 15_000 });
        }
        await popup.close();
        await page.close();
      }
    });

    it.each(FOREIGN_ARTICLES.map((f) => [f.lang, f] as const))(
      '%s: says names and speakers are for German and English only, in the UI language',
      (lang, foreign) => {
        const view = seen.get(lang);
        expect(view, `${lang} page was not analysed`).toBeDefined();
        const pageLanguage = new Intl.DisplayNames(['en'], { type: 'language' }).of(foreign.lang);
        expect(view!.notice).toContain(
          `Names and speakers are available for German and English; this page is in ${pageLanguage}.`,
        );
      },
    );

    it.each(FOREIGN_ARTICLES.map((f) => [f.lang, f] as const))(
      '%s: lists exactly the real quotations, without speakers, and no empty Names section',
      (lang, foreign) => {
        const view = seen.get(lang)!;
        expect(view.quotes).toEqual(foreign.quotes);
        expect(view.speakers).toEqual(foreign.quotes.map(() => ''));
        expect(view.headings).not.toContain('Names');
        // Every heading shown has something under it: related reading is empty on these pages.
        expect(view.headings).not.toContain('Related reading');
      },
    );

    it('popup: body text is at least 14 px', () => {
      expectReadable(popupSizes.get(ITALIAN.lang) ?? {});
    });

    it("popup's Saved tab: styled like the list, text at least 14 px", async () => {
      const popup = await openPopup(session(), null, 'saved');
      await popup.waitForSelector('[data-testid="saved-item"]', { timeout: 15_000 });
      await popup.waitForFunction(
        (n: number) => document.querySelectorAll('[data-testid="saved-item"]').length === n,
        { timeout: 15_000 },
        SAVED.length,
      );
      expectReadable(
        await fontSizes(popup, ['body', '[data-testid="saved-open"]', '[data-testid="saved-search"]']),
      );
      // The list's stylesheet applies: no bulleted list, no fieldset border around the filters.
      const look = await popup.evaluate(() => ({
        bullets: getComputedStyle(document.querySelector('.saved-items')!).listStyleType,
        filterBorder: getComputedStyle(document.querySelector('.filters')!).borderTopStyle,
        filterLabel: getComputedStyle(document.querySelector('.filters label')!).flexDirection,
      }));
      expect(look).toEqual({ bullets: 'none', filterBorder: 'none', filterLabel: 'column' });
      if (name === 'chromium') await saveScreenshot(popup, 'popup-saved');
      await popup.close();
    });

    it('saved list and reader: body text is at least 14 px', async () => {
      const list = await session().browser.newPage();
      await navigate(session(), list, `${session().extensionOrigin}/list.html`);
      await list.waitForSelector('[data-testid="saved-item"]', { timeout: 15_000 });
      expectReadable(await fontSizes(list, ['body', '[data-testid="saved-open"]', '.saved-excerpt']));
      const id = await list.$eval('[data-testid="saved-item"]', (item) => item.getAttribute('data-id'));
      await navigate(
        session(),
        list,
        `${session().extensionOrigin}/reader.html?id=${encodeURIComponent(id!)}`,
      );
      await list.waitForSelector('[data-testid="reader-content"] p', { timeout: 15_000 });
      expectReadable(
        await fontSizes(list, ['body', '[data-testid="back-to-list"]', '[data-testid="reader-content"] p']),
      );
      await list.close();
    });
  });
});
