/**
 * "From your saved list": saved articles that share people, places and organisations with the one being
 * read, ranked by the weight of what they share. A shared entity weighs more the more both articles
 * mention it (geometric mean of the two counts, so one passing mention cannot dominate) and the rarer it
 * is across the saved list (inverse document frequency: "Berlin" in every article says little).
 */

import { foldName } from '../text/fold.ts';
import type { Entity } from '../types.ts';
import { sameArticleKey } from '../url.ts';

export interface SavedSummary {
  id: string;
  url: string;
  title: string;
  entities: Array<Pick<Entity, 'name' | 'kind' | 'count'>>;
}

export type RankedSaved = SavedSummary & { score: number; shared: string[] };

/** Names compare without case, accents, punctuation or spacing differences ("Kim Jong-un" = "Kim Jong Un"). */
function entityKey(entity: Pick<Entity, 'name' | 'kind'>): string {
  return `${entity.kind}:${foldName(entity.name)}`;
}

export function rankSavedByEntities(
  current: Entity[],
  saved: SavedSummary[],
  currentUrl: string,
): RankedSaved[] {
  const currentKey = sameArticleKey(currentUrl);
  const others = saved.filter((article) => sameArticleKey(article.url) !== currentKey);

  const currentCounts = new Map<string, { name: string; count: number }>();
  for (const entity of current) {
    const key = entityKey(entity);
    const known = currentCounts.get(key);
    currentCounts.set(key, { name: known?.name ?? entity.name, count: (known?.count ?? 0) + entity.count });
  }

  const documentFrequency = new Map<string, number>();
  for (const article of others) {
    for (const key of new Set(article.entities.map(entityKey))) {
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    }
  }

  const ranked: Array<RankedSaved & { index: number }> = [];
  others.forEach((article, index) => {
    const savedCounts = new Map<string, number>();
    for (const entity of article.entities) {
      const key = entityKey(entity);
      savedCounts.set(key, (savedCounts.get(key) ?? 0) + entity.count);
    }
    const shared: Array<{ name: string; weight: number }> = [];
    for (const [key, savedCount] of savedCounts) {
      const mine = currentCounts.get(key);
      if (!mine) continue;
      const idf = Math.log(1 + others.length / (documentFrequency.get(key) ?? 1));
      shared.push({
        name: mine.name,
        weight: Math.sqrt(Math.max(1, mine.count) * Math.max(1, savedCount)) * idf,
      });
    }
    if (shared.length === 0) return;
    shared.sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name));
    const score = Math.round(shared.reduce((sum, entry) => sum + entry.weight, 0) * 1e4) / 1e4;
    ranked.push({ ...article, score, shared: shared.map((entry) => entry.name), index });
  });

  return ranked
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index: _index, ...article }) => article);
}
