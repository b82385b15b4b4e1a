import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findRelatedLinks } from './index.ts';

const PAGE_URL = 'https://news.example/politik/wahl-in-berlin?utm_source=newsletter';

const PROSE =
  'Die Abgeordneten stimmten nach einer langen und teils hitzigen Debatte über den Haushalt der Stadt ab, ' +
  'die Opposition kündigte Widerstand an.';

function page(body: string, head = ''): Document {
  const html = `<!doctype html><html lang="de"><head><title>Wahl in Berlin | News</title>
    <link rel="canonical" href="https://news.example/politik/wahl-in-berlin">${head}</head><body>${body}</body></html>`;
  return new JSDOM(html, { url: PAGE_URL }).window.document;
}

function article(inner: string): string {
  return `<article><h1>Wahl in Berlin: Senat beschließt Haushalt</h1>
    <p>${PROSE} Mehr dazu im <a href="/politik/2025/haushalt-details">Bericht über den Haushalt</a>.</p>
    <p>${PROSE}</p><p>${PROSE}</p>${inner}</article>`;
}

function urls(doc: Document): string[] {
  return findRelatedLinks(doc, PAGE_URL).map((link) => link.url);
}

describe('findRelatedLinks: where links come from', () => {
  it('takes a related block by its heading, the links in the text and a pingback, in page order', () => {
    const doc = page(
      article(`<section><h3>Lesen Sie auch</h3><ul>
        <li><a href="/politik/2025/senat-streit?utm_medium=related">👉 Streit im Senat um den Haushalt</a></li>
        <li><a href="https://other.example/berlin-wahl-analyse">Analyse der Wahl in Berlin</a></li></ul></section>`) +
        `<section id="comments"><ol>
          <li class="comment"><a href="/nutzer/leser1">leser1</a>: Guter Artikel <a href="#c1">Antworten</a></li>
          <li class="comment pingback"><p>Pingback: <a href="https://blog.example/">Ein Blog</a></p>
            <p><a href="https://blog.example/2025/01/haushalt-berlin/" rel="external nofollow ugc">[…] Berlins Haushalt […]</a></p></li>
        </ol></section>`,
    );
    const links = findRelatedLinks(doc, PAGE_URL);
    expect(links.map((link) => [link.source, link.url])).toEqual([
      ['in-text', 'https://news.example/politik/2025/haushalt-details'],
      ['block', 'https://news.example/politik/2025/senat-streit'],
      ['block', 'https://other.example/berlin-wahl-analyse'],
      ['pingback', 'https://blog.example/2025/01/haushalt-berlin/'],
    ]);
    expect(links[1]).toMatchObject({
      title: 'Streit im Senat um den Haushalt',
      host: 'news.example',
      score: 0,
    });
    expect(links[3]?.title).toBe('Berlins Haushalt');
  });

  it('takes a trackback marked only by its text, pointing at the citing post rather than the blog', () => {
    const doc = page(
      article('') +
        `<div class="responses"><div class="entry"><p>Trackback: <a href="https://other.example/">Other Blog</a>
          wrote about this in <a href="https://other.example/2025/02/berlin-budget-notes">Berlin budget notes</a></p></div></div>`,
    );
    const links = findRelatedLinks(doc, PAGE_URL);
    expect(links.map((link) => [link.source, link.url])).toContainEqual([
      'pingback',
      'https://other.example/2025/02/berlin-budget-notes',
    ]);
    expect(links.map((link) => link.url)).not.toContain('https://other.example/');
  });

  it('reads a trackback mark after any white space, a no-break space included, in any case', () => {
    for (const mark of ['\u00a0TRACKBACK:', '\n  trackback :', '\u2003Pingback:']) {
      const doc = page(
        article('') +
          `<div class="responses"><div class="entry"><p>${mark} <a href="https://other.example/">Other Blog</a>
            wrote about this in <a href="https://other.example/2025/02/berlin-budget-notes">Berlin budget notes</a></p></div></div>`,
      );
      expect(urls(doc)).toContain('https://other.example/2025/02/berlin-budget-notes');
    }
  });

  it('recognises related headings in several languages and inline "Related:" lines', () => {
    for (const heading of [
      'Mehr zum Thema',
      'Read more',
      'More on this story',
      'À lire aussi',
      'Más información',
      'Související',
    ]) {
      const doc = page(
        article(
          `<div><h4>${heading}</h4><ul><li><a href="/x/2025/eins">Erster Text zum Thema</a></li></ul></div>`,
        ),
      );
      expect(urls(doc), heading).toContain('https://news.example/x/2025/eins');
    }
    const inline = page(article(`<p>Related: <a href="/x/2025/zwei">Another story on the budget</a></p>`));
    expect(urls(inline)).toContain('https://news.example/x/2025/zwei');
  });

  it('finds a related list without heading after the article when its headlines share the topic', () => {
    const doc = page(
      article('') +
        `<div><h4>Auch bei uns:</h4><ul>
          <li><a href="/a/1">Berlin: Haushalt für 2026 verabschiedet</a></li>
          <li><a href="/a/2">Senat legt neuen Haushalt für Berlin vor</a></li>
          <li><a href="/a/3">Wahl in Brandenburg: alle Ergebnisse</a></li></ul></div>`,
    );
    expect(urls(doc)).toEqual(
      expect.arrayContaining([
        'https://news.example/a/1',
        'https://news.example/a/2',
        'https://news.example/a/3',
      ]),
    );
  });
});

