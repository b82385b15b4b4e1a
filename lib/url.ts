/**
 * The one home for addresses: parsing and resolving links, tracking parameters, the "same article" key,
 * hosts and sites. The saved list (duplicate key, site filter) and related links (resolving, the page's
 * own address in any spelling, same-site links) both use these rules, so they cannot drift apart.
 *
 * Query parameters are only ever walked with `forEach`: in a Firefox content script URL is an Xray and
 * its iterators (`[...url.searchParams]`, `keys()`) are not iterable.
 */

/** Parameters that identify a campaign or a click, never the article. */
const TRACKING_PARAM =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|rb_clickid|s_cid|cmpid|ncid|ocid|sr_share|at_medium|at_campaign|at_custom\d*|wt\.mc_id|ref_src|ref_url)$/i;

export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAM.test(name);
}

/**
 * Relative links of a page without an address (a saved file analysed without --url) are kept as the
 * page wrote them; this stand-in root lets the URL rules parse them without inventing a site.
 */
const RELATIVE_ROOT = 'https://relative.invalid/';

/** A link as a URL: absolute as it is, relative against the stand-in root. */
export function parseLinkUrl(href: string): URL {
  return new URL(href, RELATIVE_ROOT);
}

/** parseLinkUrl, or null for an href no URL parser accepts. */
export function linkUrlOrNull(href: string): URL | null {
  try {
    return parseLinkUrl(href);
  } catch {
    return null;
  }
}

/** Whether `href` is an absolute http(s) address. */
export function isWebUrl(href: string | null | undefined): href is string {
  return /^https?:\/\//i.test(href ?? '') && URL.canParse(href ?? '');
}

/**
 * The address a page's links are relative to: its base or its own address when either is a web address;
 * another document address (file:) as it is; null when the page has no address at all (about:blank).
 */
export function linkBaseOf(doc: Document, pageUrl: string): string | null {
  const baseUri = doc.baseURI && doc.baseURI !== 'about:blank' ? doc.baseURI : null;
  for (const candidate of [baseUri, pageUrl]) if (isWebUrl(candidate)) return candidate;
  return baseUri;
}

/** The query's parameters that are not tracking, in their order (walked with forEach, see above). */
function keptParams(url: URL): Array<[string, string]> {
  const kept: Array<[string, string]> = [];
  url.searchParams.forEach((value, name) => {
    if (!isTrackingParam(name)) kept.push([name, value]);
  });
  return kept;
}

function searchOf(params: ReadonlyArray<[string, string]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of params) search.append(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A copy of `url` without tracking parameters (and without a bare "?" where they were all there was). */
export function stripTracking(url: URL): URL {
  const clean = new URL(url.href);
  const kept = keptParams(url);
  let count = 0;
  url.searchParams.forEach(() => {
    count++;
  });
  // A query without tracking keeps its spelling; only one that had some is written anew.
  if (kept.length < count || (count === 0 && clean.search === '?')) clean.search = searchOf(kept);
  return clean;
}

/**
 * Absolute http(s) URL of `href` against `base`, without tracking parameters; null for anything else.
 * With a null base (a page without an address) a relative link stays relative ("/politik/a") and a
 * protocol-relative one ("//host/a") gets https, the scheme of today's web, never file:.
 */
export function resolveLinkUrl(href: string, base: string | null): string | null {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return null;
  const isRelative = !/^[a-z][a-z\d+.-]*:/i.test(trimmed) && !trimmed.startsWith('//');
  if (base === null && isRelative) {
    // A path relative to an unknown folder ("b.html", "../a") cannot be rewritten; it is kept verbatim.
    if (!trimmed.startsWith('/')) return trimmed;
    const clean = stripTracking(parseLinkUrl(trimmed));
    return `${clean.pathname}${clean.search}${clean.hash}`;
  }
  let url: URL;
  try {
    url =
      base === null && trimmed.startsWith('//')
        ? new URL(`https:${trimmed}`)
        : new URL(trimmed, base ?? undefined);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return stripTracking(url).href;
}

/** A host without "www." and without the trailing dot that names the same host. */
function bareHost(hostname: string): string {
  return hostname.replace(/\.$/, '').replace(/^www\./, '');
}

/**
 * The key that says "this is the same article": two addresses that differ only by scheme (http/https),
 * host case, "www.", a fragment, user info, tracking parameters, parameter order, a default port or a
 * trailing slash have the same key. A relative link keys against the stand-in root; a non-web address
 * keys as itself; an unparsable one as its trimmed text. The saved list's duplicate key (unique in the
 * library) and related links' "this page" test are both this key.
 */
export function sameArticleKey(href: string): string {
  const trimmed = href.trim();
  const url = linkUrlOrNull(trimmed);
  if (!url) return trimmed;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    url.hash = '';
    return url.href;
  }
  const params = keptParams(url).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const path = url.pathname.replace(/\/+$/, '');
  const port = url.port ? `:${url.port}` : '';
  return `${bareHost(url.hostname)}${port}${path}${searchOf(params)}`;
}

/** The host of an address without "www." ('' when it has none). */
export function hostOf(href: string): string {
  try {
    return bareHost(new URL(href).hostname);
  } catch {
    return '';
  }
}

/** "www1.folha.uol.com.br" → "uol.com.br"; "sport.aktualne.cz" → "aktualne.cz". Close enough to tell sites apart. */
export function siteOf(href: string): string {
  const labels = hostOf(href).split('.');
  const secondLevel = labels.at(-2) ?? '';
  const keep = labels.length > 2 && /^(co|com|org|net|gov|ac|edu)$/.test(secondLevel) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The site a saved article is shown and filtered under: its site name, else its host without "www.". */
export function siteNameOf(article: { siteName: string | null; url: string }): string {
  return article.siteName?.trim() || hostOf(article.url);
}
