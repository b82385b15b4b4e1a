/**
 * Sanitises article HTML for storage and for rendering (DOMPurify). Saved content is page content, so it
 * is untrusted forever: no scripts, event handlers, frames, forms, SVG, MathML, styles or CSS (the reader
 * brings its own typography), no javascript:/vbscript:/data: links, no <meta>/<base>/<link>. Images stay
 * remote http(s) URLs (data:image/* too); relative URLs are resolved against the article's address or
 * dropped, because inside an extension page they would resolve to the extension itself.
 *
 * Needs a DOM Window (the popup, the list and reader pages, the content script; jsdom in Node).
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';

const FORBID_TAGS = [
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'template',
  'noscript',
  'dialog',
  'portal',
];

const FORBID_ATTR = [
  'style',
  'srcset',
  'sizes',
  'action',
  'formaction',
  'ping',
  'background',
  'class',
  'target',
];

const CONFIG: Config = {
  // The html profile alone: SVG and MathML (and their script-carrying corners) are not allowed at all.
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_NAMED_PROPS: true,
};

const URL_ATTRS = ['href', 'src', 'cite', 'poster', 'longdesc'];
const SAFE_IMAGE_DATA = /^data:image\/(png|jpe?g|gif|webp|avif);/i;

export interface SanitizeOptions {
  /** The article's address: relative URLs resolve against it (Readability usually made them absolute). */
  baseUrl?: string;
}

/** Returns the absolute, safe form of a URL attribute value, or null to drop it. */
function safeUrl(value: string, attr: string, tag: string, baseUrl: string | undefined): string | null {
  const trimmed = value.trim();
  if (attr === 'href' && trimmed.startsWith('#')) return trimmed;
  if (tag === 'img' && attr === 'src' && SAFE_IMAGE_DATA.test(trimmed)) return trimmed;
  let url: URL;
  try {
    url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  if (url.protocol === 'mailto:' && attr === 'href') return url.href;
  return null;
}

const purifiers = new WeakMap<object, { purify: DOMPurify; setBase: (base: string | undefined) => void }>();

function purifierFor(window: Window) {
  const cached = purifiers.get(window);
  if (cached) return cached;
  const purify = createDOMPurify(window as unknown as WindowLike);
  let baseUrl: string | undefined;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!('getAttribute' in node)) return;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    for (const attr of URL_ATTRS) {
      const value = element.getAttribute(attr);
      if (value === null) continue;
      const safe = safeUrl(value, attr, tag, baseUrl);
      if (safe === null) element.removeAttribute(attr);
      else element.setAttribute(attr, safe);
    }
    if (tag === 'a' && element.hasAttribute('href') && !element.getAttribute('href')!.startsWith('#')) {
      // Links leave the saved copy in a new tab, without telling the site where the reader came from.
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
    if (tag === 'img') {
      element.setAttribute('referrerpolicy', 'no-referrer');
      element.setAttribute('loading', 'lazy');
    }
  });
  const entry = { purify, setBase: (base: string | undefined) => (baseUrl = base) };
  purifiers.set(window, entry);
  return entry;
}

export function sanitizeArticleHtml(html: string, window: Window, options: SanitizeOptions = {}): string {
  const { purify, setBase } = purifierFor(window);
  setBase(options.baseUrl);
  try {
    return purify.sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false }) as string;
  } finally {
    setBase(undefined);
  }
}

/**
 * Sanitises again (defence in depth: the stored copy may come from an imported file or an older
 * version) and returns a fragment ready to append; no HTML string is ever assigned to innerHTML.
 */
export function sanitizedFragment(
  html: string,
  window: Window,
  options: SanitizeOptions = {},
): DocumentFragment {
  const { purify, setBase } = purifierFor(window);
  setBase(options.baseUrl);
  try {
    return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
  } finally {
    setBase(undefined);
  }
}