describe('findRelatedLinks: what is excluded', () => {
  it('drops navigation, breadcrumbs, footer, share, social, ads, tags, login, most read and the page itself', () => {
    const doc = page(
      `<header><nav aria-label="Hauptnavigation"><a href="/politik">Politik</a><a href="/login">Anmelden</a></nav></header>
       <nav aria-label="Brotkrumen"><a href="/">Startseite</a> › <a href="/politik">Politik</a></nav>
       <div id="cookie" role="dialog"><a href="/datenschutz">Datenschutz</a></div>` +
        article(`<div aria-label="Artikel teilen"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Teilen</a>
            <a href="mailto:?subject=x">Mail</a><a href="javascript:void(0)">Drucken</a></div>
          <p>${PROSE} <a href="https://news.example/politik/wahl-in-berlin?utm_source=self#oben">dieser Artikel</a>
            <a href="#kommentare">zu den Kommentaren</a> <a href="https://twitter.com/newsexample">@newsexample</a></p>
          <aside aria-label="Anzeige"><a href="https://ads.example.net/click?c=1" rel="sponsored">Jetzt kaufen und sparen heute</a></aside>
          <div class="tags">Schlagwörter: <a href="/thema/berlin">Berlin</a> <a href="/thema/wahl">Wahl</a> <a href="/thema/senat">Senat</a></div>
          <p class="byline">Von <a rel="author" href="/autoren/anna">Anna Berger</a> ${PROSE}</p>`) +
        `<aside><h3>Meistgelesen</h3><ol>
          <li><a href="/sport/derby-endet-unentschieden">Derby in Berlin endet unentschieden</a></li>
          <li><a href="/kultur/berlin-tatort-kritik">Der Berliner Tatort in der Kritik</a></li></ol></aside>
         <footer><a href="/impressum">Impressum</a><a href="https://www.instagram.com/news">Instagram</a></footer>`,
    );
    expect(urls(doc)).toEqual(['https://news.example/politik/2025/haushalt-details']);
  });

  it('drops a long "related" carousel whose headlines share nothing with the article', () => {
    const offTopic = [
      'Katzenvideo des Jahres ist online',
      'Rezept für schnellen Apfelkuchen',
      'Tennis: Finale im Regen abgebrochen',
      'Neue Serie startet im Herbst',
      'Zehn Tipps für besseren Schlaf',
    ];
    const doc = page(
      article('') +
        `<div><h3>Related stories</h3><ul>${offTopic.map((t, i) => `<li><a href="/r/${i}">${t}</a></li>`).join('')}</ul></div>`,
    );
    expect(urls(doc)).toEqual(['https://news.example/politik/2025/haushalt-details']);
  });

  it('deduplicates by URL and never changes the document', () => {
    const doc = page(
      article(`<p>${PROSE} <a href="/politik/2025/haushalt-details?utm_source=x">noch einmal</a></p>
        <section><h3>Weiterführende Analysen</h3><ul><li><a href="/politik/2025/haushalt-details#teil2">Der Bericht</a></li></ul></section>`),
    );
    const before = doc.documentElement.outerHTML;
    expect(urls(doc)).toEqual(['https://news.example/politik/2025/haushalt-details']);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('findRelatedLinks on real pages (issue 12)', () => {
  it('drops shortener and affiliate links, section and topic indexes, and licensing links', () => {
    const doc = page(
      article(`<p>${PROSE} Our pick: <a href="https://amzn.to/3Xk9QpL">https://amzn.to/3Xk9QpL</a>,
          <a href="https://www.amazon.de/dp/B0C1XYZ123?tag=news-21">bei Amazon</a>,
          <a href="https://www.awin1.com/cread.php?awinmid=1&amp;ued=https%3A%2F%2Fshop.example%2Fx">im Shop</a>,
          <a href="https://bit.ly/3abcDEF">der Deal</a> und <a href="/go/vpn-vergleich">VPN-Vergleich</a>.</p>
        <p>${PROSE} Mehr im Ressort <a href="/politik">Politik</a> und zu <a href="/berlin/senat">Senat</a>,
          in der <a href="/suche?q=haushalt">Suche</a>, oder im
          <a href="/politik/2025/haushalt-berlin-einigung-im-senat-a-1234">Bericht zur Einigung im Senat</a>.</p>
        <p>${PROSE} <a href="https://syndication.news.example/automation/?url=x">Reuse this content</a>
          <a href="/lizenzen/nutzungsrechte?id=9">Nutzungsrechte erwerben</a></p>`),
    );
    expect(urls(doc)).toEqual([
      'https://news.example/politik/2025/haushalt-details',
      'https://news.example/politik/2025/haushalt-berlin-einigung-im-senat-a-1234',
    ]);
  });

  it('titles a link anchored on a fragment or a sentence by its slug, and prefers a related headline', () => {
    const doc = page(
      article(`<p>${PROSE} Zwei Helfer wurden <a href="/politik/2025/zwei-helfer-bei-angriff-getoetet/artikel">getötet</a>.
          <a href="/politik/2025/senat-beschliesst-haushalt-nach-langer-debatte-100.html">Der Senat hat den Haushalt nach einer langen Debatte beschlossen, die Opposition kündigte Widerstand an.</a>
          Laut <a href="https://stats.example/PD25_412_611.html">Statistikamt</a> stiegen die Preise.</p>
        <section><h3>Mehr zum Thema</h3><ul>
          <li><a href="/politik/2025/zwei-helfer-bei-angriff-getoetet/artikel">Zwei Helfer bei Angriff in Berlin getötet</a></li></ul></section>`),
    );
    expect(findRelatedLinks(doc, PAGE_URL).map((link) => link.title)).toEqual([
      'Bericht über den Haushalt',
      'Zwei Helfer bei Angriff in Berlin getötet',
      'Senat beschliesst haushalt nach langer debatte 100',
      'Statistikamt',
    ]);
  });
});
