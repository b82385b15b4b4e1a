import { describe, expect, it } from 'vitest';
import { resolveLinkUrl, sameArticleKey, siteNameOf, siteOf, stripTracking } from './url.ts';

describe('resolveLinkUrl', () => {
  const base = 'https://news.example/politik/artikel.html';

  it('resolves relative hrefs against the base', () => {
    expect(resolveLinkUrl('../analyse/eins', base)).toBe('https://news.example/analyse/eins');
    expect(resolveLinkUrl('//cdn.example/a', base)).toBe('https://cdn.example/a');
  });

  it('removes tracking parameters and keeps the others', () => {
    expect(resolveLinkUrl('/a?utm_source=x&utm_medium=y&id=7&fbclid=abc&gclid=1&mc_cid=2', base)).toBe(
      'https://news.example/a?id=7',
    );
    expect(resolveLinkUrl('/a?utm_campaign=z', base)).toBe('https://news.example/a');
  });

  it('refuses same-page anchors and non-web schemes', () => {
    for (const href of [
      '#kommentare',
      'javascript:void(0)',
      'mailto:a@b.example',
      'tel:123',
      'whatsapp://send',
      '',
    ]) {
      expect(resolveLinkUrl(href, base)).toBeNull();
    }
  });
});

describe('resolveLinkUrl without a page address', () => {
  it('keeps relative links as written and gives protocol-relative ones https, never file:', () => {
    expect(resolveLinkUrl('/politik/a?utm_source=x&id=2', null)).toBe('/politik/a?id=2');
    expect(resolveLinkUrl('../analyse/b.html', null)).toBe('../analyse/b.html');
    expect(resolveLinkUrl('//cdn.example/x', null)).toBe('https://cdn.example/x');
    expect(resolveLinkUrl('https://news.example/a', null)).toBe('https://news.example/a');
    expect(resolveLinkUrl('mailto:a@b.example', null)).toBeNull();
  });
});

describe('stripTracking', () => {
  it('keeps a query without tracking as it was spelled', () => {
    expect(stripTracking(new URL('https://n.example/a?q=a+b&flag')).search).toBe('?q=a+b&flag');
    expect(stripTracking(new URL('https://n.example/a?utm_source=x')).href).toBe('https://n.example/a');
  });
});

describe('sameArticleKey', () => {
  it('treats scheme, www, fragment, tracking and a trailing slash as the same page', () => {
    expect(sameArticleKey('http://www.news.example/a/?utm_source=x#top')).toBe(
      sameArticleKey('https://news.example/a'),
    );
  });

  it('keeps pages with different paths or real parameters apart', () => {
    expect(sameArticleKey('https://news.example/a?page=2')).not.toBe(
      sameArticleKey('https://news.example/a'),
    );
    expect(sameArticleKey('https://news.example/b')).not.toBe(sameArticleKey('https://news.example/a'));
  });
});

describe('sameArticleKey for saved articles', () => {
  it.each([
    ['https://News.Example.COM/politik/kim', 'https://news.example.com/politik/kim'],
    ['https://news.example.com/politik/kim/', 'https://news.example.com/politik/kim'],
    ['https://news.example.com/politik/kim#comments', 'https://news.example.com/politik/kim'],
    [
      'https://news.example.com/politik/kim?utm_source=tw&utm_medium=social',
      'https://news.example.com/politik/kim',
    ],
    [
      'https://news.example.com/politik/kim?fbclid=abc&gclid=def&mc_cid=1',
      'https://news.example.com/politik/kim',
    ],
    ['http://news.example.com:80/politik/kim', 'https://news.example.com/politik/kim'],
    ['https://news.example.com/story?b=2&a=1', 'https://news.example.com/story?a=1&b=2'],
  ])('%s is the same article as %s', (a, b) => {
    expect(sameArticleKey(a)).toBe(sameArticleKey(b));
  });

  it.each([
    ['https://news.example.com/story?id=1', 'https://news.example.com/story?id=2'],
    ['https://news.example.com/a', 'https://news.example.com/b'],
    ['https://news.example.com/a', 'https://other.example.com/a'],
    ['https://news.example.com/Story', 'https://news.example.com/story'],
  ])('%s differs from %s', (a, b) => {
    expect(sameArticleKey(a)).not.toBe(sameArticleKey(b));
  });

  it('keys www and bare host, http and https, as one article', () => {
    expect(sameArticleKey('http://www.news.example.com/a')).toBe(
      sameArticleKey('https://news.example.com/a'),
    );
    expect(sameArticleKey('https://news.example.com./a?ref_src=tw')).toBe(
      sameArticleKey('https://news.example.com/a'),
    );
  });

  it('leaves unparsable input as it is (trimmed) and keeps non-web addresses whole', () => {
    expect(sameArticleKey('  http:// ')).toBe('http://');
    expect(sameArticleKey('file:///home/a.html#x')).toBe('file:///home/a.html');
  });
});

describe('siteNameOf', () => {
  it('prefers the site name, else the host without www', () => {
    expect(siteNameOf({ siteName: 'Tagesblick', url: 'https://www.tagesblick.example/x' })).toBe(
      'Tagesblick',
    );
    expect(siteNameOf({ siteName: null, url: 'https://www.tagesblick.example/x' })).toBe(
      'tagesblick.example',
    );
  });
});

describe('siteOf', () => {
  it('groups hosts of one site', () => {
    expect(siteOf('https://www1.folha.uol.com.br/a')).toBe('uol.com.br');
    expect(siteOf('https://sport.aktualne.cz/a')).toBe('aktualne.cz');
    expect(siteOf('https://www.telegraph.co.uk/a')).toBe('telegraph.co.uk');
  });
});
