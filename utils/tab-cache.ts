/**
 * Where the per-tab cache of analyses (lib/background/orchestrator.ts) survives a stopped worker. Chrome
 * may stop the service worker at any time, so entries live in storage.session (memory only, cleared with
 * the browser session, never written to disk). A failing session store only costs the cache.
 */
import type { TabEntry, TabStore } from '@/lib/background/orchestrator.ts';

const key = (tabId: number) => `tab:${tabId}`;

export const sessionTabStore: TabStore = {
  async get(tabId) {
    try {
      const stored = await browser.storage.session.get(key(tabId));
      return stored[key(tabId)] as TabEntry | undefined;
    } catch {
      return undefined;
    }
  },
  async set(tabId, entry) {
    await browser.storage.session.set({ [key(tabId)]: entry }).catch(() => undefined);
  },
  async remove(tabId) {
    await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  },
};
