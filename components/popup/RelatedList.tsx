import type { RelatedLink } from '../../lib/types.ts';
import type { Translate } from '../i18n.ts';

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
