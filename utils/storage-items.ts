/**
 * Everything the extension keeps in browser storage, each as one WXT storage item (storage.defineItem):
 * the key, its area, its type and its default live here and nowhere else.
 *
 * - local:wikipediaSummaries, the "Show Wikipedia summaries in cards" flag (utils/wikipedia-switch.ts);
 * - local:wikipediaOrigin, the test build's loopback stand-in for Wikipedia (tests/e2e/README.md);
 * - local:readerSettings, the reader page's text size and "always load images", versioned; version 1
 *   replaced the reader page's localStorage keys, moved over once by migrateReaderSettings;
 * - session:tab:N, the analysis cached for tab N (lib/background/orchestrator.ts), in the lean shape
 *   (lib/analysis-lean.ts: each cited sentence once, no paragraphs). storage.session is
 *   memory only, cleared with the browser session and never written to disk; Chrome may stop the
 *   service worker at any time, and the cache survives that there.
 */
import { storage } from '#imports';
import type { ReaderSettings, ReaderSettingsStore } from '@/components/saved/Reader.tsx';
import { fromLeanAnalysis, type LeanAnalysis, toLeanAnalysis } from '@/lib/analysis-lean.ts';
import type { TabEntry, TabStore } from '@/lib/background/orchestrator.ts';

export const wikipediaSummaries = storage.defineItem<boolean>('local:wikipediaSummaries', {
  fallback: false,
});

/** Test build only; whatever is stored is checked (loopbackOrigin) before use. */
export const wikipediaOriginOverride = storage.defineItem<unknown>('local:wikipediaOrigin');

export const DEFAULT_READER_SETTINGS: ReaderSettings = { scaleIndex: 1, remoteImages: false };

export const readerSettings = storage.defineItem<ReaderSettings>('local:readerSettings', {
  fallback: DEFAULT_READER_SETTINGS,
  version: 1,
});

/** The keys the reader page kept in localStorage before version 1. */
export const LEGACY_READER_KEYS = {
  scale: 'kontext-reader-scale',
  remoteImages: 'kontext-reader-remote-images',
} as const;

/**
 * The reader's settings, after moving those an older version kept in the page's localStorage into the
 * storage item, once: the old keys are removed, and what the item holds wins from then on.
 */
export async function migrateReaderSettings(
  legacy: Pick<Storage, 'getItem' | 'removeItem'> | undefined,
): Promise<ReaderSettings> {
  const scale = legacy?.getItem(LEGACY_READER_KEYS.scale) ?? null;
  const images = legacy?.getItem(LEGACY_READER_KEYS.remoteImages) ?? null;
  if (scale === null && images === null) return readerSettings.getValue();
  const stored = await storage.getItem<ReaderSettings>('local:readerSettings');
  const settings = stored ?? {
    scaleIndex: scale !== null && /^\d+$/.test(scale) ? Number(scale) : DEFAULT_READER_SETTINGS.scaleIndex,
    remoteImages: images === '1',
  };
  if (stored === null) await readerSettings.setValue(settings);
  legacy?.removeItem(LEGACY_READER_KEYS.scale);
  legacy?.removeItem(LEGACY_READER_KEYS.remoteImages);
  return settings;
}

/** The reader page's settings store: read (and migrated) once as the page opens, written on change. */
export async function browserReaderSettings(): Promise<ReaderSettingsStore> {
  const initial = await migrateReaderSettings(globalThis.localStorage).catch(() => DEFAULT_READER_SETTINGS);
  return {
    initial,
    save: (settings) => void readerSettings.setValue(settings).catch(() => undefined),
  };
}

type StoredTabEntry = Omit<TabEntry, 'analysis'> & { analysis: LeanAnalysis };
const tabItem = (tabId: number) => storage.defineItem<StoredTabEntry>(`session:tab:${tabId}`);

/**
 * The orchestrator's TabStore. A full or failing session store only costs the cache: it never throws,
 * and an entry it cannot read back (an older shape) is a miss.
 */
export const sessionTabStore: TabStore = {
  get: (tabId) =>
    tabItem(tabId)
      .getValue()
      .then((entry) => (entry ? { ...entry, analysis: fromLeanAnalysis(entry.analysis) } : undefined))
      .catch(() => undefined),
  set: async (tabId, entry) => {
    try {
      await tabItem(tabId).setValue({ ...entry, analysis: toLeanAnalysis(entry.analysis) });
    } catch {
      // Not cached across a worker restart: the next popup analyses again.
    }
  },
  remove: (tabId) =>
    tabItem(tabId)
      .removeValue()
      .catch(() => undefined),
};
