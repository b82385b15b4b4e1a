/**
 * Issue 16: the content script is small; the sanitiser (DOMPurify) is a separate part the background
 * injects only for a save made from the page (context menu, shortcut). This asks the background for the
 * analysed tab's sanitised article, as those saves do, and checks the part was injected and did its work.
 */
import { expect, it } from 'vitest';
import { buildSeedPage } from '../fixtures/news-page.ts';
import {
  evaluateInExtension,
  forEachBrowser,
  openPage,
  openPopup,
  serveFixtures,
  tabIdOf,
  useExtensionSession,
  waitForPopupOutcome,
} from './harness.ts';

/** An event handler inside the article: DOMPurify removes it; Readability keeps it. */
const HOSTILE = '<img src="/x.png" alt="" onerror="window.__kontextPwned = 1">';

forEachBrowser((name) => {
  const session = useExtensionSession(name);

  it('sanitises the extracted article in the page only when a save asks, with the injected sanitiser', async () => {
    const server = await serveFixtures((origin) => ({
      '/article': buildSeedPage({ origin })!.replace('zitierte KCNA', `${HOSTILE}zitierte KCNA`),
    }));
    try {
      const page = await openPage(session(), server.url('/article'));
      const tabId = await tabIdOf(session(), page);
      const popup = await openPopup(session(), tabId);
      expect(await waitForPopupOutcome(popup)).toBe('analysis');
      const answer = await evaluateInExtension(
        session(),
        async (id: number) => {
          // biome-ignore lint/suspicious/noExplicitAny: the WebExtension global differs per browser
          const g = globalThis as any;
          return (g.browser ?? g.chrome).runtime.sendMessage({
            type: 'kontext:sanitized-content',
            tabId: id,
          });
        },
        tabId,
      );
      const html = (answer as { html?: string } | null)?.html ?? '';
      expect(html).toContain('Kim Jong Un');
      // The image came through the extraction (so the check below could fail), without its handler.
      expect(html).toContain('/x.png');
      expect(html).not.toMatch(/onerror/i);
      expect(html).not.toContain('missing');
      await popup.close();
      await page.close();
    } finally {
      await server.close();
    }
  });
});
