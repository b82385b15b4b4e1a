import { isProbablyReaderable } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildNewsPage, buildSeedPage, parsePlainArticle } from '../../tests/fixtures/news-page.ts';
import { buildShortParagraphsPage } from '../../tests/fixtures/short-paragraphs-page.ts';
import { describeWithSharedData } from '../../tests/support/shared-data.ts';
import { MAX_TEXT_CHARS } from './bounds.ts';
import { extractArticle, extractionSlicing, ONE_TASK_MAX_ELEMENTS } from './index.ts';

import { extractPage } from './page.ts';

const URL = 'http://127.0.0.1:8080/politik/asien/artikel';

function dom(html: string) {
  return new JSDOM(html, { url: URL }).window.document;
}

const ownArticle = parsePlainArticle(`Stadtwerke Lindau erneuern das Wassernetz
Die Stadtwerke Lindau wollen in den kommenden fünf Jahren rund 40 Kilometer Wasserleitungen erneuern. Das kündigte Geschäftsführerin Petra Albrecht am Montag im Stadtrat an. Die ältesten Rohre stammen aus den Fünfzigerjahren und gelten als anfällig für Brüche.
„Wir investieren jetzt, damit die Versorgung in zwanzig Jahren noch sicher ist“, sagte Albrecht. Der Stadtrat stimmte dem Plan mit großer Mehrheit zu. Die Kosten von 60 Millionen Euro sollen über Kredite und höhere Gebühren finanziert werden.
Baustellen in der Innenstadt
Besonders betroffen ist die Innenstadt zwischen Bahnhof und Hafen. Dort sollen die Arbeiten im Frühjahr beginnen und bis zum Herbst dauern. Anwohner werden vorab in Versammlungen informiert, kündigte Bürgermeister Thomas Vogt an.
Der Verband kommunaler Unternehmen begrüßte das Vorhaben. Viele Städte in Bayern und Baden-Württemberg stünden vor ähnlichen Aufgaben, hieß es in einer Mitteilung des Verbands aus Berlin.
Weiterführende Analysen
👉 Wasser wird teurer: Was Gemeinden jetzt planen
👉 Marode Netze: Der Investitionsstau in Zahlen
`);

