import { describe, expect, it } from 'vitest';
import { isAdUrl, isShareUrl, isSocialUrl, resolveLinkUrl, samePageKey, siteOf } from './url.ts';

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

describe('samePageKey', () => {
  it('treats scheme, www, fragment, tracking and a trailing slash as the same page', () => {
    expect(samePageKey('http://www.news.example/a/?utm_source=x#top')).toBe(
      samePageKey('https://news.example/a'),
    );
  });

  it('keeps pages with different paths or real parameters apart', () => {
    expect(samePageKey('https://news.example/a?page=2')).not.toBe(samePageKey('https://news.example/a'));
    expect(samePageKey('https://news.example/b')).not.toBe(samePageKey('https://news.example/a'));
  });
});

describe('link kinds', () => {
  it('recognises share dialogs, social profiles and ad clicks', () => {
    expect(isShareUrl('https://www.facebook.com/sharer/sharer.php?u=x')).toBe(true);
    expect(isShareUrl('https://twitter.com/intent/tweet?url=x')).toBe(true);
    expect(isShareUrl('https://www.reddit.com/submit?url=x')).toBe(true);
    expect(isSocialUrl('https://www.instagram.com/weltblick')).toBe(true);
    expect(isSocialUrl('https://blog.example.org/post')).toBe(false);
    expect(isAdUrl('https://ads.example.net/click?campaign=1')).toBe(true);
    expect(isAdUrl('http://pubads.g.doubleclick.net/gampad/clk?id=1')).toBe(true);
    expect(isAdUrl('https://news.example/politik/wahl')).toBe(false);
  });

  it('groups hosts of one site', () => {
    expect(siteOf('https://www1.folha.uol.com.br/a')).toBe('uol.com.br');
    expect(siteOf('https://sport.aktualne.cz/a')).toBe('aktualne.cz');
    expect(siteOf('https://www.telegraph.co.uk/a')).toBe('telegraph.co.uk');
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
