/** The sanitiser (DOMPurify) as a part of the content script, injected only for a save from the page. */
import { sanitizeArticleHtml } from '@/lib/storage/sanitize.ts';
import { providePart } from '@/utils/content-parts.ts';

export default defineUnlistedScript(() => {
  providePart('sanitize', (html) => sanitizeArticleHtml(html, window, { baseUrl: location.href }));
});
