/** "In 3 of your saved articles", with their titles (as text) and a way to the filtered saved list. */
import { useEffect, useState } from 'preact/hooks';
import type { SavedMentions } from '../../lib/messaging.ts';
import { cardServices } from './card-services.ts';
import type { CardStrings } from './i18n.ts';

export function SavedMentionsSection({ name, strings }: { name: string; strings: CardStrings }) {
  const services = cardServices();
  const [mentions, setMentions] = useState<SavedMentions | null>(null);
  useEffect(() => {
    if (!services) return;
    let current = true;
    setMentions(null);
    services
      .savedMentions(name)
      .then((result) => current && setMentions(result))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [services, name]);

  if (!services || !mentions || mentions.total === 0) return null;
  return (
    <section class="saved-mentions" data-testid="card-saved">
      <h3>{strings.inSaved(mentions.total)}</h3>
      <ul class="saved-titles">
        {mentions.articles.map((article) => (
          <li key={article.id}>{article.title}</li>
        ))}
      </ul>
      <button type="button" class="next" onClick={() => services.openSavedList(name)}>
        {strings.showInSaved}
      </button>
    </section>
  );
}
