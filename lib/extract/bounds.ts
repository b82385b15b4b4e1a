/**
 * Size limits checked before the expensive steps, so that a hostile or extreme page costs a bounded
 * amount of work in the page's thread and in the background. Every walk here is iterative: pages can
 * nest elements tens of thousands deep, which overflows recursive code (and the browsers' own cloning).
 */

/**
 * Deepest element nesting Kontext clones. Chromium's tab crashed cloning a document about 25k levels
 * deep; real articles stay far below 100 levels (the deepest of the 20 test pages is under 40).
 */
export const MAX_DEPTH = 500;

/**
 * Characters of the page's text (the copy's body) that Kontext reads; the rest of a longer page is cut
 * off before Readability runs, which bounds every later stage and the size of every message. 100k
 * characters are about 16k words, more than an hour of reading; long-form articles end before. Measured
 * on the hostile corpus in Chromium under load (tests/e2e/hostile.e2e.test.ts): with 200k the entity
 * stage alone took 2.5–3.5 s in the background.
 */
export const MAX_TEXT_CHARS = 100_000;

/** The nesting depth of `root`'s element tree once it passes `limit` (counted up to limit + 1), else null. */
export function depthBeyond(root: Element, limit: number): number | null {
  let depth = 0;
  let node: Element | null = root;
  while (node) {
    if (depth > limit) return depth;
    const child: Element | null = node.firstElementChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth--;
    }
    if (!node || node === root) return null;
    node = node.nextElementSibling;
  }
  return null;
}

/** Text in these elements is code or markup data, not page text (JSON-LD metadata lives in scripts). */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Empties `root`'s text after its first `maxChars` characters (cut at a word boundary when there is one
 * nearby) and returns whether anything was cut. Elements and scripts stay, so Readability still finds the
 * page's metadata; script and style text does not count. Only ever used on Kontext's own copy of a page.
 */
export function truncateText(root: Element, maxChars: number): boolean {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  let cut = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (NOT_TEXT.has(node.parentElement?.tagName ?? '')) continue;
    if (cut) {
      node.data = '';
      continue;
    }
    if (seen + node.length <= maxChars) {
      seen += node.length;
      continue;
    }
    const room = maxChars - seen;
    const space = node.data.lastIndexOf(' ', room);
    node.data = node.data.slice(0, space >= 0 && space > room - 100 ? space : room);
    cut = true;
  }
  return cut;
}

/** The first `maxChars` characters of `root`'s text, without building the whole (possibly huge) string. */
export function leadingText(root: Element, maxChars: number): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < maxChars; node = walker.nextNode()) {
    text += (node as Text).data;
  }
  return text.slice(0, maxChars);
}
