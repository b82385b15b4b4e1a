/**
 * What one related-link search has learnt about the page's elements, so that its work stays linear in
 * the size of the page. The search asks ancestor questions ("is this link inside a caption?", "is this
 * paragraph in the page's chrome?") for every paragraph, text and link; asked naively, each walks all
 * ancestors, which on a page nested hundreds of levels deep is quadratic. Here each answer is remembered
 * for every element on the walked chain, so each element is tested once per question. Valid for one
 * search: the page must not change meanwhile (the search only reads it).
 */
import { proseLength } from './prose.ts';

/** A paragraph this long is prose; an element holding one is never chrome by its class name alone. */
export const PROSE_PARAGRAPH_CHARS = 120;

export class SearchMemo {
  private readonly answers = new Map<string, Map<Element | null, Map<Element, Element | null>>>();
  private proseHolders: Set<Element> | null = null;
  private positions: Map<Element, number> | null = null;
  private bodyParagraphs: Element[] | null = null;
  private readonly prose = new Map<Element, number>();

  /** proseLength of `element`, read once per search (the article parts and the prose holders both ask). */
  proseLength(element: Element): number {
    let length = this.prose.get(element);
    if (length === undefined) {
      length = proseLength(element);
      this.prose.set(element, length);
    }
    return length;
  }

  /**
   * `element`'s place in document order (ancestors before descendants); one walk of the page for the
   * whole search, where compareDocumentPosition walks the ancestors of both elements on every call.
   */
  position(element: Element): number {
    if (!this.positions) {
      const positions = new Map<Element, number>();
      const doc = element.ownerDocument;
      const walker = doc.createTreeWalker(doc, 1 /* NodeFilter.SHOW_ELEMENT */);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        positions.set(node as Element, positions.size);
      this.positions = positions;
    }
    return this.positions.get(element) ?? -1;
  }

  /** Whether `other` comes after `element` in document order and is not inside it. */
  follows(other: Element, element: Element): boolean {
    return this.position(other) > this.position(element) + element.getElementsByTagName('*').length;
  }

  /**
   * The first of `element` and its ancestors, up to `stop` (exclusive), for which `test` holds; null when
   * none does. `question` names the test: the same name must always mean the same test.
   */
  firstUp(
    question: string,
    element: Element | null,
    stop: Element | null,
    test: (node: Element) => boolean,
  ): Element | null {
    const byStop = this.answers.get(question) ?? new Map<Element | null, Map<Element, Element | null>>();
    this.answers.set(question, byStop);
    const known = byStop.get(stop) ?? new Map<Element, Element | null>();
    byStop.set(stop, known);
    const chain: Element[] = [];
    let found: Element | null = null;
    for (let node = element; node && node !== stop; node = node.parentElement) {
      const answer = known.get(node);
      if (answer !== undefined) {
        found = answer;
        break;
      }
      chain.push(node);
      if (test(node)) {
        found = node;
        break;
      }
    }
    for (const node of chain) known.set(node, found);
    return found;
  }

  /**
   * The <p> elements of the page's body in document order, found once per search (the article parts
   * and the prose holders both read them; a server-side DOM walks the whole page for each query).
   */
  paragraphs(doc: Document): Element[] {
    this.bodyParagraphs ??= doc.body ? Array.from(doc.body.querySelectorAll('p')) : [];
    return this.bodyParagraphs;
  }

  /**
   * Whether `element` holds a prose paragraph (one of at least PROSE_PARAGRAPH_CHARS characters). Only
   * elements inside the body are asked, so the body's paragraphs are all that can make a holder.
   */
  holdsProse(element: Element): boolean {
    if (!this.proseHolders) {
      const holders = new Set<Element>();
      for (const paragraph of this.paragraphs(element.ownerDocument)) {
        if (this.proseLength(paragraph) < PROSE_PARAGRAPH_CHARS) continue;
        for (let node = paragraph.parentElement; node && !holders.has(node); node = node.parentElement) {
          holders.add(node);
        }
      }
      this.proseHolders = holders;
    }
    return this.proseHolders.has(element);
  }

  /**
   * The elements of `elements` that are not inside another of them (a pingback item nested in another
   * item, an article part inside another part), in their order.
   */
  outermost(question: string, elements: Iterable<Element>): Element[] {
    const all = new Set(elements);
    return [...all].filter(
      (element) => !this.firstUp(question, element.parentElement, null, (node) => all.has(node)),
    );
  }
}
