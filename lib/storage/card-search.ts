/**
 * The search that answers while the full-text index is still loading: it looks only at what the cards
 * already in memory carry that the full index also holds (title, byline, site name, tags, entity names),
 * with the index's term folding, prefix matching and AND. Its hits are therefore (fuzzy matching aside,
 * which it does not do) a subset of the full index's hits: results may grow, never change meaning.
 */
import { foldTerm } from '../text/fold.ts';
import { TOKEN_SEPARATOR } from './search-index.ts';
import type { SavedCard } from './types.ts';

/** Weights per field, in the spirit of the full index's boosts (title 3, entities 2, meta 1.5). */
const TITLE = 3;
const ENTITY = 2;
const META = 1.5;

interface CardTerms {
  title: string[];
  entities: string[];
  meta: string[];
}

// Cards are replaced (not mutated) on every write, so a card object's terms never go stale.
const termsOfCard = new WeakMap<SavedCard, CardTerms>();

/** Folds the whole string once, then splits (cheaper than folding each word; the words come out the same). */
function termsOf(text: string): string[] {
  return foldTerm(text)
    .split(TOKEN_SEPARATOR)
    .filter((term) => term.length > 0);
}

function cardTerms(card: SavedCard): CardTerms {
  let terms = termsOfCard.get(card);
  if (!terms) {
    terms = {
      title: termsOf(card.title),
      entities: termsOf(card.entityNames.join(' \n ')),
      meta: termsOf([card.byline ?? '', card.siteName ?? '', ...card.tags].join(' \n ')),
    };
    termsOfCard.set(card, terms);
  }
  return terms;
}

const hasPrefix = (terms: string[], prefix: string) => terms.some((term) => term.startsWith(prefix));

/** Score of one card for the folded query terms: 0 unless every term prefixes a word of the card. */
function scoreCard(card: SavedCard, query: string[]): number {
  const terms = cardTerms(card);
  let score = 0;
  for (const q of query) {
    const best = hasPrefix(terms.title, q)
      ? TITLE
      : hasPrefix(terms.entities, q)
        ? ENTITY
        : hasPrefix(terms.meta, q)
          ? META
          : 0;
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

/** Cards matching every term of `query`, best first (ties: newest first). Empty query: no cards. */
export function searchCards(cards: Iterable<SavedCard>, query: string): SavedCard[] {
  const terms = termsOf(query);
  if (terms.length === 0) return [];
  const scored: Array<{ card: SavedCard; score: number }> = [];
  for (const card of cards) {
    const score = scoreCard(card, terms);
    if (score > 0) scored.push({ card, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || (a.card.savedAt < b.card.savedAt ? 1 : a.card.savedAt > b.card.savedAt ? -1 : 0),
  );
  return scored.map((s) => s.card);
}
