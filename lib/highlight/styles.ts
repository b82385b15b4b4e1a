/**
 * Highlight colours. With the CSS Custom Highlight API they go into ONE constructed stylesheet adopted by
 * the document (document.adoptedStyleSheets), which changes no DOM; a <style> element would. The <mark>
 * fallback styles each mark inline, for the same reason.
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

function rule(names: HighlightNames, kind: HighlightKind | 'focus', scheme: 'light' | 'dark'): string {
  const style = KIND_STYLES[kind];
  const underline = style.underline
    ? ` text-decoration: underline 2px ${style.underline}; text-underline-offset: 0.18em;`
    : '';
  return `::highlight(${names[kind]}) { background-color: ${style[scheme]};${underline} }`;
}

export function highlightCss(names: HighlightNames): string {
  const kinds = Object.keys(KIND_STYLES) as Array<HighlightKind | 'focus'>;
  return [
    ...kinds.map((kind) => rule(names, kind, 'light')),
    '@media (prefers-color-scheme: dark) {',
    ...kinds.map((kind) => `  ${rule(names, kind, 'dark')}`),
    '}',
  ].join('\n');
}

/** Inline style of a fallback <mark>: overrides the page's mark styling without a stylesheet. */
export function markStyle(kind: HighlightKind | 'focus', dark: boolean): string {
  const style = KIND_STYLES[kind];
  const underline = style.underline ? `text-decoration:underline 2px ${style.underline};` : '';
  return `all:unset;background-color:${dark ? style.dark : style.light};color:inherit;${underline}`;
}

export interface AdoptedStyles {
  remove(): void;
  /** Adopts the sheet again if the page removed it (pages can reassign document.adoptedStyleSheets). */
  restore(): boolean;
}

/**
 * Adopts the highlight stylesheet into `doc`. Returns null where constructed stylesheets are unavailable
 * (highlights then paint with the browser's default colour).
 */
export function adoptHighlightStyles(doc: Document, names: HighlightNames): AdoptedStyles | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return null;
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(highlightCss(names));
    doc.adoptedStyleSheets.push(sheet);
    return {
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
