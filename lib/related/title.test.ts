import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanTitleText, isFragmentTitle, linkTitle, readableSlugTitle, titleFromSlug } from './title.ts';

function anchor(html: string): Element {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  const found = doc.querySelector('a');
  if (!found) throw new Error('no anchor in test HTML');
  return found;
}

describe('cleanTitleText', () => {
  it('drops arrows, emoji and bullets around the words', () => {
    expect(cleanTitleText('👉 Putins Drohnenangriffe: Eskalation')).toBe(
      'Putins Drohnenangriffe: Eskalation',
    );
    expect(cleanTitleText('→ Read the report ›')).toBe('Read the report');
    expect(cleanTitleText('• Mehr zum Thema »')).toBe('Mehr zum Thema');
    expect(cleanTitleText('Next story ➜')).toBe('Next story');
    expect(cleanTitleText('🇩🇪 Wahl 👍🏽 heute')).toBe('Wahl heute');
  });

  it('removes the pingback ellipses and keeps inner punctuation', () => {
    expect(cleanTitleText('[…] Kim Jong Un & Putin: Nordkorea-Russland Allianz […]')).toBe(
      'Kim Jong Un & Putin: Nordkorea-Russland Allianz',
    );
    expect(cleanTitleText('[...] an excerpt [...]')).toBe('an excerpt');
  });
});

describe('titleFromSlug', () => {
  it('turns the last path segment into words without extension or trailing ids', () => {
    expect(titleFromSlug('https://x.example/meldung/1Password-fuer-Mac-2596987.html')).toBe(
      '1Password fuer Mac',
    );
    expect(titleFromSlug('https://x.example/analyse/putins-drohnenangriffe/')).toBe('Putins drohnenangriffe');
    expect(titleFromSlug('https://x.example/')).toBe('x.example');
  });
});

describe('linkTitle', () => {
  it('prefers the anchor text, then the title attribute, then image alt text, then the slug', () => {
    expect(linkTitle(anchor('<a href="/a">▶ Die Analyse</a>'), 'https://x.example/a')).toBe('Die Analyse');
    expect(linkTitle(anchor('<a href="/a" title="Aus dem Titel">→</a>'), 'https://x.example/a')).toBe(
      'Aus dem Titel',
    );
    expect(
      linkTitle(anchor('<a href="/a"><img alt="Bildtitel" src="x.png"></a>'), 'https://x.example/a'),
    ).toBe('Bildtitel');
    expect(linkTitle(anchor('<a href="/a">👉</a>'), 'https://x.example/politik/neue-fronten.html')).toBe(
      'Neue fronten',
    );
  });
});

describe('bracketed and card titles', () => {
  it('unwraps a bracketed "[Read: …]" line and prefers the heading of a teaser card', () => {
    expect(cleanTitleText('[Read: Why Tunisia suffers]')).toBe('Read: Why Tunisia suffers');
    expect(
      linkTitle(
        anchor('<a href="/a"><h3>Obama urges UK to stay</h3><span>4 hours ago</span></a>'),
        'https://x.example/a',
      ),
    ).toBe('Obama urges UK to stay');
  });
});

describe('long link texts', () => {
  it('cuts a linked paragraph to headline length at a word boundary', () => {
    const words = Array.from({ length: 60 }, (_, i) => `Wort${i}`).join(' ');
    const title = linkTitle(anchor(`<a href="/a">${words}</a>`), 'https://x.example/a');
    expect(title.length).toBeLessThanOrEqual(161);
    expect(title.endsWith('…')).toBe(true);
    expect(words.startsWith(title.slice(0, -1))).toBe(true);
  });
});

describe('titles of links in running text (issue 12)', () => {
  it('tells a fragment or a sentence from a name', () => {
    for (const text of [
      'killed',
      'reported last month',
      'a statement',
      'Angaben',
      'This is a whole sentence that someone made into one link.',
    ]) {
      expect(isFragmentTitle(text), text).toBe(true);
    }
    for (const text of ['Missing middle housing', 'Urteil des Landesarbeitsgerichts Hessen']) {
      expect(isFragmentTitle(text), text).toBe(false);
    }
  });

  it('reads a slug as a title only when it has words, skipping generic last segments', () => {
    expect(readableSlugTitle('https://x.example/news/werder-stellt-sich-hinter-hansen-653990/artikel')).toBe(
      'Werder stellt sich hinter hansen',
    );
    expect(readableSlugTitle('https://x.example/Presse/PD25_412_611.html')).toBeNull();
    expect(readableSlugTitle('https://x.example/publication/61234')).toBeNull();
  });

  it('never shows an address as the title', () => {
    expect(
      linkTitle(
        anchor('<a href="/a">https://x.example/a</a>'),
        'https://x.example/2025/sturm-trifft-kueste-hart',
      ),
    ).toBe('Sturm trifft kueste hart');
    expect(linkTitle(anchor('<a href="/a">www.x.example/?p=1</a>'), 'https://www.x.example/?p=1')).toBe(
      'x.example',
    );
  });

  it('titles an in-text fragment from the slug, and keeps it where the slug has no words', () => {
    const href = 'https://x.example/world/2025/two-aid-workers-killed-in-strike';
    expect(linkTitle(anchor('<a href="/a">killed</a>'), href, true)).toBe('Two aid workers killed in strike');
    expect(linkTitle(anchor('<a href="/a">killed</a>'), href)).toBe('killed');
    expect(
      linkTitle(anchor('<a href="/a">Statistikamt</a>'), 'https://x.example/PD25_412_611.html', true),
    ).toBe('Statistikamt');
  });
});

describe('teaser and document titles', () => {
  it("takes a teaser's title part without its kicker, and a PDF's name without the extension", () => {
    expect(
      linkTitle(
        anchor(
          '<a href="/a"><span class="kicker">Chronik</span> <span class="title">Der lange Streit</span></a>',
        ),
        'https://x.example/a',
      ),
    ).toBe('Der lange Streit');
    expect(titleFromSlug('https://x.example/blob/monatsbericht-oktober-2025.pdf')).toBe(
      'Monatsbericht oktober',
    );
    expect(readableSlugTitle('https://x.example/analyses/global-coral-bleaching-2023-25.php')).toBe(
      'Global coral bleaching 2023 25',
    );
  });
});
