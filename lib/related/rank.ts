/**
 * Ranks related links by topical overlap with the article: the content words of a link's title and URL
 * slug against the article's entity names (weighted by how often each entity is mentioned) and its key
 * terms (its most frequent content words).
 *
 * score = prior(source) + overlap, with overlap in [0, 1). The prior encodes how much the page vouches
 * for a link: a curated related block (1) over an in-text link (0.5) over a third party's pingback (0).
 * So a block link always ranks above a pingback, while a strongly topical in-text link can pass a weakly
 * topical block link. Ties keep block → in-text → pingback, then page order.
 */

import { contentTerms, termsMatch } from '../text/content-words.ts';
import type { Entity, RelatedLink, RelatedSource } from '../types.ts';
import { titleFromSlug } from './title.ts';

const SOURCE_PRIOR: Record<RelatedSource, number> = { block: 1, 'in-text': 0.5, pingback: 0 };
const SOURCE_ORDER: Record<RelatedSource, number> = { block: 0, 'in-text': 1, pingback: 2 };
/** How many of the article's most frequent content words count as key terms. */
const KEY_TERMS = 40;
/** Key terms weigh less than entities: a shared name is stronger evidence than a shared word. */
const KEY_TERM_FACTOR = 0.5;
/** Raw overlap at which the saturating overlap reaches 1 − 1/e. */
const OVERLAP_SCALE = 2;

export interface RankArticle {
  text: string;
  lang: string;
  entities: Entity[];
}

type Weights = Array<[term: string, weight: number]>;

function entityWeights(entities: Entity[]): Weights {
  const weights = new Map<string, number>();
  for (const entity of entities) {
    const weight = Math.log2(1 + Math.max(1, entity.count));
    for (const name of [entity.name, ...entity.aliases]) {
      for (const term of contentTerms(name)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    }
  }
  return [...weights];
}

function keyTermWeights(text: string): Weights {
  const counts = new Map<string, number>();
  for (const term of contentTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  const top = [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, KEY_TERMS);
  const max = top[0]?.[1] ?? 1;
  return top.map(([term, count]) => [term, (KEY_TERM_FACTOR * count) / max]);
}

function bestWeight(term: string, weights: Weights): number {
  let best = 0;
  for (const [other, weight] of weights) if (weight > best && termsMatch(term, other)) best = weight;
  return best;
}

export function topicalOverlap(link: RelatedLink, entities: Weights, keyTerms: Weights): number {
  const terms = new Set(contentTerms(`${link.title} ${titleFromSlug(link.url)}`));
  let raw = 0;
  for (const term of terms) raw += bestWeight(term, entities) + bestWeight(term, keyTerms);
  return 1 - Math.exp(-raw / OVERLAP_SCALE);
}

export function rankRelatedLinks(links: RelatedLink[], article: RankArticle): RelatedLink[] {
  const entities = entityWeights(article.entities);
  const keyTerms = keyTermWeights(article.text);
  return links
    .map((link, index) => {
      const overlap = topicalOverlap(link, entities, keyTerms);
      const score = Math.round((SOURCE_PRIOR[link.source] + overlap) * 1e4) / 1e4;
      return { link: { ...link, score }, index };
    })
    .sort(
      (a, b) =>
        b.link.score - a.link.score ||
        SOURCE_ORDER[a.link.source] - SOURCE_ORDER[b.link.source] ||
        a.index - b.index,
    )
    .map(({ link }) => link);
}
