/**
 * "From your saved list" for the popup. The list's cards carry only entity names, so the cards that
 * share a name with this article are picked first (cheap, from the in-memory list), and only those few
 * full records are read and ranked by the weight of what they share.
 */
import { type RankedSaved, rankSavedByEntities } from '../../lib/related/saved.ts';
import type { Library } from '../../lib/storage/library.ts';
import { foldName } from '../../lib/text/fold.ts';
import type { Entity } from '../../lib/types.ts';

/** Full records read at most; more would slow the popup for little gain. */
const MAX_CANDIDATES = 30;
const MAX_SHOWN = 5;

export async function savedArticlesLike(
  library: Pick<Library, 'list' | 'get'>,
  entities: Entity[],
  url: string,
): Promise<RankedSaved[]> {
  if (entities.length === 0) return [];
  const names = new Set(entities.flatMap((e) => [e.name, ...e.aliases]).map(foldName));
  const candidates = (await library.list())
    .map((card) => ({ card, shared: card.entityNames.filter((n) => names.has(foldName(n))).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, MAX_CANDIDATES);
  const records = await Promise.all(candidates.map(({ card }) => library.get(card.id)));
  const summaries = records.flatMap((article) =>
    article ? [{ id: article.id, url: article.url, title: article.title, entities: article.entities }] : [],
  );
  return rankSavedByEntities(entities, summaries, url)
    .filter((r) => r.score > 0)
    .slice(0, MAX_SHOWN);
}
