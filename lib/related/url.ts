/**
 * URL rules for related links: resolving, removing tracking parameters, and recognising addresses that
 * are never reading (share dialogs, social profiles, ad clicks, account pages, tag hubs, author pages).
 */

/** Parameters that identify a campaign or a click, never the linked page. */
const TRACKING_PARAM =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt\.mc_id|ref_src|ref_url)$/i;

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

export function stripTracking(url: URL): URL {
  const clean = new URL(url.href);
  // forEach, not keys(): in a Firefox content script URL is an Xray and its iterators are not iterable.
  const names: string[] = [];
  clean.searchParams.forEach((_value, name) => {
    names.push(name);
  });
  for (const name of names) {
    if (TRACKING_PARAM.test(name)) clean.searchParams.delete(name);
  }
  // An emptied query leaves a bare "?" behind in some engines; drop it.
  if (!clean.searchParams.toString()) clean.search = '';
  return clean;
}

/**
 * "Same page" key: ignores scheme, "www.", fragment, tracking parameters and a trailing slash, so the
 * article's own URL is recognised in any of its spellings.
 */
export function samePageKey(href: string): string {
  let url: URL;
  try {
    url = stripTracking(parseLinkUrl(href));
  } catch {
    return href;
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${url.hostname.replace(/^www\./, '')}${path}${url.search}`;
}

export function hostOf(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
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

const SHARE_URL =
  /(facebook\.com\/(sharer|share|dialog\/(share|feed))|twitter\.com\/(intent|share)|x\.com\/intent|plus\.google\.com\/share|linkedin\.com\/(shareArticle|sharing)|reddit\.com\/submit|pinterest\.[a-z.]+\/pin\/(create|find)|getpocket\.com\/(save|edit)|news\.ycombinator\.com\/submitlink|share\.flipboard\.com|stumbleupon\.com\/submit|digg\.com\/submit|delicious\.com\/save|web\.skype\.com\/share|addtoany\.com|\bwa\.me\/|api\.whatsapp\.com|t\.me\/share|xing\.com\/(spi\/)?shares?|vk\.com\/share)/i;

/** Hosts whose pages are profiles, posts and feeds rather than articles. */
const SOCIAL_HOST =
  /^(.+\.)?(facebook\.com|fb\.com|twitter\.com|x\.com|t\.co|instagram\.com|linkedin\.com|pinterest\.[a-z.]+|plus\.google\.com|tiktok\.com|snapchat\.com|threads\.net|mastodon\.social|bsky\.app|tumblr\.com|whatsapp\.com|telegram\.me|t\.me)$/i;

const AD_URL =
  /(doubleclick\.net|googleadservices|googlesyndication|adservice\.|outbrain\.com|taboola\.com|smartadserver|adnxs\.com|criteo\.|teads\.tv|tradedoubler|\/adx?_click|\/clicktracking\/|beap\.gemini\.yahoo|\/mbclk|trknx\.com|\/aclk\?|ads\.[a-z0-9-]+\.[a-z]+\/click|\bads?\/click|sponsored|affiliate)/i;

/** Account, subscription and service pages: the links a reader never "reads next". */
const ACCOUNT_URL =
  /(\/(login|logout|signin|sign-in|signup|sign-up|register|registration|abo|abonnement|abonnieren|subscribe|subscriptions?|newsletters?|checkout|account|myaccount|membercenter|profile\/edit|ucp\.php|datenschutz|impressum|privacy|cookies?|terms|kontakt|contact)(\/|\?|$|\.))|[?&]mode=(login|register)/i;

/** Hubs that list articles by keyword, section tag or author rather than being one. */
const TAG_OR_AUTHOR_URL =
  /\/(tag|tags|thema|themen|topic|topics|schlagwort|schlagworte|stichwort|keyword|keywords|folha-topicos|autor|autoren|author|authors|journaliste|journalist|journalisten|redaktion|redakteur|writer|writers|columnist|columnists|contributor|contributors|staff|people|profile|by|nutzer|user|users|mitarbeiter)\//i;

/**
 * Link shorteners: the address hides where it leads, and on news pages and blogs they are almost always
 * affiliate or campaign links (amzn.to on a product list, bit.ly on a deals box, t.co in an embedded post).
 */
const SHORTENER_HOST =
  /^(.+\.)?(amzn\.to|amzn\.eu|a\.co|bit\.ly|bitly\.com|t\.co|tinyurl\.com|goo\.gl|ow\.ly|buff\.ly|is\.gd|rebrand\.ly|lnkd\.in|trib\.al|dlvr\.it|shorturl\.at|cutt\.ly|tiny\.cc|t\.ly|rb\.gy|bl\.ink|ift\.tt|spr\.ly|po\.st|wp\.me|geni\.us|lnk\.to|shop-links\.co|fave\.co|howl\.me|sovrn\.co)$/i;

/** Affiliate networks' click redirects, and shops' product pages (a purchase, never reading). */
const AFFILIATE_HOST =
  /^(.+\.)?(awin1\.com|awin\.com|linksynergy\.com|skimresources\.com|redirectingat\.com|shareasale\.com|anrdoezrs\.net|dpbolvw\.net|jdoqocy\.com|kqzyfj\.com|tkqlhce\.com|emjcd\.com|prf\.hn|pjtra\.com|pjatr\.com|viglink\.com|avantlink\.com|zanox\.com|webmasterplan\.com|webgains\.com|adcell\.(com|de)|financeads\.net|belboon\.de|sjv\.io|pxf\.io|evyy\.net|amazon-adsystem\.com)$/i;

/** An Amazon product page ("/dp/B0…", "/gp/product/…") on any of its country domains. */
const AMAZON_PRODUCT = /^(.+\.)?amazon\.[a-z.]+$/i;
const PRODUCT_PATH = /\/(dp|gp\/product|gp\/aw\/d)\//i;

/** Query parameters that carry an affiliate or partner id. */
const AFFILIATE_PARAM =
  /^(tag|aff|affid|aff_id|affiliate|affiliate_id|affiliateid|partner|partnerid|partner_id|associate|awinaffid|clickref|irclickid|subid)$/i;

/** A site's own click-out paths ("/go/shop", "/out/123", "/recommends/x"). */
const REDIRECT_PATH = /^\/(go|out|goto|recommends|refer|visit|partner|partners|affiliate|affiliates)\//i;

export function isShareUrl(href: string): boolean {
  return SHARE_URL.test(href);
}

export function isSocialUrl(href: string): boolean {
  return SOCIAL_HOST.test(hostOf(href));
}

export function isAdUrl(href: string): boolean {
  return AD_URL.test(href);
}

export function isAffiliateUrl(href: string): boolean {
  const url = linkUrlOrNull(href);
  if (!url) return false;
  if (SHORTENER_HOST.test(url.hostname) || AFFILIATE_HOST.test(url.hostname)) return true;
  if (AMAZON_PRODUCT.test(url.hostname) && PRODUCT_PATH.test(url.pathname)) return true;
  if (REDIRECT_PATH.test(url.pathname)) return true;
  let affiliate = false;
  url.searchParams.forEach((_value, name) => {
    if (AFFILIATE_PARAM.test(name)) affiliate = true;
  });
  return affiliate;
}

/** Licensing, syndication, reprint and reuse pages ("Reuse this content", "Nutzungsrechte erwerben"). */
const LICENSING_URL =
  /(^https?:\/\/(syndication|lizenzen?|licensing|reprints?|permissions)\.|\/(syndication|reuse|reprints?|permissions|reprints-permissions|rights|licensing|lizenz|lizenzen|lizenzierung|nutzungsrechte|nachdruck|bildrechte-und-lizenzen)(\/|\?|$|\.))|rightslink|copyright\.com/i;

export function isLicensingUrl(href: string): boolean {
  return LICENSING_URL.test(href);
}

/** Search result pages. */
const SEARCH_URL = /\/(search|suche|recherche|buscar)(\/|\?|$)|[?&](q|s|query|suche)=/i;

/**
 * A section, topic or club index of the site ("/commentisfree", "/world/middleeast",
 * "/lokales/templin/", "/vfl-wolfsburg/startseite"): at most two path segments, no digits, no file
 * name, and a last segment of at most two words. Stories carry ids, dates or longer slugs.
 */
export function isSectionUrl(href: string): boolean {
  const url = linkUrlOrNull(href);
  if (!url) return false;
  if (SEARCH_URL.test(`${url.pathname}${url.search}`)) return true;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 2) return false;
  if (/\d/.test(url.pathname) || /\.[a-z]{2,5}$/i.test(url.pathname)) return false;
  const last = segments.at(-1) ?? '';
  return last.split(/[-_+]+/).filter(Boolean).length <= 2;
}

export function isAccountUrl(href: string): boolean {
  return ACCOUNT_URL.test(href);
}

export function isTagOrAuthorUrl(href: string): boolean {
  return TAG_OR_AUTHOR_URL.test(`${parseLinkUrl(href).pathname}/`);
}

/** A site's front page or a bare section ("/", "/politik") is navigation, not a story. */
export function isFrontPage(href: string): boolean {
  const url = parseLinkUrl(href);
  return url.pathname.replace(/\/+$/, '') === '';
}
