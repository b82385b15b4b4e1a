/**
 * The related-link search does work linear in the page's size (issue 18): on a page nested twice as deep,
 * or twice as wide, it does about twice the DOM work, not four times. Work is counted, not timed: every
 * DOM step the search asks jsdom for is charged what a browser pays for it (an ancestor step is 1; closest
 * and contains walk ancestors; compareDocumentPosition walks both elements' ancestors; querySelectorAll
 * and textContent read a subtree).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findRelatedLinks } from './index.ts';

const URL = 'https://news.example/politik/haushalt-berlin';
const PROSE =
  'Die Abgeordneten stimmten nach einer langen und teils hitzigen Debatte über den Haushalt der Stadt ab, ' +
  'die Opposition kündigte Widerstand an und verlangte eine neue Beratung im Ausschuss.';

/** Counts the DOM work done through `window`'s prototypes while `run` runs. */
function countWork(window: JSDOM['window'], run: () => void): number {
  const { Node, Element } = window;
  let work = 0;
  const restore: Array<() => void> = [];
  // jsdom's selector engine runs on the same DOM API: only the search's own calls are charged.
  let inside = false;
  const charged = <T>(cost: () => number, call: () => T): T => {
    if (inside) return call();
    inside = true;
    try {
      work += cost();
      return call();
    } finally {
      inside = false;
    }
  };
  const patch = (proto: object, name: string, cost: (self: Node, args: unknown[]) => number) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
    restore.push(() => Object.defineProperty(proto, name, descriptor));
    if (descriptor.get) {
      const get = descriptor.get;
      Object.defineProperty(proto, name, {
        ...descriptor,
        get(this: Node) {
          return charged(
            () => cost(this, []),
            () => get.call(this),
          );
        },
      });
    } else {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(proto, name, {
        ...descriptor,
        value(this: Node, ...args: unknown[]) {
          return charged(
            () => cost(this, args),
            () => method.apply(this, args),
          );
        },
      });
    }
  };
  const parentOf = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!.get!;
  const byTag = Element.prototype.getElementsByTagName;
  const depth = (node: Node) => {
    let levels = 0;
    for (let at: Node | null = node; at; at = parentOf.call(at) as Node | null) levels++;
    return levels;
  };
  const subtree = (node: Node) => (node.nodeType === 1 ? byTag.call(node as Element, '*').length + 1 : 1);
  patch(Node.prototype, 'parentNode', () => 1);
  patch(Node.prototype, 'parentElement', () => 1);
  patch(Node.prototype, 'textContent', (self) => subtree(self));
  patch(Node.prototype, 'contains', (_, [other]) => depth(other as Node));
  patch(Node.prototype, 'compareDocumentPosition', (self, [other]) => depth(self) + depth(other as Node));
  patch(Element.prototype, 'closest', (self) => depth(self));
  patch(Element.prototype, 'querySelectorAll', (self) => subtree(self));
  patch(Element.prototype, 'querySelector', (self) => subtree(self));
  try {
    run();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return work;
}

/** Each level: a prose paragraph with a link, a headline list, a menu-classed box, then the next level. */
function deepPage(levels: number): JSDOM {
  const dom = new JSDOM(
    '<!doctype html><html lang="de"><head><title>Haushalt</title></head><body></body></html>',
    {
      url: URL,
    },
  );
  const doc = dom.window.document;
  // Built from the innermost level out: jsdom checks each insertion against the new parent's ancestors.
  let inner: Element | null = null;
  for (let i = levels; i > 0; i--) {
    const level = doc.createElement('div');
    level.className = 'menu';
    level.innerHTML = `<p>${PROSE} Mehr im <a href="/politik/bericht-${i}">Bericht über den Haushalt ${i}</a>.</p>`;
    if (inner) level.appendChild(inner);
    inner = level;
  }
  const article = doc.createElement('article');
  article.innerHTML = `<h1>Haushalt in Berlin beschlossen</h1><p>${PROSE}</p>`;
  article.appendChild(inner!);
  doc.body.appendChild(article);
  return dom;
}

/** `count` sections of the same shape side by side, each with prose and a link, and a pingback list. */
function widePage(count: number): JSDOM {
  const sections = Array.from(
    { length: count },
    (_, i) =>
      `<section class="part"><p>${PROSE} Siehe <a href="/politik/teil-${i}">Teil ${i} der Serie</a>.</p></section>`,
  ).join('');
  const pingbacks = Array.from(
    { length: count },
    (_, i) =>
      `<li class="pingback"><ul><li>Pingback: <a href="https://blog${i}.example/2025/01/post">[…] Haushalt […]</a></li></ul></li>`,
  ).join('');
  return new JSDOM(
    `<!doctype html><html lang="de"><head><title>Haushalt</title></head><body><article><h1>Haushalt in Berlin beschlossen</h1>${sections}</article><ol>${pingbacks}</ol></body></html>`,
    { url: URL },
  );
}

function workOn(dom: JSDOM): { work: number; links: number } {
  let links = 0;
  const work = countWork(dom.window, () => {
    links = findRelatedLinks(dom.window.document, URL).length;
  });
  return { work, links };
}

describe('findRelatedLinks: work linear in the page', () => {
  // Links found per unit of size: the search really reaches every level and every section.
  it.each([
    { shape: 'nested twice as deep', build: deepPage, size: 100, linksPerUnit: 1 },
    { shape: 'twice as wide', build: widePage, size: 200, linksPerUnit: 2 },
  ])('does about twice the work on a page $shape', ({ build, size, linksPerUnit }) => {
    const small = workOn(build(size));
    const large = workOn(build(size * 2));
    expect(small.links).toBe(size * linksPerUnit);
    expect(large.links).toBe(size * 2 * linksPerUnit);
    expect(large.work / small.work).toBeLessThan(2.5);
  });
});
