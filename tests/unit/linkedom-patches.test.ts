/**
 * The CLI bundle's linkedom is patched as it is bundled (scripts/cli/linkedom-patches.ts: kept compiled
 * selectors, listener maps made on first use, `getElementsByTagName('*')`, the class attribute read as written, tree walkers that step as they
 * go and honour a filter). Built here as the CLI builds it (NODE_BUNDLE), it must answer every selector
 * question as linkedom itself does, also after the document changes between two questions with the
 * same selector, deliver events as linkedom does, list all elements for '*', read every class as linkedom does, walk the nodes linkedom's
 * own walker lists, and filter a walk as the DOM standard (here jsdom) does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { DOMParser as PlainParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_BUNDLE } from '../../scripts/cli/build.ts';
import { ROOT } from '../support/shared-paths.ts';

type Parser = typeof PlainParser;

const PAGE = `<!doctype html><html><head><base href="https://example.org/a/"><title>t</title></head><body>
<div id="outer"><section><p class="lead">One <a href="/x">link</a></p><p>Two</p></section></div>
<template><p class="lead">inert</p></template><svg><a href="#s"><text>svg link</text></a></svg>
</body></html>`;

/** Selector questions asked twice of each document, the second time after a change to it. */
const QUESTIONS = [
  'p',
  'div.marked p',
  '#outer > section > p.lead',
  'section p:not(.lead)',
  'a, script, style, noscript, template',
  'base[href]',
  'p:first-child',
  'section:has(p.lead)',
];

let workDir: string;
let bundled: Parser;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'kontext-linkedom-'));
  const outfile = join(workDir, 'linkedom.mjs');
  await build({
    ...NODE_BUNDLE,
    stdin: { contents: "export { DOMParser } from 'linkedom';", resolveDir: ROOT, loader: 'js' },
    outfile,
  });
  writeFileSync(join(workDir, 'package.json'), '{"type":"module"}');
  ({ DOMParser: bundled } = (await import(pathToFileURL(outfile).href)) as { DOMParser: Parser });
}, 60_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** Every answer the document gives to QUESTIONS, as element paths (tag and position). */
function answers(doc: Document): string[] {
  const label = (element: Element) => {
    const siblings = element.parentElement ? Array.from(element.parentElement.children) : [element];
    return `${element.localName}${siblings.indexOf(element)}`;
  };
  const elements = Array.from(doc.querySelectorAll('*'));
  return QUESTIONS.flatMap((selector) => [
    `${selector} all: ${Array.from(doc.querySelectorAll(selector), label).join(' ')}`,
    `${selector} first: ${(doc.querySelector(selector) as Element | null)?.localName ?? '-'}`,
    `${selector} matches: ${elements
      .filter((element) => element.matches(selector))
      .map(label)
      .join(' ')}`,
    `${selector} closest: ${elements.map((element) => element.closest(selector)?.localName ?? '-').join(' ')}`,
  ]);
}

/** Marks the outer div and moves the second paragraph out of the section. */
function change(doc: Document): void {
  doc.getElementById('outer')!.classList.add('marked');
  const second = doc.querySelectorAll('section p')[1]!;
  doc.body.appendChild(second);
  second.className = 'lead';
}

