/**
 * The hover card in real Chromium and Firefox: hovering "Kim Jong Un" in the seed news page opens a card
 * that names him as a person and shows his quote; Esc closes it; page scripts cannot see into it; the
 * keyboard shortcut opens a card with focus, and Esc inside it closes it.
 *
 * Reading a CLOSED shadow root: in Chromium, CDP DOM.getDocument({ pierce: true }) reads it directly
 * (independent of Kontext's code). Firefox has no such protocol call over WebDriver BiDi, so there the
 * card's text comes from the content script's inspect() (tests/e2e/reading-aids.ts), read through
 * scripting.executeScript in the extension's own world.
 */
import { describe, expect, it } from 'vitest';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from '../support/shared-data.ts';
import { forEachBrowser, openPage, type Page, useExtensionSession } from './harness.ts';
import {
  analyseThroughPopup,
  collectPageErrors,
  inspectAids,
  pointAtFirst,
  useSeedArticlePage,
  waitForAids,
} from './reading-aids.ts';

requireSharedDataInCi();

/** Text of every node under closed shadow roots, via CDP (Chromium only). */
async function closedShadowText(page: Page): Promise<string> {
  const cdp = await page.createCDPSession();
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  await cdp.detach();
  const texts: string[] = [];
  const walk = (node: CdpNode, inShadow: boolean) => {
    if (inShadow && node.nodeType === 3 && node.nodeValue?.trim()) texts.push(node.nodeValue.trim());
    for (const child of node.children ?? []) walk(child, inShadow);
    for (const shadow of node.shadowRoots ?? []) {
      if (node.localName?.startsWith('kontext-card-') && shadow.shadowRootType === 'closed')
        walk(shadow, true);
    }
  };
  walk(root, false);
  return texts.join('\n');
}

interface CdpNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  shadowRootType?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

describe.skipIf(!hasSharedData)(hasSharedData ? 'hover card on the seed page' : SKIP_NO_DATA, () => {
  const seedArticleUrl = useSeedArticlePage();

  forEachBrowser((browserName) => {
    const session = useExtensionSession(browserName);

    it('hovering "Kim Jong Un" shows a card naming him as a person, with his quote; Esc closes it', async () => {
      const page = await openPage(session(), seedArticleUrl());
      const errors = collectPageErrors(page);
      const { tabId, analysis } = await analyseThroughPopup(session(), page);
      const kim = analysis?.entities.find((e) => e.name === 'Kim Jong Un');
      expect(kim?.kind).toBe('person');
      const hisQuote = analysis!.quotes.find((q) => q.speakerEntityId === kim!.id && q.kind === 'speech');
      expect(hisQuote, 'the seed article quotes Kim Jong Un').toBeDefined();
      await waitForAids(session(), tabId, (s) => (s?.painted.person?.length ?? 0) > 0);

      const point = await pointAtFirst(page, 'Kim Jong Un');
      await page.mouse.move(point.x - 40, point.y + 60);
      await page.mouse.move(point.x, point.y, { steps: 4 });
      const shown = await waitForAids(session(), tabId, (s) => s?.card != null, 5_000);
      expect(shown?.card?.entityId).toBe(kim!.id);
      const text = shown!.card!.text;
      expect(text).toContain('Kim Jong Un');
      expect(text).toMatch(/Person/);
      expect(text.replace(/\s+/g, ' ')).toContain(hisQuote!.text.replace(/\s+/g, ' '));
      expect(text).toMatch(/wikipedia/i);

      // The host is there, but page scripts see only a closed, empty shell.
      const fromPage = await page.evaluate(() => {
        // The host's tag is random after a fixed prefix.
        const host = [...document.documentElement.children].find((e) =>
          e.localName.startsWith('kontext-card-'),
        );
        return {
          present: host !== null,
          shadow: host?.shadowRoot ?? null,
          parent: host?.parentElement?.tagName,
        };
      });
      expect(fromPage).toEqual({ present: true, shadow: null, parent: 'HTML' });

      if (browserName === 'chromium') {
        const pierced = await closedShadowText(page);
        expect(pierced).toContain('Kim Jong Un');
        expect(pierced.replace(/\s+/g, ' ')).toContain(hisQuote!.text.replace(/\s+/g, ' '));
      }

      await page.keyboard.press('Escape');
      const closed = await waitForAids(session(), tabId, (s) => s?.card == null, 3_000);
      expect(closed?.card).toBeNull();
      expect((await inspectAids(session(), tabId))?.active).toBe(true); // highlights stay

      // Keyboard: Alt+Shift+N opens the first entity's card with focus in it; Esc (handled in the card)
      // closes it.
      await page.keyboard.down('Alt');
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyN');
      await page.keyboard.up('Shift');
      await page.keyboard.up('Alt');
      const stepped = await waitForAids(session(), tabId, (s) => s?.card != null, 3_000);
      const firstEntity = analysis!.entities.reduce((a, b) =>
        (a.mentions[0]?.start ?? 0) <= (b.mentions[0]?.start ?? 0) ? a : b,
      );
      expect(stepped?.card?.focused).toBe(true);
      expect(stepped?.card?.text).toContain(firstEntity.name);
      expect(await page.evaluate(() => document.activeElement?.localName)).toMatch(/^kontext-card-/);
      await page.keyboard.press('Escape');
      const closedByKey = await waitForAids(session(), tabId, (s) => s?.card == null, 3_000);
      expect(closedByKey?.card).toBeNull();

      errors.stop();
      expect(errors.errors).toEqual([]);
      await page.close();
    });
  });
});
