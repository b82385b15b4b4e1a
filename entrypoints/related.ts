/**
 * The related-link search as a part of the content script, injected after the extraction's reply (the
 * page searches its links while the background analyses), so the first injection is the extraction only.
 */
import { relatedCandidatesOf } from '@/lib/related/index.ts';
import { providePart } from '@/utils/content-parts.ts';

export default defineUnlistedScript(() => {
  providePart('related', relatedCandidatesOf);
});
