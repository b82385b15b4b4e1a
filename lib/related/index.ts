/**
 * Related reading: the links a reader would follow next from the live page (related blocks, links in
 * the article text, pingbacks), ranked by topical overlap with the article. "From your saved list"
 * lives in ./saved.ts.
 */
export { findRelatedLinks, relatedCandidatesOf } from './find-links.ts';
export { type RankArticle, rankRelatedLinks } from './rank.ts';
