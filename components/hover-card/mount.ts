/**
 * The card's host in the page: ONE element appended to <html> (outside <body>, so the page's body markup
 * and its MutationObservers on body stay untouched) with a CLOSED shadow root. Page scripts cannot reach
 * into it, page CSS cannot style it (`all: initial` on the host, styles inside the root), and it is
 * created on the first card and removed by destroy().
 *
 * The host's tag is a fresh random custom-element name for each card (`kontext-card-<random>`): the
 * custom-element registry is the page's, so a page that defined a fixed name (`kontext-card`) ran its own
 * constructor inside createElement, and with attachInternals() got hold of the closed root. A random
 * name has no definition when the root is attached, so no page code runs, and a definition the page adds
 * later upgrades the host without handing over the root (it was not attached to a custom element).
 */
import { h, render } from 'preact';
import type { EntityCardModel } from '../../lib/highlight/card-model.ts';
import type { CardOpenOptions, CardPresenter } from '../../lib/highlight/reading-aids.ts';
import { randomName } from '../../lib/random-name.ts';
import { HoverCard } from './HoverCard.tsx';
import { cardStrings } from './i18n.ts';
import { CARD_CSS } from './styles.ts';

/** Every host's tag starts with this; the rest is random. */
export const CARD_HOST_PREFIX = 'kontext-card-';

/** Whether `element` is a card host (tests and diagnostics find the host by its tag's prefix). */
export function isCardHost(element: Element): boolean {
  return element.localName.startsWith(CARD_HOST_PREFIX);
}

/**
 * A host with a closed shadow root that no page code took part in making, or null. Checked rather than
 * assumed: the name must still be undefined in the page's registry after creation (`:defined` would match
 * a page's definition), and the root must be a closed root of this very host. A page that breaks the
 * checks (for example by replacing attachShadow where it shares our world) gets a second try with a new
 * name, then no card at all: showing less beats showing the card inside page-controlled code.
 */
function createCardHost(doc: Document): { host: HTMLElement; root: ShadowRoot } | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const host = doc.createElement(randomName(CARD_HOST_PREFIX));
      if (host.matches(':defined')) continue;
      const root = host.attachShadow({ mode: 'closed' });
      if (root?.host !== host || root.mode !== 'closed' || host.shadowRoot !== null) continue;
      return { host, root };
    } catch {
      // attachShadow refused (already attached by someone else, or replaced by a page): try again.
    }
  }
  return null;
}

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'overflow: visible',
  'z-index: 2147483647',
  'display: block',
]
  .map((declaration) => `${declaration} !important`)
  .join('; ');

const GAP = 8;

export interface HoverCardOptions {
  /** The reader's language (navigator.language) for the card's own strings. */
  language?: string;
}

export function createHoverCard(doc: Document, options: HoverCardOptions = {}): CardPresenter {
  const strings = cardStrings(options.language ?? doc.defaultView?.navigator.language);
  let host: HTMLElement | null = null;
  let panel: HTMLElement | null = null;
  let current: { model: EntityCardModel; options: CardOpenOptions } | null = null;
  let returnFocus: Element | null = null;

  const ensureHost = (): HTMLElement | null => {
    if (host && panel) return panel;
    const created = createCardHost(doc);
    if (!created) return null;
    host = created.host;
    const root = created.root;
    host.setAttribute('style', HOST_STYLE);
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    panel = doc.createElement('div');
    panel.className = 'card';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('tabindex', '-1');
    panel.hidden = true;
    // Keys typed in the card are the card's: Esc closes it, nothing reaches the page's shortcuts.
    panel.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      }
    });
    root.append(style, panel);
    doc.documentElement.appendChild(host);
    return panel;
  };

  /**
   * Below the mention when it fits, else above; when neither fits, on the roomier side with the card's
   * height capped to that room (it scrolls inside). Always inside the viewport. Reads layout once before
   * writing, and once more only when the cap changed the card's height.
   */
  const position = () => {
    if (!panel || !current) return;
    const anchor = current.options.anchor();
    if (!anchor) return;
    const viewportWidth = doc.documentElement.clientWidth;
    const viewportHeight = doc.defaultView?.innerHeight ?? doc.documentElement.clientHeight;
    panel.style.maxHeight = '';
    let size = panel.getBoundingClientRect();
    const below = viewportHeight - anchor.bottom - 2 * GAP;
    const above = anchor.top - 2 * GAP;
    let placeBelow = size.height <= below || (size.height > above && below >= above);
    if (size.height > below && size.height > above) {
      panel.style.maxHeight = `${Math.max(120, Math.floor(placeBelow ? below : above))}px`;
      size = panel.getBoundingClientRect();
      placeBelow = below >= above;
    }
    let top = placeBelow ? anchor.bottom + GAP : anchor.top - GAP - size.height;
    top = Math.max(GAP, Math.min(top, viewportHeight - size.height - GAP));
    const left = Math.max(GAP, Math.min(anchor.left, viewportWidth - size.width - GAP));
    // left/top, not transform: the entrance animation animates transform and would override it.
    panel.style.left = `${Math.round(left)}px`;
    panel.style.top = `${Math.round(top)}px`;
  };

  function close(restoreFocus = false) {
    if (!current) return;
    const { onClose } = current.options;
    current = null;
    if (panel) {
      panel.hidden = true;
      render(null, panel);
    }
    const back = returnFocus as HTMLElement | null;
    if (restoreFocus && back?.isConnected && typeof back.focus === 'function')
      back.focus({ preventScroll: true });
    returnFocus = null;
    onClose();
  }

  return {
    open(model, openOptions) {
      const target = ensureHost();
      if (!target) return;
      if (openOptions.focus && !current?.options.focus) {
        const active = doc.activeElement;
        returnFocus = active && active !== doc.body && active !== host ? active : null;
      }
      current = { model, options: openOptions };
      render(
        h(HoverCard, {
          model,
          strings,
          onNextMention: openOptions.onNextMention,
          onClose: () => close(true),
        }),
        target,
      );
      target.setAttribute('aria-label', strings.cardLabel(model.name));
      target.hidden = false;
      position();
      if (openOptions.focus) target.focus({ preventScroll: true });
    },
    close: () => close(false),
    isOpen: () => current !== null,
    owns: (target) => target !== null && target === host,
    reposition: position,
    destroy() {
      close(false);
      if (panel) render(null, panel);
      host?.remove();
      host = null;
      panel = null;
    },
    text() {
      if (!current || !panel) return null;
      // One line per item, from the DOM alone (innerText would force a layout).
      const items = panel.querySelectorAll(
        'h2, .kind, .count > span, .next, h3, .first, blockquote, .unclear, .related li, .wiki',
      );
      const lines: string[] = [];
      for (let i = 0; i < items.length; i++) lines.push(items[i]!.textContent?.trim() ?? '');
      return lines.join('\n');
    },
  };
}
