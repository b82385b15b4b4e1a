/**
 * Per-tab cache of analyses, so reopening the popup is instant. Chrome may stop the service worker
 * at any time, so entries live in storage.session (memory only, cleared with the browser session,
 * never written to disk) with an in-memory copy in front.
 */
import type { HighlightKind } from '@/lib/messaging.ts';
import type { Analysis } from '@/lib/types.ts';

export interface TabEntry {
  url: string;
  analysis: Analysis;
  kinds: HighlightKind[];
}

const memory = new Map<number, TabEntry>();
const key = (tabId: number) => `tab:${tabId}`;

async function readSession(tabId: number): Promise<TabEntry | undefined> {
  try {
    const stored = await browser.storage.session.get(key(tabId));
    return stored[key(tabId)] as TabEntry | undefined;
  } catch {
    return undefined;
  }
}

export const tabCache = {
  async get(tabId: number, url: string | undefined): Promise<TabEntry | undefined> {
    const entry = memory.get(tabId) ?? (await readSession(tabId));
    // Without a URL (no access to the tab's URL) only tab events invalidate; with one, it must match.
    if (!entry || (url && entry.url !== url)) return undefined;
    memory.set(tabId, entry);
    return entry;
  },
  /** Reads the session copy into memory ahead of `get`, so the read runs beside other requests. */
  async warm(tabId: number): Promise<void> {
    if (memory.has(tabId)) return;
    const entry = await readSession(tabId);
    if (entry && !memory.has(tabId)) memory.set(tabId, entry);
  },
  async set(tabId: number, entry: TabEntry): Promise<void> {
    memory.set(tabId, entry);
    // A full session store only costs the cache after a worker restart; the popup still works.
    await browser.storage.session.set({ [key(tabId)]: entry }).catch(() => undefined);
  },
  async updateKinds(tabId: number, kinds: HighlightKind[]): Promise<void> {
    const entry = memory.get(tabId) ?? (await readSession(tabId));
    if (entry) await tabCache.set(tabId, { ...entry, kinds });
  },
  async remove(tabId: number): Promise<void> {
    memory.delete(tabId);
    await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  },
};
