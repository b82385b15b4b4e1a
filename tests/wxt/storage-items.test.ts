/** The storage items (utils/storage-items.ts) on WXT's fakeBrowser: keys, defaults, the one-time migration. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Analysis, Entity } from '@/lib/types.ts';
import {
  DEFAULT_READER_SETTINGS,
  LEGACY_READER_KEYS,
  migrateReaderSettings,
  readerSettings,
  sessionTabStore,
  wikipediaSummaries,
} from '@/utils/storage-items.ts';

/** The reader page's localStorage, as far as the migration uses it. */
function legacyStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    removeItem: (key: string) => void map.delete(key),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the Wikipedia switch', () => {
  it('is off until switched on, under the key earlier versions (and the e2e tests) use', async () => {
    expect(await wikipediaSummaries.getValue()).toBe(false);
    await wikipediaSummaries.setValue(true);
    expect(await fakeBrowser.storage.local.get('wikipediaSummaries')).toEqual({ wikipediaSummaries: true });
    await fakeBrowser.storage.local.set({ wikipediaSummaries: false });
    expect(await wikipediaSummaries.getValue()).toBe(false);
  });
});

describe('the per-tab session cache', () => {
  const cited = 'A met B.';
  const person = { firstSentence: cited, sentences: [cited, cited] } as Entity;
  const entry = {
    url: 'https://example.org/a',
    analysis: { title: 'A', blocks: [{ text: 'A met B.' }], entities: [person] } as unknown as Analysis,
    kinds: ['person' as const],
  };

  it('keeps each tab under session:tab:N, lean, and forgets it on remove', async () => {
    expect(await sessionTabStore.get(3)).toBeUndefined();
    await sessionTabStore.set(3, entry);
    expect(await fakeBrowser.storage.session.get('tab:3')).toEqual({
      'tab:3': {
        ...entry,
        analysis: {
          title: 'A',
          blocks: [{ text: 'A met B.' }],
          sentences: [cited],
          entities: [{ firstSentence: 0, sentences: [0, 0] }],
        },
      },
    });
    expect(await sessionTabStore.get(3)).toEqual({
      ...entry,
      analysis: { ...entry.analysis, paragraphs: ['A met B.'] },
    });
    expect(await sessionTabStore.get(4)).toBeUndefined();
    await sessionTabStore.remove(3);
    expect(await sessionTabStore.get(3)).toBeUndefined();
  });

  it('reads an entry it cannot restore (an older shape) as a miss', async () => {
    await fakeBrowser.storage.session.set({
      'tab:5': { ...entry, analysis: { entities: [{ sentences: [4] }] } },
    });
    expect(await sessionTabStore.get(5)).toBeUndefined();
  });
});

describe('the reader settings', () => {
  it('default to the normal size without remote images', async () => {
    expect(await migrateReaderSettings(legacyStorage({}))).toEqual(DEFAULT_READER_SETTINGS);
    expect(await migrateReaderSettings(undefined)).toEqual(DEFAULT_READER_SETTINGS);
  });

  it("move the page's localStorage settings into the item once, and drop the old keys", async () => {
    const legacy = legacyStorage({ [LEGACY_READER_KEYS.scale]: '4', [LEGACY_READER_KEYS.remoteImages]: '1' });
    expect(await migrateReaderSettings(legacy)).toEqual({ scaleIndex: 4, remoteImages: true });
    expect(await readerSettings.getValue()).toEqual({ scaleIndex: 4, remoteImages: true });
    expect(legacy.map.size).toBe(0);
    // What the item holds wins from then on, even over old keys that reappear.
    await readerSettings.setValue({ scaleIndex: 2, remoteImages: false });
    const stale = legacyStorage({ [LEGACY_READER_KEYS.scale]: '5' });
    expect(await migrateReaderSettings(stale)).toEqual({ scaleIndex: 2, remoteImages: false });
    expect(stale.map.size).toBe(0);
  });

  it('read a malformed old size as the default', async () => {
    const legacy = legacyStorage({ [LEGACY_READER_KEYS.scale]: 'huge' });
    expect(await migrateReaderSettings(legacy)).toEqual({ scaleIndex: 1, remoteImages: false });
  });
});
