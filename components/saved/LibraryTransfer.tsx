/**
 * Export (JSON backup, Markdown, Netscape bookmarks) and import (JSON backup, validated, sanitised,
 * merged without duplicates) for the list page.
 */
import { useRef, useState } from 'preact/hooks';
import { ImportError } from '../../lib/storage/errors.ts';
import { articlesToNetscapeBookmarks } from '../../lib/storage/export-bookmarks.ts';
import { exportLibraryJson, MAX_IMPORT_CHARS } from '../../lib/storage/export-json.ts';
import { libraryToMarkdown } from '../../lib/storage/export-markdown.ts';
import { type ImportProgress, importLibraryFile } from '../../lib/storage/import-file.ts';
import type { Library } from '../../lib/storage/library.ts';
import { isStorableUrl } from '../../lib/storage/record-rules.ts';
import { sanitizeArticleHtml } from '../../lib/storage/sanitize.ts';
import { downloadText, exportFileStem } from './download.ts';
import { describeFailure, type SavedTranslate } from './i18n.ts';

type Notice = { kind: 'status' | 'error'; text: string } | null;

export function LibraryTransfer({ library, t }: { library: Library; t: SavedTranslate }) {
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  /** Progress of a running import (large files take a while); null when none runs. */
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  /** Finished imports, exposed as data-imports so a watcher (an e2e test) can tell one outcome from the next. */
  const [finished, setFinished] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportAs = async (format: 'json' | 'md' | 'html') => {
    try {
      const all = await library.exportAll();
      // A record with a javascript: or file: address (from an older Kontext's import) would not re-import,
      // and in the bookmarks file it would be a bookmarklet: it stays in the list but not in an export.
      const articles = all.filter((article) => isStorableUrl(article.url));
      const leftOut = all.length - articles.length;
      setNotice(leftOut > 0 ? { kind: 'status', text: t('exportLeftOut', { n: leftOut }) } : null);
      const stem = exportFileStem();
      if (format === 'json')
        downloadText(document, `${stem}.json`, exportLibraryJson(articles), 'application/json');
      if (format === 'md') downloadText(document, `${stem}.md`, libraryToMarkdown(articles), 'text/markdown');
      if (format === 'html') {
        downloadText(document, `${stem}-bookmarks.html`, articlesToNetscapeBookmarks(articles), 'text/html');
      }
    } catch (error) {
      setNotice({ kind: 'error', text: describeFailure(error, t) });
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    setNotice(null);
    try {
      // UTF-16 length is at most the byte length: checking bytes first spares reading a huge file.
      if (file.size > MAX_IMPORT_CHARS * 3)
        throw new ImportError('too-large', 'This file is too large to be a Kontext export.');
      const text = await file.text();
      const report = await importLibraryFile(
        library,
        text,
        (html, baseUrl) => sanitizeArticleHtml(html, window, { baseUrl }),
        { onProgress: setProgress },
      );
      setNotice({ kind: 'status', text: t('imported', { added: report.added, merged: report.merged }) });
    } catch (error) {
      setNotice({ kind: 'error', text: t('importFailed', { reason: describeFailure(error, t) }) });
    } finally {
      setBusy(false);
      setProgress(null);
      setFinished((n) => n + 1);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <section class="transfer" aria-label={`${t('export')} / ${t('import')}`} data-imports={finished}>
      <div class="transfer-row">
        <span class="transfer-label">{t('export')}:</span>
        <button type="button" data-testid="export-json" onClick={() => exportAs('json')}>
          {t('exportJson')}
        </button>
        <button type="button" data-testid="export-markdown" onClick={() => exportAs('md')}>
          {t('exportMarkdown')}
        </button>
        <button type="button" data-testid="export-bookmarks" onClick={() => exportAs('html')}>
          {t('exportBookmarks')}
        </button>
        <label class="import-label">
          <span>{t('import')}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            data-testid="import-file"
            disabled={busy}
            onChange={(event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {progress && (
        // Outside the live region: a screen reader would otherwise read every step of a long import.
        <p class="import-progress" data-testid="import-progress">
          <progress max={progress.total} value={progress.done} aria-label={t('import')} />{' '}
          {t(progress.phase === 'checking' ? 'importChecking' : 'importSaving', {
            done: progress.done.toLocaleString(),
            total: progress.total.toLocaleString(),
          })}
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="transfer-status">
        {notice?.kind === 'status' ? notice.text : ''}
      </div>
      {notice?.kind === 'error' && (
        <p class="error" role="alert" data-testid="transfer-error">
          {notice.text}
        </p>
      )}
    </section>
  );
}
