import { useEffect, useState } from 'preact/hooks';
import type { RankedSaved } from '../../lib/related/saved.ts';
import type { Analysis, RelatedLink } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';
import type { PopupApi } from './api.ts';

export function RelatedList({ links, t }: { links: RelatedLink[]; t: Translate }) {
  if (links.length === 0) return <p class="empty">{t('noRelated')}</p>;
  return (
    <ul class="related">
      {links.map((link) => (
        <li key={link.url}>
          {/* A popup link opens in a new tab; noopener keeps the page from reaching back. */}
          <a data-testid="related-link" href={link.url} target="_blank" rel="noopener noreferrer">
            <span class="link-title">{link.title}</span>
            <span class="host">{link.host}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function SavedRelatedList({
  api,
  analysis,
  t,
}: {
  api: Pick<PopupApi, 'savedRelated' | 'readerHref'>;
  analysis: Analysis;
  t: Translate;
}) {
  const [items, setItems] = useState<RankedSaved[]>([]);
  useEffect(() => {
    api
      .savedRelated(analysis)
      .then(setItems)
      .catch(() => setItems([]));
  }, [api, analysis]);
  if (items.length === 0) return null;
  return (
    <>
      <h3>{t('fromSaved')}</h3>
      <ul class="related saved-related">
        {items.map((item) => (
          <li key={item.id}>
            <a data-testid="saved-related" href={api.readerHref(item.id)} target="_blank" rel="noopener">
              <span class="link-title">{item.title}</span>
              <span class="host">{item.shared.join(', ')}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
