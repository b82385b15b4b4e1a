import { describe, expect, it } from 'vitest';
import {
  isAdUrl,
  isAffiliateUrl,
  isLicensingUrl,
  isSectionUrl,
  isShareUrl,
  isSocialUrl,
} from './link-kinds.ts';

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
