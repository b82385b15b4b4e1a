/**
 * What a reader does to saved articles from the list: mark read, tag, delete with a 15-second undo.
 * Each action clears the last notice, reports a failure as one, and tells the search it changed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Library } from '../../lib/storage/library.ts';
import type { SavedArticle, SavedCard } from '../../lib/storage/types.ts';
import { describeFailure, type SavedTranslate } from './i18n.ts';
import type { Notice } from './useSavedSearch.ts';

export const UNDO_MS = 15_000;

export interface SavedActions {
  /** The article just deleted, while it can be restored. */
  undo: SavedArticle | null;
  restore: () => Promise<void>;
  remove: (card: SavedCard) => Promise<void>;
  toggleRead: (card: SavedCard) => Promise<void>;
  setTags: (card: SavedCard, tags: string[]) => Promise<void>;
}

export function useSavedActions(
  library: Library,
  t: SavedTranslate,
  changed: () => void,
  setNotice: (notice: Notice) => void,
): SavedActions {
  const [undo, setUndo] = useState<SavedArticle | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(undoTimer.current), []);

  const act = async (work: () => Promise<unknown>) => {
    setNotice(null);
    try {
      await work();
      changed();
    } catch (error) {
      setNotice({ kind: 'error', text: describeFailure(error, t) });
    }
  };

  return {
    undo,
    remove: (card) =>
      act(async () => {
        const removed = await library.remove(card.id);
        if (!removed) return;
        setUndo(removed);
        clearTimeout(undoTimer.current);
        undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
      }),
    restore: () =>
      act(async () => {
        if (!undo) return;
        await library.restore(undo);
        setUndo(null);
        clearTimeout(undoTimer.current);
      }),
    toggleRead: (card) => act(() => library.update(card.id, { read: !card.read })),
    setTags: (card, tags) => act(() => library.update(card.id, { tags })),
  };
}
