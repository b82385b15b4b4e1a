/** The reading aids (highlights, hover cards) as a part of the content script, injected when first shown. */

import { providePart } from '@/utils/content-parts.ts';
import { mountReadingAids } from './content/highlights.ts';

export default defineUnlistedScript(() => {
  providePart('aids', mountReadingAids);
});
