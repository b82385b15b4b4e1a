/** One saved article in the list: title link, meta line, excerpt, name chips, tags and its actions. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedCard } from '../../lib/storage/types.ts';
import { siteNameOf } from '../../lib/url.ts';
import { languageName, type UiLanguage } from '../i18n.ts';
import type { SavedTranslate } from './i18n.ts';

export function SavedItem(props: {
  card: SavedCard;
  t: SavedTranslate;
  lang: UiLanguage;
  compact: boolean;
  TitleTag: 'h2' | 'h3';
  href: string;
  onOpen?: (id: string) => void;
  savedOn: string;
  onToggleRead: () => void;
  onTags: (tags: string[]) => void;
  onDelete: () => void;
  onEntity: (name: string) => void;
}) {
  const { card, t, lang, compact, TitleTag, href, onOpen, savedOn } = props;
  const [tagging, setTagging] = useState(false);
  const [newTag, setNewTag] = useState('');
  const tagInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tagging) tagInput.current?.focus();
  }, [tagging]);

  const submitTag = (event: Event) => {
    event.preventDefault();
    const tags = newTag
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (tags.length > 0) props.onTags([...card.tags, ...tags]);
    setNewTag('');
    setTagging(false);
  };

  return (
    <li class={card.read ? 'saved-item is-read' : 'saved-item'} data-testid="saved-item" data-id={card.id}>
      <TitleTag class="saved-title" lang={card.lang !== 'und' ? card.lang : undefined}>
        <a
          href={href}
          data-testid="saved-open"
          onClick={
            onOpen
              ? (event) => {
                  event.preventDefault();
                  onOpen(card.id);
                }
              : undefined
          }
        >
          {card.title || card.url}
        </a>
      </TitleTag>
      <p class="saved-meta">
        {siteNameOf(card)} · {languageName(card.lang, lang)} · {t('minutes', { n: card.readingMinutes })} ·{' '}
        {savedOn}
        {card.read && <> · {t('read')}</>}
      </p>
      {!compact && card.excerpt && (
        <p class="saved-excerpt" lang={card.lang !== 'und' ? card.lang : undefined}>
          {card.excerpt}
        </p>
      )}
      {!compact && card.entityNames.length > 0 && (
        <ul class="chips entity-chips" aria-label={t('filterEntity')}>
          {card.entityNames.slice(0, 6).map((name) => (
            <li key={name}>
              <button type="button" class="chip" onClick={() => props.onEntity(name)}>
                {name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {card.tags.length > 0 && (
        <ul class="chips tag-chips" aria-label={t('filterTag')}>
          {card.tags.map((tag) => (
            <li key={tag} class="chip tag">
              {tag}
              <button
                type="button"
                class="chip-remove"
                aria-label={t('removeTag', { tag })}
                onClick={() => props.onTags(card.tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="saved-actions">
        <button type="button" data-testid="toggle-read" aria-pressed={card.read} onClick={props.onToggleRead}>
          {card.read ? t('markUnread') : t('markRead')}
        </button>
        {tagging ? (
          <form class="tag-form" onSubmit={submitTag}>
            <label>
              <span class="visually-hidden">{t('addTagTo', { title: card.title })}</span>
              <input
                ref={tagInput}
                data-testid="tag-input"
                value={newTag}
                placeholder={t('tagPlaceholder')}
                onInput={(event) => setNewTag((event.currentTarget as HTMLInputElement).value)}
                onKeyDown={(event) => event.key === 'Escape' && setTagging(false)}
              />
            </label>
            <button type="submit">{t('addTag')}</button>
          </form>
        ) : (
          <button type="button" data-testid="add-tag" onClick={() => setTagging(true)}>
            {t('addTag')}
          </button>
        )}
        <button
          type="button"
          class="danger"
          data-testid="delete"
          aria-label={t('deleteNamed', { title: card.title })}
          onClick={props.onDelete}
        >
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
