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
  // A saved copy never asks for the reader's cookies, never starts sound or video by itself.
  'crossorigin',
  'autoplay',
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

/** How the reader shows what a saved copy would fetch from the web. */
export interface RemoteMediaOptions {
  /** Load http(s) images (the reader's choice; off by default: each one tells its site you are reading). */
  remoteImages: boolean;
  /** Visible text of the link that stands in for a video or an audio clip, in the UI language. */
  labels: { video: string; audio: string };
}

export interface RenderOptions extends SanitizeOptions {
  /** Omitted: no remote images, media as links with English labels. */
  media?: RemoteMediaOptions;
}

const DEFAULT_MEDIA: RemoteMediaOptions = {
  remoteImages: false,
  labels: { video: 'Video (opens on its site)', audio: 'Audio (opens on its site)' },
};

/** Set on each remote image the policy kept from loading. */
export const BLOCKED_IMAGE_ATTR = 'data-kontext-blocked';

const isRemote = (url: string | null): url is string => url !== null && /^https?:/i.test(url);

/**
 * Applies the reader's remote-media policy to a sanitised fragment, with DOM calls only: videos and
 * audio clips (their posters and sources too) become a plain link to where they live, so nothing
 * plays or loads by itself; remote images keep their alt text but lose their address unless the reader
 * chose to load them.
 */
function applyMediaPolicy(fragment: DocumentFragment, media: RemoteMediaOptions): void {
  const doc = fragment.ownerDocument;
  for (const element of [...fragment.querySelectorAll('video, audio')]) {
    const sources = [element, ...element.querySelectorAll('source')].map((el) => el.getAttribute('src'));
    const src = sources.find(isRemote);
    const label = element.tagName.toLowerCase() === 'video' ? media.labels.video : media.labels.audio;
    const stand = doc.createElement('p');
    if (src) {
      const link = doc.createElement('a');
      link.href = src;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = label;
      stand.append(link);
    } else {
      stand.textContent = label;
    }
    element.replaceWith(stand);
  }
  // <source> and <track> outside a video (in <picture>, say) fetch too.
  for (const element of fragment.querySelectorAll('source, track')) element.remove();
  if (!media.remoteImages) {
    for (const img of fragment.querySelectorAll('img')) {
      if (!isRemote(img.getAttribute('src'))) continue;
      img.removeAttribute('src');
      // Marks what the reader could load, so it can say how many and offer to.
      img.setAttribute(BLOCKED_IMAGE_ATTR, '');
    }
  }
}

/**
 * Sanitises again (defence in depth: the stored copy may come from an imported file or an older
 * version), applies the remote-media policy and returns a fragment ready to append; no HTML string is
 * ever assigned to innerHTML.
 */
export function sanitizedFragment(
  html: string,
  window: Window,
  options: RenderOptions = {},
): DocumentFragment {
  const { purify, setBase } = purifierFor(window);
  setBase(options.baseUrl);
  try {
    const fragment = purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
    applyMediaPolicy(fragment, options.media ?? DEFAULT_MEDIA);
    return fragment;
  } finally {
    setBase(undefined);
  }
}
