/**
 * The saved list's live status line (count, loading, indexing note, undo of a delete) and its error
 * notice. Page-derived strings (a deleted article's title) are rendered as text only.
 */
import type { SavedArticle, SavedCard } from '../../lib/storage/types.ts';
import type { SavedTranslate } from './i18n.ts';
import type { Notice } from './useSavedSearch.ts';

export function SavedStatus({
  results,
  preview,
  partial,
  reading,
  total,
  undo,
  onUndo,
  notice,
  t,
}: {
  results: SavedCard[] | null;
  preview: SavedCard[] | null;
  partial: boolean;
  reading: { read: number; total: number } | null;
  total: number;
  undo: SavedArticle | null;
  onUndo: () => void;
  notice: Notice;
  t: SavedTranslate;
}) {
  return (
    <>
      <div role="status" aria-live="polite" class="saved-status" data-testid="saved-status">
        {results !== null && reading
          ? t('searching', { n: results.length, read: reading.read, total: reading.total })
          : results !== null
            ? t('count', { n: results.length, total })
            : preview && preview.length > 0
              ? t('loadingNewest', { n: preview.length })
              : t('loading')}
        {results !== null && partial && !reading && (
          <span class="saved-indexing" data-testid="saved-indexing">
            {' '}
            {t('indexing')}
          </span>
        )}
        {undo && (
          <span class="undo" data-testid="undo-bar">
            {' '}
            {t('deleted', { title: undo.title })}{' '}
            <button type="button" data-testid="undo" onClick={onUndo}>
              {t('undo')}
            </button>
          </span>
        )}
      </div>
      {notice && (
        <p class="error" role="alert" data-testid="saved-error">
          {notice.text}
        </p>
      )}
    </>
  );
}
