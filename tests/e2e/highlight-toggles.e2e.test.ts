/**
 * The popup's highlight switches, in real Chromium and Firefox: one kind off hides only that kind; all
 * off leaves the page exactly as it was (no card host, no adopted stylesheet); on again repaints.
 */
import { describe, expect, it } from 'vitest';
import { hasSharedData, requireSharedDataInCi, SKIP_NO_DATA } from '../support/shared-data.ts';
import { forEachBrowser, openPage, openPopup, useExtensionSession, waitForPopupOutcome } from './harness.ts';
import { analyseThroughPopup, pageState, useSeedArticlePage, waitForAids } from './reading-aids.ts';

requireSharedDataInCi();

describe.skipIf(!hasSharedData)(hasSharedData ? 'highlight switches in the popup' : SKIP_NO_DATA, () => {
  const seedArticleUrl = useSeedArticlePage();

  forEachBrowser((browserName) => {
    const session = useExtensionSession(browserName);

    it('switches one kind, then all, off and on again', async () => {
      const page = await openPage(session(), seedArticleUrl());
      const before = await pageState(page);
      const { tabId } = await analyseThroughPopup(session(), page);
      const painted = await waitForAids(session(), tabId, (s) => (s?.painted.place?.length ?? 0) > 0);
      expect(painted?.painted.person?.length).toBeGreaterThan(0);

      const popup = await openPopup(session(), tabId);
      expect(await waitForPopupOutcome(popup)).toBe('analysis');
      const toggle = async (selector: string) => {
        await popup.click(selector);
      };

      await toggle('.toggle.kind-place input');
      const withoutPlaces = await waitForAids(session(), tabId, (s) => (s?.painted.place?.length ?? 0) === 0);
      expect(withoutPlaces?.painted.place ?? []).toEqual([]);
      expect(withoutPlaces?.painted.person?.length).toBeGreaterThan(0);

      await toggle('.toggle-all input');
      const off = await waitForAids(session(), tabId, (s) => s?.active === false);
      expect(off?.active).toBe(false);
      const cleared = await pageState(page);
      expect(cleared.hasHost).toBe(false);
      expect(cleared.adoptedSheets).toBe(before.adoptedSheets);
      expect(cleared.html).toBe(before.html);

      await toggle('.toggle-all input');
      const on = await waitForAids(session(), tabId, (s) => (s?.painted.place?.length ?? 0) > 0);
      expect(on?.active).toBe(true);
      expect(on?.painted.person?.length).toBeGreaterThan(0);
      await popup.close();
    });
  });
});
