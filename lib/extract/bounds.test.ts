import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../slicing.ts';
import {
  cloneBounded,
  cloneForReading,
  countedTextLength,
  depthBeyond,
  leadingText,
  MAX_DEPTH,
  MAX_TEXT_CHARS,
} from './bounds.ts';
import { extractArticle, extractArticleSliced } from './index.ts';

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

const COMMITTEE = 'The committee met again on Tuesday to discuss the long report about the river. ';

/** A long English article of `count` paragraphs about the committee. */
function longArticle(count: number): Document {
  const html = `<!doctype html><html lang="en"><head><title>Long</title></head><body><article><h1>Long</h1>${paragraphs(
    count,
    COMMITTEE,
  )}</article></body></html>`;
  return new JSDOM(html, { url: URL }).window.document;
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

describe('cloneBounded', () => {
  const HTML =
    '<!doctype html><html><head><title>T</title></head><body><script>var data = 1;</script><p>alpha beta gamma</p><p>delta <b>epsilon</b></p><div><script type="application/ld+json">{}</script></div><p>zeta</p></body></html>';

  it('copies the first characters up to a word boundary, then nothing but JSON-LD; scripts do not count', () => {
    const { document } = new JSDOM(HTML).window;
    const before = document.documentElement.outerHTML;
    const { clone, liveOf, truncated } = runToEnd(cloneBounded(document, 12, true));
    expect(truncated).toBe(true);
    expect(clone.head.innerHTML).toBe('<title>T</title>');
    expect(clone.body.innerHTML).toBe(
      '<script>var data = 1;</script><p>alpha beta</p><script type="application/ld+json">{}</script>',
    );
    expect(document.documentElement.outerHTML).toBe(before);
    // Each copied text is paired with its live twin (the cut one with the whole live node).
    const pairs = [...liveOf!].map(([copy, live]) => [copy.data, live.data]);
    expect(pairs).toEqual([
      ['T', 'T'],
      ['var data = 1;', 'var data = 1;'],
      ['alpha beta', 'alpha beta gamma'],
      ['{}', '{}'],
    ]);
  });

  it('copies a page that fits whole, and pauses every few hundred nodes', () => {
    const { document } = new JSDOM(HTML).window;
    const whole = runToEnd(cloneBounded(document, 100, false));
    expect(whole.truncated).toBe(false);
    expect(whole.liveOf).toBeNull();
    expect(whole.clone.documentElement.outerHTML).toBe(document.documentElement.outerHTML);

    const long = new JSDOM(`<!doctype html><body>${'<p>word</p>'.repeat(2000)}</body>`).window.document;
    const work = cloneBounded(long, 1_000_000);
    let pauses = 0;
    while (!work.next().done) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(10);
  });

  it('ends on a page that keeps adding text while it pauses', () => {
    const { document } = new JSDOM(`<!doctype html><body>${'<p>start</p>'.repeat(300)}</body>`).window;
    const work = cloneBounded(document, 1_000_000, false, 5_000);
    let step = work.next();
    for (let pauses = 0; !step.done && pauses < 1_000; pauses++) {
      // The page's own ticker, between two slices: more than the copy reads in one.
      for (let i = 0; i < 300; i++) document.body.append(document.createElement('p'), 'news');
      step = work.next();
    }
    expect(step.done).toBe(true);
    expect(step.done && step.value.truncated).toBe(true);
  });
});

describe('cloneForReading', () => {
  const HTML =
    '<!doctype html><html><head><title>T</title></head><body><script>var data = 1;</script><p>alpha beta gamma</p><p>delta <b>epsilon</b></p><div><script type="application/ld+json">{}</script><style>p {}</style></div><noscript>no</noscript><p>zeta</p></body></html>';

  /** The pairs as [copy's text, live node], in the copy's order. */
  const pairsOf = (liveOf: Map<Text, Text> | null) =>
    [...(liveOf ?? [])].map(([copy, live]) => [copy.data, live]);

  it('counts the body text cloneBounded counts, without script, style or noscript text', () => {
    const { document } = new JSDOM(HTML).window;
    expect(runToEnd(countedTextLength(document))).toBe('alpha beta gammadelta epsilonzeta'.length);
  });

  it('stops counting just past the limit, and pauses while counting a long page', () => {
    const { document } = new JSDOM(HTML).window;
    // 'alpha beta gamma' (16) passes 10; the rest of the page is not read.
    expect(runToEnd(countedTextLength(document, 10))).toBe(16);
    const long = longArticle(3000);
    const work = countedTextLength(long, MAX_TEXT_CHARS);
    let pauses = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    expect(step.value).toBeGreaterThan(MAX_TEXT_CHARS);
    expect(step.value).toBeLessThan(MAX_TEXT_CHARS + 1_000);
    expect(pauses).toBeGreaterThan(0);
  });

  it('clones a page within the limit whole, in one step, paired like cloneBounded', () => {
    const { document } = new JSDOM(HTML).window;
    const limit = runToEnd(countedTextLength(document));
    const work = cloneForReading(document, limit, true);
    const step = work.next();
    expect(step.done).toBe(true);
    const native = step.value!;
    const bounded = runToEnd(cloneBounded(document, limit, true));
    expect(native.truncated).toBe(false);
    expect(bounded.truncated).toBe(false);
    expect(native.clone.documentElement.outerHTML).toBe(bounded.clone.documentElement.outerHTML);
    expect(pairsOf(native.liveOf)).toEqual(pairsOf(bounded.liveOf));
    expect(pairsOf(native.liveOf).length).toBe(9);
    expect(runToEnd(cloneForReading(document, limit)).liveOf).toBeNull();
  });

  it('copies only the first characters of a page over the limit, as cloneBounded does', () => {
    const { document } = new JSDOM(HTML).window;
    const limit = runToEnd(countedTextLength(document)) - 1;
    const cut = runToEnd(cloneForReading(document, limit, true));
    const bounded = runToEnd(cloneBounded(document, limit, true));
    expect(cut.truncated).toBe(true);
    expect(cut.clone.documentElement.outerHTML).toBe(bounded.clone.documentElement.outerHTML);
    expect(pairsOf(cut.liveOf)).toEqual(pairsOf(bounded.liveOf));
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
    const doc = longArticle(600);
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

  it('never copies the part of a long page it does not read, and pauses while copying', () => {
    const doc = longArticle(3000);
    const copied = runToEnd(cloneBounded(doc, MAX_TEXT_CHARS));
    const live = doc.getElementsByTagName('p').length;
    expect(copied.clone.getElementsByTagName('p').length).toBeLessThan(live / 10);
    const work = extractArticleSliced(doc, URL, { anchors: true });
    let pauses = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) pauses++;
    expect(step.value.page.truncated).toBe(true);
    expect(pauses).toBeGreaterThan(live / 256);
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
