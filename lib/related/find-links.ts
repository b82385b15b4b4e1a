/**
 * Related-reading candidates from the live page: related blocks (by heading, or by position, structure
 * and topic), links in the article text, and pingbacks; cleaned, deduplicated by URL and in page order.
 * Read-only: it queries `doc` and never changes it.
 */

import type { ExtractedPage } from '../extract/types.ts';
import { contentTerms } from '../text/content-words.ts';
import type { RelatedLink, RelatedSource } from '../types.ts';
import { hostOf, linkBaseOf, resolveLinkUrl, sameArticleKey, siteOf } from '../url.ts';
import { findArticleParts } from './article-parts.ts';
import { findInTextAnchors } from './in-text-links.ts';
import {
  isAccountUrl,
  isAdUrl,
  isAffiliateUrl,
  isFrontPage,
  isLicensingUrl,
  isSectionUrl,
  isShareUrl,
  isSocialUrl,
  isTagOrAuthorUrl,
} from './link-kinds.ts';
import { findPingbackAnchors } from './pingbacks.ts';
import { findRelatedBlockAnchors } from './related-blocks.ts';
import { SearchMemo } from './search-memo.ts';
import { hasAnchorText, linkTitle } from './title.ts';
import { articleTitle, findTopicalListAnchors } from './topical-lists.ts';

/** Every spelling of the article's own address: the page URL, the canonical link and og:url. */
function ownPageKeys(doc: Document, pageUrl: string): Set<string> {
  const keys = new Set<string>([sameArticleKey(pageUrl)]);
  const declared = [
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const href of declared) {
    const url = href ? resolveLinkUrl(href, pageUrl) : null;
    if (url) keys.add(sameArticleKey(url));
  }
  return keys;
}

/** rel="sponsored" marks ads; "ugc" marks links written by commenters (pingbacks are handled apart). */
function hasExcludedRel(anchor: Element, source: RelatedSource): boolean {
  const rel = (anchor.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('sponsored') || rel.includes('author')) return true;
  return source !== 'pingback' && rel.includes('ugc');
}

function isReadingUrl(url: string, source: RelatedSource, site: string): boolean {
  if (isShareUrl(url) || isAdUrl(url) || isAffiliateUrl(url) || isLicensingUrl(url)) return false;
  // A pingback's blog may live anywhere; its post is what the pingback points to.
  if (source === 'pingback') return true;
  if (isSocialUrl(url)) return false;
  // The site's own front page, sections, tags, authors and account pages are navigation; another
  // site's home page or people page cited in the text is a source.
  if (
    siteOf(url) === site &&
    (isAccountUrl(url) || isTagOrAuthorUrl(url) || isFrontPage(url) || isSectionUrl(url))
  )
    return false;
  return true;
}

/** A word used this often in the article's text is one of its topics. */
const FREQUENT = 3;

function topicTerms(titleTerms: string[], parts: Element[]): string[] {
  const counts = new Map<string, number>();
  for (const part of parts) {
    for (const term of contentTerms(part.textContent ?? '')) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const frequent = [...counts].filter(([, count]) => count >= FREQUENT).map(([term]) => term);
  return [...new Set([...titleTerms, ...frequent])];
}

export function findRelatedLinks(doc: Document, pageUrl: string): RelatedLink[] {
  const base = linkBaseOf(doc, pageUrl);
  const own = ownPageKeys(doc, pageUrl);
  const site = siteOf(pageUrl);
  // One memo for the whole search: every ancestor question is answered once per element.
  const memo = new SearchMemo();
  const parts = findArticleParts(doc, memo);
  // The title is looked up once: on a server-side DOM each look-up walks the page.
  const titleTerms = contentTerms(articleTitle(doc));
  const topic = topicTerms(titleTerms, parts);

  const found: Array<{ anchor: Element; source: RelatedSource }> = [];
  for (const anchor of findRelatedBlockAnchors(doc, topic, memo)) found.push({ anchor, source: 'block' });
  for (const anchor of findTopicalListAnchors(doc, parts[0] ?? null, memo, titleTerms))
    found.push({ anchor, source: 'block' });
  for (const anchor of findInTextAnchors(parts, memo)) found.push({ anchor, source: 'in-text' });
  for (const anchor of findPingbackAnchors(doc, memo)) found.push({ anchor, source: 'pingback' });

  // Page order (stable: an anchor found twice keeps its first, block before in-text, source).
  found.sort((a, b) => memo.position(a.anchor) - memo.position(b.anchor));

  const links: RelatedLink[] = [];
  const byKey = new Map<string, { link: RelatedLink; titled: boolean }>();
  for (const { anchor, source } of found) {
    const url = resolveLinkUrl(anchor.getAttribute('href') ?? '', base);
    if (!url || hasExcludedRel(anchor, source) || !isReadingUrl(url, source, site)) continue;
    const key = sameArticleKey(url);
    if (own.has(key)) continue;
    const known = byKey.get(key);
    if (known) {
      // An image link came first, or words from the running text: the same address's headline in a
      // related block (or its text link) names it better.
      const headline = source === 'block' && known.link.source === 'in-text';
      if ((!known.titled || headline) && hasAnchorText(anchor)) {
        known.link.title = linkTitle(anchor, known.link.url, source === 'in-text');
        known.titled = true;
      }
      // Listed again in a related block: the page vouches for it as reading, whatever came first.
      if (source === 'block') known.link.source = 'block';
      continue;
    }
    const title = linkTitle(anchor, url, source === 'in-text');
    const link: RelatedLink = { url, title, host: hostOf(url), source, score: 0 };
    byKey.set(key, { link, titled: hasAnchorText(anchor) });
    links.push(link);
  }
  return links;
}

/**
 * The page's related-link candidates. The link search reads the live page, all of it: on a page too
 * long to read whole (10 MB took 5.5 s there) it is skipped, and the popup shows no related reading
 * rather than make the reader wait.
 */
export function relatedCandidatesOf(doc: Document, url: string, page: ExtractedPage): RelatedLink[] {
  return page.status === 'ok' && !page.truncated ? findRelatedLinks(doc, url) : [];
}
