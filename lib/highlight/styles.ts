/**
 * Highlight colours. With the CSS Custom Highlight API they go into ONE constructed stylesheet adopted by
 * the document (document.adoptedStyleSheets), which changes no DOM; a <style> element would. The <mark>
 * fallback styles each mark inline, for the same reason.
 *
 * Adopting a `::highlight(...)` rule restyles every element it can match: on the 10 MB hostile page
 * (25,000 paragraphs) the universal rule made one browser task of ~300 ms (0.5–1.2 s under load) in
 * Chromium. On a page of more than SCOPED_STYLE_ELEMENTS elements the rules are therefore scoped to the
 * part of the page that holds the painted ranges (scopeSelectors): a huge page's analysis reads only a
 * prefix of its text, so that part is small, and the restyle is about 7× shorter there.
 */
import type { HighlightKind } from '../types.ts';
import type { HighlightNames } from './kinds.ts';

interface KindStyle {
  light: string;
  dark: string;
  underline: string | null;
}

/** Entity kinds: a tinted background and a solid underline; speech: a tint; phrases: a lighter tint. */
export const KIND_STYLES: Record<HighlightKind | 'focus', KindStyle> = {
  person: { light: 'rgb(255 196 0 / 0.32)', dark: 'rgb(255 196 0 / 0.28)', underline: 'rgb(204 140 0)' },
  place: { light: 'rgb(0 170 140 / 0.22)', dark: 'rgb(0 200 160 / 0.26)', underline: 'rgb(0 128 106)' },
  organization: {
    light: 'rgb(120 90 255 / 0.2)',
    dark: 'rgb(150 130 255 / 0.3)',
    underline: 'rgb(100 70 220)',
  },
  speech: { light: 'rgb(60 130 255 / 0.14)', dark: 'rgb(100 160 255 / 0.2)', underline: null },
  phrase: { light: 'rgb(60 130 255 / 0.06)', dark: 'rgb(100 160 255 / 0.1)', underline: null },
  focus: { light: 'rgb(255 120 0 / 0.45)', dark: 'rgb(255 150 40 / 0.45)', underline: 'rgb(220 90 0)' },
};

function rule(
  names: HighlightNames,
  kind: HighlightKind | 'focus',
  scheme: 'light' | 'dark',
  scope: readonly string[] | null,
): string {
  const style = KIND_STYLES[kind];
  const underline = style.underline
    ? ` text-decoration: underline 2px ${style.underline}; text-underline-offset: 0.18em;`
    : '';
  const selector = (scope ?? ['']).map((element) => `${element}::highlight(${names[kind]})`).join(', ');
  return `${selector} { background-color: ${style[scheme]};${underline} }`;
}

/** The rules; with a `scope` (scopeSelectors) they apply to the ranges inside those elements only. */
export function highlightCss(names: HighlightNames, scope: readonly string[] | null = null): string {
  const kinds = Object.keys(KIND_STYLES) as Array<HighlightKind | 'focus'>;
  return [
    ...kinds.map((kind) => rule(names, kind, 'light', scope)),
    '@media (prefers-color-scheme: dark) {',
    ...kinds.map((kind) => `  ${rule(names, kind, 'dark', scope)}`),
    '}',
  ].join('\n');
}

/**
 * Above this many elements the highlight rules are scoped (scopeSelectors). Below it the universal rule
 * restyles the page in a few tens of milliseconds and is adopted early, while the analysis runs.
 */
export const SCOPED_STYLE_ELEMENTS = 5_000;

/** The page is big enough that the universal highlight rule's restyle would block it for long. */
export function needsScopedStyles(doc: Document): boolean {
  return doc.getElementsByTagName('*').length > SCOPED_STYLE_ELEMENTS;
}

/** `:root > body:nth-child(2) > …`: a selector for exactly `element` (from the document's structure). */
function structuralPath(element: Element): string {
  const parts: string[] = [];
  for (let node: Element = element; node.parentElement; node = node.parentElement) {
    parts.push(`${cssName(node.localName)}:nth-child(${childIndex(node)})`);
  }
  return [':root', ...parts.reverse()].join(' > ');
}

