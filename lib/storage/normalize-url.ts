/**
 * The key that says "this is the same article": two addresses that differ only by host case, a fragment,
 * tracking parameters, parameter order, a default port or a trailing slash normalise to the same string.
 */

/** Parameters that identify a campaign or a click, never the article. */
const TRACKING_PARAM = new RegExp(
  [
    '^utm_',
    '^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|rb_clickid|s_cid|cmpid|ncid|ocid|sr_share|at_medium|at_campaign|at_custom\\d*)$',
  ].join('|'),
  'i',
);

export function normalizeArticleUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  url.hash = '';
  url.username = '';
  url.password = '';
  // URL already lower-cases the host and drops default ports; a trailing dot names the same host.
  url.hostname = url.hostname.replace(/\.$/, '');
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  // http and https serve the same article; the saved `url` keeps the scheme the reader used.
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
}

/** The site an article belongs to for filtering: its site name, else its host without "www.". */
export function siteOf(article: { siteName: string | null; url: string }): string {
  if (article.siteName?.trim()) return article.siteName.trim();
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
