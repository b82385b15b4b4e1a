/**
 * "In 3 of your saved articles": which saved articles name an entity, from the cards' entity names (the
 * saved list's entity index), compared under the one name fold so "Kim Jong-un" meets "Kim Jong Un".
 */
import type { SavedMentions } from '../messaging.ts';
import { foldName } from '../text/fold.ts';
import { sameArticleKey } from '../url.ts';
import type { SavedCard } from './types.ts';

const NAMED = 3;

/** Cards newest first (as Library.list() gives them); the article being read (`url`) does not count. */
export function savedMentionsOf(
  cards: readonly Pick<SavedCard, 'id' | 'title' | 'entityNames' | 'normalizedUrl'>[],
  name: string,
  url: string,
): SavedMentions {
  const wanted = foldName(name);
  if (!wanted) return { total: 0, articles: [] };
  let current = '';
  try {
    current = url ? sameArticleKey(url) : '';
  } catch {
    // Not a URL (the reader page passes its saved article's own address, or nothing): nothing to leave out.
  }
  const matching = cards.filter(
    (card) => card.normalizedUrl !== current && card.entityNames.some((n) => foldName(n) === wanted),
  );
  return {
    total: matching.length,
    articles: matching.slice(0, NAMED).map((card) => ({ id: card.id, title: card.title })),
  };
}
