import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { depthBeyond, leadingText, MAX_DEPTH, MAX_TEXT_CHARS, truncateText } from './bounds.ts';
import { extractArticle } from './index.ts';

const URL = 'http://127.0.0.1:8080/lang/artikel';

/**
 * A page whose body nests `levels` divs, built from the innermost out: jsdom checks every insertion
 * against the new parent's ancestors, so building downwards would be quadratic in depth.
 */
function nestedPage(levels: number): Document {
  const doc = new JSDOM('<!doctype html><html lang="en"><body></body></html>', { url: URL }).window.document;
  let inner = doc.createElement('div');
  inner.textContent = 'The bottom of a very deep page. '.repeat(40);
  for (let i = 1; i < levels; i++) {
    const outer = doc.createElement('div');
    outer.appendChild(inner);
    inner = outer;
  }
  doc.body.appendChild(inner);
  return doc;
}

function paragraphs(count: number, sentence: string): string {
  return Array.from({ length: count }, (_, i) => `<p>${i}: ${sentence.repeat(6)}</p>`).join('\n');
}

describe('depthBeyond', () => {
  it('reports a nesting past the limit and passes a shallow tree', () => {
    expect(depthBeyond(nestedPage(30).documentElement, MAX_DEPTH)).toBeNull();
    expect(depthBeyond(nestedPage(MAX_DEPTH + 10).documentElement, MAX_DEPTH)).toBe(MAX_DEPTH + 1);
  });
});

describe('truncateText', () => {
  it('keeps the first characters up to a word boundary and empties the text after them, not scripts', () => {
    const { document } = new JSDOM(
      '<!doctype html><body><script>var data = 1;</script><p>alpha beta gamma</p><p>delta <b>epsilon</b></p><script type="application/ld+json">{}</script><p>zeta</p></body>',
    ).window;
    expect(truncateText(document.body, 12)).toBe(true);
    expect(document.body.innerHTML).toBe(
      '<script>var data = 1;</script><p>alpha beta</p><p><b></b></p><script type="application/ld+json">{}</script><p></p>',
    );
    expect(truncateText(document.body, 100)).toBe(false);
  });
});

describe('leadingText', () => {
  it('reads only as much text as asked', () => {
    const { document } = new JSDOM('<!doctype html><body><p>abc</p><p>defgh</p><p>ijk</p></body>').window;
    expect(leadingText(document.body, 5)).toBe('abcde');
  });
});

describe('extractArticle on extreme pages', () => {
  // Chromium's tab crashed cloning a page 25k levels deep; past the limit the page is not cloned at all.
  it('refuses a page nested deeper than the limit, with a reason, before cloning it', () => {
    const doc = nestedPage(MAX_DEPTH + 100);
    const { page } = extractArticle(doc, URL, { anchors: true });
    expect(page.status).toBe('too-large');
    expect(page.message).toBe(`The page is nested too deeply to analyse (more than ${MAX_DEPTH} levels).`);
  });

  it('reads the first part of a very long article and says so; the page keeps all its text', () => {
    const sentence = 'The committee met again on Tuesday to discuss the long report about the river. ';
    const html = `<!doctype html><html lang="en"><head><title>Long</title></head><body><article><h1>Long</h1>${paragraphs(
      600,
      sentence,
    )}</article></body></html>`;
    const doc = new JSDOM(html, { url: URL }).window.document;
    const fullText = doc.body.textContent!.length;
    expect(fullText).toBeGreaterThan(MAX_TEXT_CHARS * 1.2);
    const before = doc.documentElement.outerHTML;
    const { page, anchors } = extractArticle(doc, URL, { anchors: true });
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(page.status).toBe('ok');
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(page.text.length).toBeGreaterThan(MAX_TEXT_CHARS * 0.9);
    expect(page.text.startsWith('0: The committee')).toBe(true);
    expect(anchors).not.toBeNull();
  });

  it('does not flag an article that fits', () => {
    const html = `<!doctype html><html lang="en"><head><title>Short</title></head><body><article>${paragraphs(
      20,
      'A short piece about the river and the committee that met on Tuesday. ',
    )}</article></body></html>`;
    const { page } = extractArticle(new JSDOM(html, { url: URL }).window.document, URL);
    expect(page.status).toBe('ok');
    expect(page.truncated).toBeUndefined();
  });
});
