import { useEffect, useState } from 'preact/hooks';
import type { RankedSaved } from '../../lib/related/saved.ts';
import type { Analysis, RelatedLink } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';
import type { PopupApi } from './api.ts';

/**
 * Related reading: the page's own links, then saved articles about the same names. The section is
 * left out while both are empty, rather than shown as a heading with nothing under it. The page's links
 * may come after the rest of the analysis (`pending`); `onFilled` is called once both have come.
 */
export function RelatedSection({
  api,
  analysis,
  pending = false,
  onFilled,
  t,
}: {
  api: Pick<PopupApi, 'savedRelated' | 'readerHref'>;
  analysis: Analysis;
  pending?: boolean;
  onFilled?: () => void;
  t: Translate;
}) {
  /** null while the saved list is being searched. */
  const [found, setFound] = useState<RankedSaved[] | null>(null);
  const { entities, url } = analysis;
  useEffect(() => {
    let current = true;
    const settle = (items: RankedSaved[]) => {
      if (current) setFound(items);
    };
    api.savedRelated({ entities, url }).then(settle, () => settle([]));
    return () => {
      current = false;
    };
  }, [api, entities, url]);
  const filled = !pending && found !== null;
  useEffect(() => {
    if (filled) onFilled?.();
  }, [filled, onFilled]);
  const saved = found ?? [];
  if (analysis.related.length === 0 && saved.length === 0) return null;
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">{t('related')}</h2>
      {analysis.related.length > 0 && <RelatedList links={analysis.related} />}
      {saved.length > 0 && <SavedRelatedList items={saved} readerHref={api.readerHref} t={t} />}
    </section>
  );
}

function RelatedList({ links }: { links: RelatedLink[] }) {
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

function SavedRelatedList({
  items,
  readerHref,
  t,
}: {
  items: RankedSaved[];
  readerHref: (id: string) => string;
  t: Translate;
}) {
  return (
    <>
      <h3>{t('fromSaved')}</h3>
      <ul class="related saved-related">
        {items.map((item) => (
          <li key={item.id}>
            <a data-testid="saved-related" href={readerHref(item.id)} target="_blank" rel="noopener">
              <span class="link-title">{item.title}</span>
              <span class="host">{item.shared.join(', ')}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
