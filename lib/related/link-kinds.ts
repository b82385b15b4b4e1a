/**
 * Link kinds for related reading: addresses that are never reading (share dialogs, social profiles, ad
 * clicks, affiliate and shop links, account pages, licensing pages, search and section indexes, tag hubs,
 * author pages, front pages). Parsing, tracking parameters and hosts are lib/url.ts.
 */
import { hostOf, linkUrlOrNull, parseLinkUrl } from '../url.ts';

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