describe('extractArticle', () => {
  it('extracts the article blocks and leaves the page untouched', () => {
    const doc = dom(buildNewsPage(ownArticle));
    const before = doc.documentElement.outerHTML;
    const { page, anchors } = extractArticle(doc, URL, { anchors: true });
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(page.status).toBe('ok');
    expect(page.title).toBe('Stadtwerke Lindau erneuern das Wassernetz');
    expect(page.byline).toContain('Anna Berger');
    expect(page.siteName).toBe('Weltblick');
    expect(page.lang).toBe('de');
    expect(page.blocks.map((b) => b.kind)).toContain('heading');
    expect(page.blocks.find((b) => b.kind === 'heading')?.text).toBe('Baustellen in der Innenstadt');
    expect(page.text).toContain('„Wir investieren jetzt, damit die Versorgung');
    expect(page.text).not.toContain('Hauptnavigation');
    expect(page.text).not.toContain('Impressum');
    expect(page.wordCount).toBeGreaterThan(100);
    expect(page.readingMinutes).toBe(1);
    for (const block of page.blocks)
      expect(page.text.slice(block.start, block.start + block.text.length)).toBe(block.text);

    // Anchors point at the LIVE page's text nodes and reproduce each block's text.
    expect(anchors).not.toBeNull();
    anchors!.forEach((anchor, i) => {
      const block = page.blocks[i]!;
      for (const piece of anchor.pieces) {
        expect(doc.contains(piece.node)).toBe(true);
        const fromLive = piece.rawOffsets.map((o) => piece.node.data[o]).join('');
        expect(fromLive.replace(/\s/g, ' ')).toBe(block.text.slice(piece.start, piece.end));
      }
    });
  });

  it('says when a page has no article, without throwing', () => {
    const doc = dom('<html><body><form><input name=user><button>Login</button></form></body></html>');
    const { page } = extractArticle(doc, URL);
    expect(page.status).toBe('no-article');
    expect(page.message).toMatch(/article/);
    expect(page.blocks).toEqual([]);
  });

  it('extracts an article of many one-sentence paragraphs, which isProbablyReaderable refuses', () => {
    const doc = dom(buildShortParagraphsPage());
    // The premise: Readability's heuristic calls this page no article.
    expect(isProbablyReaderable(doc)).toBe(false);
    const { page } = extractArticle(doc, URL);
    expect(page.status).toBe('ok');
    expect(page.title).toBe('Flooding closes roads across the north of England');
    expect(page.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThanOrEqual(19);
    expect(page.text).toContain('Environment Secretary Sarah Collins is due to visit York on Tuesday.');
  });

  it('refuses pages too large to analyse with a clear message', () => {
    const doc = dom(`<html><body>${'<i></i>'.repeat(31_000)}</body></html>`);
    const { page } = extractArticle(doc, URL);
    expect(page.status).toBe('too-large');
    expect(page.message).toMatch(/too large/);
  });

  // Issue 18: the block builder appended one character at a time and asked endsWith(' ') at each space,
  // which made V8 re-flatten the growing string: 19 s for one 200 KB paragraph in Node, so hours for
  // this megabyte. Built linearly, the extraction takes about a second on a loaded machine. The timeout
  // is the test's only bound on time, chosen far above load noise and far below the old cost.
  it('extracts a page whose article is one megabyte-long paragraph', () => {
    const sentence = 'Die Regierung hat am Montag beschlossen, dass vieles anders wird. ';
    const paragraph = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const doc = dom(
      `<html lang="de"><head><title>Lang</title></head><body><article><h1>Lang</h1><p>${paragraph}</p></article></body></html>`,
    );
    const { page, anchors } = extractArticle(doc, URL, { anchors: true });
    expect(page.status).toBe('ok');
    // Kontext reads the first MAX_TEXT_CHARS of a page (issue 18): the block is the paragraph's start.
    expect(page.truncated).toBe(true);
    const block = page.blocks.find((b) => b.text.length > MAX_TEXT_CHARS * 0.9);
    expect(block && paragraph.startsWith(block.text)).toBe(true);
    const pieces = anchors?.[page.blocks.indexOf(block!)]?.pieces;
    expect(pieces?.map((p) => p.end - p.start)).toEqual([block?.text.length]);
  }, 30_000);

  it('leaves the language to the text half: it sends the markup tag, and a text sample without an article', () => {
    const { page } = extractArticle(dom(buildNewsPage(ownArticle)), URL);
    expect(page.markupLang).toBe('de');
    expect(page.langSample).toBeUndefined();
    const empty = extractArticle(
      dom('<html lang="en-GB"><body><form><p>Bitte melden Sie sich an.</p></form></body></html>'),
      URL,
    ).page;
    expect(empty.status).toBe('no-article');
    expect(empty.markupLang).toBe('en-GB');
    expect(empty.langSample).toContain('Bitte melden Sie sich an.');
  });

  it('reads the Open Graph locale when <html> has no lang', () => {
    const doc = dom(
      '<html><head><meta property="og:locale" content="en_GB"><title>t</title></head><body><p>The van der Berg family met Jan de Vries.</p></body></html>',
    );
    expect(extractArticle(doc, URL).page.lang).toBe('en');
  });
});

describeWithSharedData('extractArticle on the seed page', () => {
  it('finds every paragraph of the seed article and none of the page chrome', () => {
    const doc = dom(buildSeedPage({ origin: 'http://127.0.0.1:8080' })!);
    const { page } = extractArticle(doc, URL, { anchors: true });
    expect(page.status).toBe('ok');
    expect(page.title).toBe('Kim Jong Un sendet Neujahrsbotschaft an Soldaten im Ausland');
    expect(page.lang).toBe('de');
    expect(page.text).toContain('zitierte KCNA den Machthaber');
    expect(page.text).toContain('Einsatz in Kursk offiziell bestätigt');
    for (const chrome of ['Cookies', 'Meistgelesen', 'Impressum', 'Tagesgeld', 'leser42']) {
      expect(page.text).not.toContain(chrome);
    }
  });
});

describe('extractionSlicing', () => {
  const pageOf = (elements: number) =>
    new JSDOM(`<!doctype html><body>${'<p>x</p>'.repeat(elements)}</body>`).window.document;

  it('extracts a small page without pauses and slices a big one', () => {
    // html, head and body count too.
    expect(extractionSlicing(pageOf(ONE_TASK_MAX_ELEMENTS - 3))).toEqual({
      budgetMs: Number.POSITIVE_INFINITY,
    });
    expect(extractionSlicing(pageOf(ONE_TASK_MAX_ELEMENTS - 2))).toEqual({});
  });
});

describe('extractPage in place (the CLI: the page is its own copy)', () => {
  it('gives what the copy gives, related links included, with and without an article', () => {
    const pages = [
      buildNewsPage(ownArticle),
      buildShortParagraphsPage(),
      '<html><body><form><input name=user><button>Login</button></form></body></html>',
      '<html lang="en-GB"><body><form><p>Bitte melden Sie sich an.</p></form></body></html>',
    ];
    for (const html of pages) {
      const { timings: _copied, ...onCopy } = extractPage(dom(html), URL).extraction;
      const doc = dom(html);
      const before = doc.documentElement.outerHTML;
      const { timings, ...inPlace } = extractPage(doc, URL, { inPlace: true }).extraction;
      expect(inPlace).toEqual(onCopy);
      expect(Object.keys(timings)).toEqual(expect.arrayContaining(['extract']));
      // The premise: the page itself was read and rewritten, not a copy of it.
      if (onCopy.status === 'ok') expect(doc.documentElement.outerHTML).not.toBe(before);
    }
    const { relatedCandidates } = extractPage(dom(buildNewsPage(ownArticle)), URL, {
      inPlace: true,
    }).extraction;
    expect(relatedCandidates.length).toBeGreaterThan(0);
  });
});