/** Tag names are page strings: only letters, digits and hyphens go into a selector unescaped. */
const cssName = (name: string) =>
  name.replace(/[^a-zA-Z0-9-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `);

/** 1-based position among the element siblings (what :nth-child counts). */
function childIndex(element: Element): number {
  let index = 1;
  for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling)
    index++;
  return index;
}

/**
 * Selectors for the least part of the page's structure that holds every range: the run of children of
 * the ranges' deepest common ancestor from the first to the last child holding one
 * (`<path> > :nth-child(n+3):nth-child(-n+250)`), and their descendants (`… *`) when an element of the run
 * has element children and highlight styles do not inherit there (`inherits(sample)`, see
 * highlightStylesInherit; the descendant rule makes the restyle ~3× longer). Null when that is not
 * expressible (no ranges; a range in a shadow tree or outside an element): the caller then uses the
 * universal rule.
 */
export function scopeSelectors(
  doc: Document,
  ranges: Iterable<Range>,
  inherits: (sample: Element) => boolean,
): string[] | null {
  const holders = new Set<Element>();
  let common: Element | null = null;
  for (const range of ranges) {
    const node = range.commonAncestorContainer;
    const holder = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!holder) return null;
    // Once per holder: getRootNode walks up to the root, and 5,000 ranges sit in a few hundred holders
    // (on the 10 MB page asking it per range was 13 of this step's 21 ms CPU in Chromium).
    if (holders.has(holder)) continue;
    if (holder.getRootNode() !== doc) return null;
    holders.add(holder);
    if (!common) common = holder;
    while (common && !common.contains(holder)) common = common.parentElement;
    if (!common) return null;
  }
  if (!common) return null;
  let scope: string;
  /** An element of the run with element children, if any: the sample for `inherits`. */
  let nested: Element | null = null;
  if (holders.has(common) || common === doc.documentElement) {
    scope = structuralPath(common);
    if (common.firstElementChild) nested = common;
  } else {
    // The children of `common` that hold a range, by position.
    const holding = new Set<Element>();
    for (const holder of holders) {
      let child = holder;
      while (child.parentElement !== common) child = child.parentElement!;
      holding.add(child);
    }
    // Walked only up to the last child holding a range: the 10 MB page's article has 25,000 children,
    // and going through all of them twice was most of this step (41 ms in Chromium).
    let first = 0;
    let last = 0;
    let index = 0;
    let left = holding.size;
    for (let child = common.firstElementChild; child && left > 0; child = child.nextElementSibling) {
      index++;
      if (first && !nested && child.firstElementChild) nested = child;
      if (!holding.has(child)) continue;
      left--;
      first ||= index;
      last = index;
      if (!nested && child.firstElementChild) nested = child;
    }
    scope = `${structuralPath(common)} > :nth-child(n+${first}):nth-child(-n+${last})`;
  }
  return nested && !inherits(nested) ? [scope, `${scope} *`] : [scope];
}

/**
 * Whether this engine's highlight pseudo-elements inherit from the parent's (CSS Pseudo 4 highlight
 * inheritance: Chromium 156 yes, Firefox 153 no), so that a rule on `sample` styles the ranges in its
 * element children too. Probed with a rule on `sample`, which restyles only its subtree, and read back
 * from its first element child (a rendered one: Chromium computes no inherited highlight style in
 * display:none subtrees such as <head>).
 */
export function highlightStylesInherit(sample: Element, probeName: string): boolean {
  const doc = sample.ownerDocument;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const child = sample.firstElementChild;
  if (!view || !child || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc))
    return false;
  const sheet = new view.CSSStyleSheet();
  try {
    sheet.replaceSync(
      `${structuralPath(sample)}::highlight(${probeName}) { background-color: rgb(1, 2, 3); }`,
    );
    doc.adoptedStyleSheets.push(sheet);
    return view.getComputedStyle(child, `::highlight(${probeName})`).backgroundColor === 'rgb(1, 2, 3)';
  } catch {
    return false;
  } finally {
    const at = doc.adoptedStyleSheets.indexOf(sheet);
    if (at >= 0) doc.adoptedStyleSheets.splice(at, 1);
  }
}

/** Inline style of a fallback <mark>: overrides the page's mark styling without a stylesheet. */
export function markStyle(kind: HighlightKind | 'focus', dark: boolean): string {
  const style = KIND_STYLES[kind];
  const underline = style.underline ? `text-decoration:underline 2px ${style.underline};` : '';
  return `all:unset;background-color:${dark ? style.dark : style.light};color:inherit;${underline}`;
}

export interface AdoptedStyles {
  /** Rewrites the rules for another scope (scopeSelectors; null: every element); false when unchanged. */
  setScope(scope: readonly string[] | null): boolean;
  remove(): void;
  /** Adopts the sheet again if the page removed it (pages can reassign document.adoptedStyleSheets). */
  restore(): boolean;
}

/**
 * Adopts the highlight stylesheet into `doc`. Returns null where constructed stylesheets are unavailable
 * (highlights then paint with the browser's default colour).
 */
export function adoptHighlightStyles(
  doc: Document,
  names: HighlightNames,
  scope: readonly string[] | null = null,
): AdoptedStyles | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return null;
  try {
    const sheet = new view.CSSStyleSheet();
    let css = highlightCss(names, scope);
    sheet.replaceSync(css);
    doc.adoptedStyleSheets.push(sheet);
    return {
      setScope(next) {
        const nextCss = highlightCss(names, next);
        if (nextCss === css) return false;
        css = nextCss;
        sheet.replaceSync(css);
        return true;
      },
      remove() {
        const at = doc.adoptedStyleSheets.indexOf(sheet);
        if (at >= 0) doc.adoptedStyleSheets.splice(at, 1);
      },
      restore() {
        if (doc.adoptedStyleSheets.includes(sheet)) return false;
        doc.adoptedStyleSheets.push(sheet);
        return true;
      },
    };
  } catch {
    return null;
  }
}