describe("the CLI bundle's patched linkedom", () => {
  it('answers as linkedom does, before and after the document changes', () => {
    const plain = new PlainParser().parseFromString(PAGE, 'text/html') as unknown as Document;
    const kept = new bundled().parseFromString(PAGE, 'text/html') as unknown as Document;
    const before = answers(plain);
    expect(answers(kept)).toEqual(before);
    change(plain);
    change(kept);
    const after = answers(plain);
    // The change must show in the answers, or the second round would prove nothing.
    expect(after).not.toEqual(before);
    expect(answers(kept)).toEqual(after);
  });

  it("lists every element for getElementsByTagName('*'), as the DOM standard says (plain linkedom lists none)", () => {
    const plain = new PlainParser().parseFromString(PAGE, 'text/html') as unknown as Document;
    const kept = new bundled().parseFromString(PAGE, 'text/html') as unknown as Document;
    expect(plain.getElementsByTagName('*').length).toBe(0);
    // Every element linkedom lists by its name (which, unlike querySelectorAll, includes template content).
    const star = Array.from(kept.getElementsByTagName('*'));
    const byName = new Set(
      Array.from(kept.querySelectorAll('*')).flatMap((e) =>
        Array.from(kept.getElementsByTagName(e.localName)),
      ),
    );
    expect(star.length).toBeGreaterThan(10);
    expect(star.length).toBe(byName.size);
    expect(new Set(star)).toEqual(byName);
    const section = kept.querySelector('section')!;
    expect(Array.from(section.getElementsByTagName('*'))).toEqual(Array.from(section.querySelectorAll('*')));
  });

  it('still rejects a selector that does not parse, every time', () => {
    const kept = new bundled().parseFromString(PAGE, 'text/html') as unknown as Document;
    expect(() => kept.querySelector('p[')).toThrow();
    expect(() => kept.querySelector('p[')).toThrow();
  });

  it('delivers events to listeners as linkedom does, and none after removal', () => {
    const heard = (parser: Parser) => {
      const doc = new parser().parseFromString(PAGE, 'text/html') as unknown as Document;
      const log: string[] = [];
      const section = doc.querySelector('section')!;
      const lead = doc.querySelector('p.lead')!;
      const onSection = (event: Event) => log.push(`section ${event.type}`);
      section.addEventListener('ping', onSection);
      lead.addEventListener('ping', (event) => log.push(`lead ${event.type}`), { once: true });
      // A node nobody listens to dispatches and removes without error.
      doc.querySelector('a')!.removeEventListener('ping', onSection);
      const ping = () => new doc.defaultView!.Event('ping', { bubbles: true });
      lead.dispatchEvent(ping());
      lead.dispatchEvent(ping());
      section.removeEventListener('ping', onSection);
      lead.dispatchEvent(ping());
      return log;
    };
    const plain = heard(PlainParser);
    expect(plain).toEqual(['lead ping', 'section ping', 'section ping']);
    expect(heard(bundled)).toEqual(plain);
  });

  it("walks the nodes linkedom's own walker lists, in its order, and stays at the end", () => {
    const walk = (parser: Parser) => {
      const doc = new parser().parseFromString(PAGE, 'text/html') as unknown as Document;
      const label = (node: Node | null) => (node ? `${node.nodeName}:${node.textContent?.slice(0, 8)}` : '-');
      return [doc, doc.body, doc.querySelector('section')!, doc.querySelector('a')!].flatMap((root) =>
        [-1, 1, 4, 1 | 4, 128].map((show) => {
          const walker = doc.createTreeWalker(root, show);
          const seen: string[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) seen.push(label(node));
          // Past the end: null again, and the walker's current node stays null.
          seen.push(label(walker.nextNode()), label(walker.currentNode));
          return `${root.nodeName} ${show}: ${seen.join(' ')}`;
        }),
      );
    };
    const plain = walk(PlainParser);
    expect(plain.join('\n')).toContain('#text');
    expect(walk(bundled)).toEqual(plain);
  });

  it('filters a walk as the DOM does: a rejected element with its subtree, a skipped node alone (plain linkedom ignores the filter)', () => {
    const page =
      '<!doctype html><html><body><div><section><p>One</p><p>Two</p></section>' +
      '<aside><p>Three <b>bold</b></p></aside><p>Four</p></div></body></html>';
    const walk = (doc: Document) => {
      const walker = doc.createTreeWalker(doc.body, 1 | 4, {
        acceptNode: (node) =>
          node.nodeName === 'SECTION' ? 2 /* REJECT */ : node.nodeName === 'ASIDE' ? 3 /* SKIP */ : 1,
      });
      const seen: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        seen.push((node.nodeType === 1 ? node.nodeName : node.nodeValue) ?? '');
      return seen;
    };
    const standard = walk(new JSDOM(page).window.document);
    // The section's paragraphs are rejected with it; the aside is skipped, but not what it holds.
    expect(standard.join(' ')).not.toMatch(/SECTION|ASIDE|One|Two/);
    expect(standard).toEqual(['DIV', 'P', 'Three ', 'B', 'bold', 'P', 'Four']);
    expect(walk(new bundled().parseFromString(page, 'text/html') as unknown as Document)).toEqual(standard);
    expect(walk(new PlainParser().parseFromString(page, 'text/html') as unknown as Document)).not.toEqual(
      standard,
    );
  });

  it('reads the class attribute as linkedom does, through every way of changing it', () => {
    const classes = (parser: Parser) => {
      const doc = new parser().parseFromString(
        '<!doctype html><html><body><p class="  a  b a ">x</p><p class="">y</p><p>z</p><div class="c"></div></body></html>',
        'text/html',
      ) as unknown as Document;
      const read = () =>
        Array.from(doc.querySelectorAll('*'), (e) => JSON.stringify(e.getAttribute('class'))).join(' ');
      const seen = [read()];
      const [first, second, third] = Array.from(doc.querySelectorAll('p'));
      first!.classList.add('d');
      second!.className = 'e  f';
      third!.setAttribute('class', 'g');
      doc.querySelector('div')!.removeAttribute('class');
      seen.push(read());
      first!.classList.remove('a');
      doc.body.appendChild(first!.cloneNode(true));
      seen.push(read());
      return seen;
    };
    const plain = classes(PlainParser);
    expect(new Set(plain).size).toBe(3);
    expect(classes(bundled)).toEqual(plain);
  });
});
