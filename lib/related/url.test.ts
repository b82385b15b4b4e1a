import { describe, expect, it } from 'vitest';
import {
  isAdUrl,
  isAffiliateUrl,
  isLicensingUrl,
  isSectionUrl,
  isShareUrl,
  isSocialUrl,
  resolveLinkUrl,
  samePageKey,
  siteOf,
} from './url.ts';

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

describe('issue 12: links that are never reading', () => {
  it('knows shorteners, affiliate networks, Amazon product pages, partner ids and click-out paths', () => {
    for (const href of [
      'https://amzn.to/3Xk9QpL',
      'https://bit.ly/3abc',
      'https://t.co/Xy12AbC9',
      'https://go.skimresources.com/?id=1&url=https%3A%2F%2Fshop.example',
      'https://click.linksynergy.com/deeplink?id=A&murl=x',
      'https://www.amazon.co.uk/dp/B07XYZ9876/',
      'https://shop.example/tickets?partner=news',
      'https://news.example/go/vpn-angebote',
    ]) {
      expect(isAffiliateUrl(href), href).toBe(true);
    }
    for (const href of [
      'https://news.example/politik/2025/bericht',
      'https://www.amazon.com/about',
      'https://bitly.example/x',
    ]) {
      expect(isAffiliateUrl(href), href).toBe(false);
    }
  });

  it('knows licensing and reuse pages', () => {
    expect(isLicensingUrl('https://syndication.news.example/automation/?url=x')).toBe(true);
    expect(isLicensingUrl('https://news.example/reprints-permissions/')).toBe(true);
    expect(isLicensingUrl('https://news.example/service/nutzungsrechte?id=1')).toBe(true);
    expect(isLicensingUrl('https://news.example/kultur/2025/urheberrecht-streit-eskaliert')).toBe(false);
  });

  it('reads short id-less paths of at most two segments as section, topic or search pages', () => {
    for (const href of [
      'https://n.example/commentisfree',
      'https://n.example/world/middleeast',
      'https://n.example/lokales/templin/',
      'https://n.example/suche?q=x',
    ]) {
      expect(isSectionUrl(href), href).toBe(true);
    }
    for (const href of [
      'https://n.example/sourdough-starter-from-scratch/',
      'https://n.example/politik/2025/senat',
      'https://n.example/news/science-environment-67712290',
      'https://n.example/a/b/c',
    ]) {
      expect(isSectionUrl(href), href).toBe(false);
    }
  });
});
